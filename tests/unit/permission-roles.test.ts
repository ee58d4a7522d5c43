// The permission matrix and the role lists the contract builds it from, checked without any
// vault against the matrix written out by hand (support/permission-matrix.ts): a fixture that
// fails to build (as it would if coordinators lost shelter management) skips a file's tests
// rather than failing them, so these must fail on their own. They also let a mutation run judge
// each role list within a second, before the large permission suite with its shared fixture.
import { describe, expect, it } from 'vitest';
import { PROCEDURE_NAMES, procedures, type ProcedureName } from '../../shared/contract';
import { isAllowed, permissionMatrix } from '../../shared/permissions';
import { ROLES, type Role } from '../../shared/roles';
import { EXPECTED_MATRIX, expectedAllowed, NOT_ROLE_GATED } from './support/permission-matrix';

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

  it('is data: one row per procedure, one column per role, deny unless listed', () => {
    expect(Object.keys(permissionMatrix).sort()).toEqual([...PROCEDURE_NAMES].sort());
    for (const name of PROCEDURE_NAMES)
      expect(Object.keys(permissionMatrix[name]).sort()).toEqual([...ROLES].sort());
    expect(permissionMatrix['users.create']).toEqual({
      admin: true,
      coordinator: false,
      caseworker: false,
      therapist: false,
    });
  });

  it('is exactly the expected role × procedure matrix, written out by hand', () => {
    const actual = PROCEDURE_NAMES.filter((n) => !(n in NOT_ROLE_GATED)).map((name) => [
      name,
      ...ROLES.map((role) => permissionMatrix[name][role]),
    ]);
    expect(actual).toEqual(EXPECTED_MATRIX);
    for (const [name, role] of ROLES.flatMap((r) => EXPECTED_MATRIX.map(([n]) => [n, r] as const)))
      expect({ name, role, allowed: isAllowed(name, role) }).toEqual({
        name,
        role,
        allowed: expectedAllowed(name, role),
      });
  });

  it('grants no role a public or recovery procedure, nor one that does not exist', () => {
    expect(
      Object.fromEntries(
        PROCEDURE_NAMES.filter((n) => !Array.isArray(procedures[n].access)).map((n) => [
          n,
          procedures[n].access,
        ]),
      ),
    ).toEqual(NOT_ROLE_GATED);
    for (const role of ROLES) {
      for (const name of Object.keys(NOT_ROLE_GATED) as ProcedureName[]) {
        expect({ name, role, allowed: isAllowed(name, role) }).toEqual({
          name,
          role,
          allowed: false,
        });
        expect(permissionMatrix[name][role]).toBe(false);
      }
      expect(isAllowed('users.drop' as ProcedureName, role)).toBe(false);
      expect(isAllowed('__proto__' as ProcedureName, role)).toBe(false);
    }
  });
});
