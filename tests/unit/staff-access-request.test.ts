// The access-request export about a staff member on a real vault: the account, the actions the
// caseworker performed (case codes only), what others did to the account, the records naming her
// as author (counts and dates), when her password was last set; never the child's name, the
// contact's text or any key material. Administrator only, an unknown account NOT_FOUND, the run
// and each output audited against the account.
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, daysAgo, fails, instantDaysAgo, ok, register } from './support';

const CANARY_NAME = 'Fictional Canarychild Subject';
const CANARY_NOTE = 'Fictional canary: asked where the shelter is';

let f: Awaited<ReturnType<typeof caseVault>>;
let caseCode = '';

beforeAll(async () => {
  f = await caseVault();
  await f.as('coordinator');
  const child = await register(f.backend, { legalName: CANARY_NAME });
  caseCode = child.caseCode;
  await ok(f.backend, 'placements.admit', {
    childId: child.id,
    bedId: f.bed(f.cebu, 0),
    startAt: instantDaysAgo(5),
    reason: 'Fictional rescue',
  });
  await f.as('cebu');
  await ok(f.backend, 'children.get', { id: child.id });
  await ok(f.backend, 'contacts.save', {
    childId: child.id,
    kind: 'phone_call',
    occurredOn: daysAgo(2),
    withWhom: 'Fictional Tita Canary',
    supervised: false,
    concerns: CANARY_NOTE,
  });
  await f.as('admin');
}, 180_000);

describe('access request for a staff member', () => {
  it('holds the account, her actions by case code, her records counted and her key-slot dates', async () => {
    const report = await ok(f.backend, 'reports.staffAccessRequest', { userId: f.ids.cebu });
    expect(report.kind).toBe('staffAccessRequest');
    expect(report.account).toEqual({
      id: f.ids.cebu,
      displayName: 'Fictional cw.cebu',
      username: 'cw.cebu',
      role: 'caseworker',
      shelters: ['Fictional Home Cebu'],
      language: 'en',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      disabledAt: null,
      lastSignInAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // She changed the temporary password at her first sign-in.
    expect(report.keySlot).toEqual({
      passwordChangedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      mustChangePassword: false,
      travels: true,
    });
    expect(report.keySlot.passwordChangedAt! >= report.account.createdAt).toBe(true);
    const actions = report.actions.map((a) => [a.action, a.outcome, a.caseCode]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['account.changePassword', 'ok', null],
        ['children.get', 'ok', caseCode],
        ['contacts.save', 'ok', caseCode],
      ]),
    );
    expect(report.actionsOnAccount.map((a) => [a.action, a.actorName])).toEqual([
      ['users.create', 'Fictional Admin Reyes'],
    ]);
    expect(report.authored).toEqual([
      { table: 'contact_log', count: 1, first: expect.any(String), last: expect.any(String) },
    ]);
    // The child is not the subject here: nothing of her record, nothing of a key.
    const flat = JSON.stringify(report);
    expect(flat).not.toContain(CANARY_NAME);
    expect(flat).not.toContain(CANARY_NOTE);
    expect(flat).not.toContain('Fictional Tita Canary');
    expect(flat).not.toMatch(/sealedPrivateKey|publicKey|salt/);
  });

  it('is the administrator’s, refuses an unknown account, and audits the run and each output', async () => {
    await f.as('coordinator');
    expect(
      await fails(f.backend, 'reports.staffAccessRequest', { userId: f.ids.cebu }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await f.as('admin');
    expect(
      await fails(f.backend, 'reports.staffAccessRequest', {
        userId: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5c99',
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    await ok(f.backend, 'reports.recordStaffAccessRequestOutput', {
      userId: f.ids.cebu,
      output: 'pdf',
      language: 'en',
    });
    const { entries } = await ok(f.backend, 'audit.list', { limit: 50 });
    const ours = entries
      .filter((e) => e.action.startsWith('reports.') && e.targetId === f.ids.cebu)
      .map((e) => [e.action, e.targetType, e.detail?.output ?? null]);
    expect(ours).toEqual(
      expect.arrayContaining([
        ['reports.recordStaffAccessRequestOutput', 'user', 'pdf'],
        ['reports.staffAccessRequest', 'user', null],
      ]),
    );
  });
});
