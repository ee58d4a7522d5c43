// The role lists the contract is built from, checked without any vault: a fixture that fails to
// build (as it would if coordinators lost shelter management) skips a file's tests rather than
// failing them, so these rows must fail on their own. They also let a mutation run judge each
// role list within a second, before the large permission suite with its shared fixture starts.
import { describe, expect, it } from 'vitest';
import type { ProcedureName } from '../../shared/contract';
import { isAllowed, permissionMatrix } from '../../shared/permissions';
import { ROLES, type Role } from '../../shared/roles';

/** One procedure for each role list in the contracts, and the roles that list names. */
const ONE_PROCEDURE_PER_ROLE_LIST: [ProcedureName, Role[]][] = [
  ['session.lock', ['admin', 'coordinator', 'caseworker', 'therapist']],
  ['settings.update', ['admin']],
  ['backup.setRetention', ['admin']],
  ['incidents.save', ['coordinator', 'caseworker']],
  ['accused.save', ['coordinator', 'caseworker']],
  ['health.records', ['coordinator', 'caseworker', 'therapist']],
  ['children.register', ['coordinator', 'caseworker']],
  ['households.get', ['coordinator', 'caseworker']],
  ['privacy.childAccessLog', ['coordinator']],
  ['breaches.list', ['admin']],
  ['retention.overview', ['admin']],
  ['reintegration.list', ['coordinator', 'caseworker']],
  ['reintegration.approve', ['coordinator']],
  ['reports.placement', ['admin', 'coordinator', 'caseworker']],
  ['reports.therapy', ['coordinator', 'caseworker', 'therapist']],
  ['reports.placementHistory', ['coordinator', 'caseworker']],
  ['beds.reserve', ['coordinator', 'caseworker']],
  ['shelters.save', ['coordinator']],
  ['sync.now', ['admin', 'coordinator', 'caseworker', 'therapist']],
  ['sync.computers', ['admin', 'coordinator']],
  ['measures.record', ['therapist']],
  ['measures.history', ['coordinator', 'therapist']],
  ['notes.start', ['therapist']],
  ['notes.forChild', ['coordinator', 'caseworker', 'therapist']],
  ['therapy.therapists', ['coordinator', 'caseworker', 'therapist']],
  ['therapy.unplanned', ['coordinator', 'therapist']],
  ['therapy.today', ['therapist']],
  ['therapy.saveRules', ['admin']],
];

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

  it.each(ONE_PROCEDURE_PER_ROLE_LIST)('%s is allowed to exactly %j', (name, roles) => {
    expect(ROLES.filter((role) => isAllowed(name, role))).toEqual(
      ROLES.filter((role) => roles.includes(role)),
    );
  });

  it('a public or recovery procedure, or one that does not exist, is no role’s', () => {
    for (const role of ROLES) {
      expect(isAllowed('auth.signIn', role)).toBe(false);
      expect(isAllowed('auth.recoveryResetAdmin', role)).toBe(false);
      expect(isAllowed('no.such' as ProcedureName, role)).toBe(false);
    }
  });
});
