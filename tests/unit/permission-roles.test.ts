// The role lists the contract is built from, checked without any vault: a fixture that fails to
// build (as it would if coordinators lost shelter management) skips a file's tests rather than
// failing them, so these rows must fail on their own.
import { describe, expect, it } from 'vitest';
import { permissionMatrix } from '../../shared/permissions';

describe('the role lists behind the permission matrix', () => {
  it('coordinators alone manage shelters; the case team registers children; everyone locks', () => {
    expect(permissionMatrix['shelters.save']).toEqual({
      admin: false,
      coordinator: true,
      caseworker: false,
      therapist: false,
    });
    expect(permissionMatrix['children.register']).toEqual({
      admin: false,
      coordinator: true,
      caseworker: true,
      therapist: false,
    });
    expect(permissionMatrix['users.create']).toEqual({
      admin: true,
      coordinator: false,
      caseworker: false,
      therapist: false,
    });
    expect(Object.values(permissionMatrix['session.lock'])).toEqual([true, true, true, true]);
  });
});
