// The access-request export on a real vault: every kind of record naming the child (her own row,
// her household's family, the intake reference, a consent, a status change), soft-deleted rows
// included, confidential columns left out and named, user ids given as names, another child's
// records absent; coordinator only, out-of-scope NOT_FOUND, the run and each output audited.
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, fails, instantDaysAgo, ok, register } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
let childId = '';

beforeAll(async () => {
  f = await caseVault();
  await f.as('coordinator');
  childId = (await register(f.backend, { legalName: 'Fictional Access Subject' })).id;
  // Placed in Cebu and assigned to no one: the Cebu caseworker sees her, outside her own team.
  await ok(f.backend, 'placements.admit', {
    childId,
    bedId: f.bed(f.cebu, 0),
    startAt: instantDaysAgo(5),
    reason: 'Fictional rescue',
  });
  const other = (await register(f.backend, { legalName: 'Fictional Other Child' })).id;
  await ok(f.backend, 'intake.record', {
    childId,
    heldWhere: 'video',
    reference: 'Fictional video reference V-77',
  });
  await ok(f.backend, 'family.save', {
    childId,
    name: 'Fictional Tita Access',
    relationship: 'aunt',
    livesInHousehold: false,
    allegedOffender: false,
    noContactOrder: false,
  });
  await ok(f.backend, 'family.save', {
    childId: other,
    name: 'Fictional Unrelated Uncle',
    relationship: 'uncle',
    livesInHousehold: false,
    allegedOffender: false,
    noContactOrder: false,
  });
  await ok(f.backend, 'intake.open', { childId });
}, 180_000);

describe('access-request export', () => {
  it('holds every record naming the child and nothing of another child', async () => {
    const report = await ok(f.backend, 'reports.accessRequest', { childId });
    const tables = report.records.map((r) => r.table);
    expect(tables[0]).toBe('children');
    expect(tables).toEqual(
      expect.arrayContaining([
        'children',
        'family_members',
        'intake_accounts',
        'child_status_changes',
      ]),
    );
    const flat = JSON.stringify(report.records);
    expect(flat).toContain('Fictional Access Subject');
    expect(flat).toContain('Fictional Tita Access');
    expect(flat).toContain('Fictional video reference V-77');
    expect(flat).not.toMatch(/Fictional Other Child|Fictional Unrelated Uncle/);
    // Who recorded the intake account is named, not given as an id.
    const intake = report.records.find((r) => r.table === 'intake_accounts')!.rows[0]!;
    expect(intake.find((v) => v.field === 'recorded_by')?.value).toMatch(/^Fictional /);
    expect(intake.some((v) => v.field === 'child_id')).toBe(false);
    expect(report.child).toMatchObject({ id: childId });
  });

  it('leaves confidential columns out and names them', async () => {
    await f.as('cebu');
    // A caseworker outside the child's team opens the intake account with a reason (confidential).
    await ok(f.backend, 'intake.open', { childId, reason: 'Fictional reason to read the account' });
    await f.as('coordinator');
    const report = await ok(f.backend, 'reports.accessRequest', { childId });
    expect(JSON.stringify(report)).not.toContain('Fictional reason to read the account');
    expect(report.withheld).toContain('intake_reads.reason');
  });

  it('is the coordinator’s, refuses a child out of scope, and audits the run and each output', async () => {
    await f.as('cebu');
    expect(await fails(f.backend, 'reports.accessRequest', { childId })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await f.as('coordinator');
    expect(
      await fails(f.backend, 'reports.accessRequest', {
        childId: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5c99',
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    await ok(f.backend, 'reports.recordAccessRequestOutput', {
      childId,
      output: 'pdf',
      language: 'en',
    });
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { limit: 50 });
    const ours = entries
      .filter((e) => e.action.startsWith('reports.') && e.targetId === childId)
      .map((e) => [e.action, e.detail?.output ?? null]);
    expect(ours).toEqual(
      expect.arrayContaining([
        ['reports.recordAccessRequestOutput', 'pdf'],
        ['reports.accessRequest', null],
      ]),
    );
  });
});
