// The intake account as a reference, not a second interview: where it is held, optional text,
// corrections only by signed addenda, and opening limited to the child's own team (anyone else in
// scope gives a reason, kept and audited).
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, daysAgo, fails, instantDaysAgo, ok, register, sample } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
let child: { id: string; caseCode: string };
const REFERENCE = 'Fictional video reference V-2026-014, kept by the WCPD Cebu';
const REASON = 'Fictional reason: covering for her caseworker during leave';

beforeAll(async () => {
  f = await caseVault();
  await f.as('coordinator');
  // Assigned to the Iloilo caseworker but placed in Cebu: the Cebu caseworker and the therapist
  // there have the child in scope without being the child's own team.
  child = await register(f.backend, {
    legalName: 'Fictional Intake Reyes',
    assignedCaseworkerId: f.ids.iloilo,
    referralDate: daysAgo(20),
    intakeDate: daysAgo(20),
  });
  await ok(f.backend, 'placements.admit', {
    childId: child.id,
    bedId: f.bed(f.cebu, 0),
    startAt: instantDaysAgo(10),
    reason: 'Rescue',
  });
});

describe('the intake account as a reference', () => {
  it('records where the account is held, with the free text optional, once', async () => {
    await f.as('iloilo');
    await ok(f.backend, 'intake.record', {
      childId: child.id,
      heldWhere: 'video',
      reference: REFERENCE,
    });
    const again = await fails(f.backend, 'intake.record', {
      childId: child.id,
      heldWhere: 'affidavit',
      reference: 'Fictional second reference',
    });
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'intake.alreadyRecorded' });
    const missing = await fails(f.backend, 'intake.record', {
      childId: child.id,
      reference: REFERENCE,
    });
    expect(missing).toMatchObject({ code: 'VALIDATION' });
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.intakeAccount).toMatchObject({
      heldWhere: 'video',
      reference: REFERENCE,
      hasAccount: false,
      addenda: 0,
      reasonNeeded: false,
    });
    const opened = await ok(f.backend, 'intake.open', { childId: child.id });
    expect(opened).toMatchObject({ account: null, heldWhere: 'video', reference: REFERENCE });
  });

  it('someone in scope outside the child’s team gives a reason, kept apart and audited', async () => {
    await f.as('cebu');
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.intakeAccount?.reasonNeeded).toBe(true);
    expect(await fails(f.backend, 'intake.open', { childId: child.id })).toMatchObject({
      code: 'VALIDATION',
      fields: { reason: 'intake.reasonRequired' },
    });
    const opened = await ok(f.backend, 'intake.open', { childId: child.id, reason: REASON });
    expect(opened.reference).toBe(REFERENCE);
    // Printed, there is no reason to give: the report's intake section is the team's only.
    expect(
      await fails(f.backend, 'reports.placementHistory', {
        from: daysAgo(30),
        to: daysAgo(0),
        childId: child.id,
        sections: ['intake'],
      }),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'intake.notOwnTeam' });

    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { action: 'intake.open', limit: 20 });
    const cebu = entries.filter((e) => e.actorId === f.ids.cebu && e.targetId === child.id);
    expect(cebu.map((e) => [e.outcome, e.detail?.withReason])).toEqual([['ok', true]]);
    expect(JSON.stringify(entries)).not.toContain('covering');
    const vault = await f.inspect();
    expect(vault.db.prepare('SELECT child_id, reader_id, reason FROM intake_reads').all()).toEqual([
      { child_id: child.id, reader_id: f.ids.cebu, reason: REASON },
    ]);
    vault.close();
  });

  it('a therapist gives a reason until the child is on their caseload', async () => {
    await f.as('therapist');
    expect((await fails(f.backend, 'intake.open', { childId: child.id })).code).toBe('VALIDATION');
    await f.as('coordinator');
    await ok(f.backend, 'therapy.savePlan', {
      ...(sample('coordinator')['therapy.savePlan'] as object),
      id: undefined,
      childId: child.id,
      therapistId: f.ids.therapist,
    });
    await f.as('therapist');
    expect((await ok(f.backend, 'intake.open', { childId: child.id })).reference).toBe(REFERENCE);
  });

  it('corrects only by signed addenda; the original stays as it was', async () => {
    await f.as('cebu');
    const unsigned = await fails(f.backend, 'intake.addAddendum', {
      childId: child.id,
      text: 'Fictional correction',
      signed: false,
    });
    expect(unsigned).toMatchObject({
      code: 'VALIDATION',
      fields: { signed: 'intake.signRequired' },
    });
    const addendum = await ok(f.backend, 'intake.addAddendum', {
      childId: child.id,
      text: 'Fictional correction: the video is V-2026-015.',
      signed: true,
    });
    expect(addendum).toMatchObject({ signedByName: 'Fictional cw.cebu' });
    await f.as('coordinator');
    const opened = await ok(f.backend, 'intake.open', { childId: child.id });
    expect(opened.reference).toBe(REFERENCE);
    expect(opened.addenda.map((a) => a.text)).toEqual([
      'Fictional correction: the video is V-2026-015.',
    ]);
    expect((await ok(f.backend, 'children.get', { id: child.id })).intakeAccount?.addenda).toBe(1);
    // Not even a direct write changes the account or a signed addendum.
    const vault = await f.inspect();
    expect(() =>
      vault.db.prepare("UPDATE intake_accounts SET reference = 'changed'").run(),
    ).toThrow(/intake\.kept/);
    expect(() => vault.db.prepare("UPDATE intake_addenda SET text = 'changed'").run()).toThrow(
      /intake\.kept/,
    );
    vault.close();
  });

  it('out of scope, an addendum or an opening is NOT_FOUND', async () => {
    await f.as('coordinator');
    const elsewhere = await register(f.backend, { legalName: 'Fictional Elsewhere Child' });
    await f.as('iloilo');
    expect(
      (await fails(f.backend, 'intake.open', { childId: elsewhere.id, reason: REASON })).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await fails(f.backend, 'intake.addAddendum', {
          childId: elsewhere.id,
          text: 'Fictional',
          signed: true,
        })
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('a therapist lists the accounts in her scope, never their content, and opens one with a reason', async () => {
    await f.as('coordinator');
    const unseen = await register(f.backend, { legalName: 'Fictional Unseen Child' });
    await ok(f.backend, 'intake.record', {
      childId: unseen.id,
      heldWhere: 'affidavit',
      reference: 'Fictional affidavit of a child the therapist may not see',
    });
    // Placed in Cebu, the shelter the administrator gave her, but not on her caseload.
    const placed = await register(f.backend, { legalName: 'Fictional Placed Child' });
    await ok(f.backend, 'placements.admit', {
      childId: placed.id,
      bedId: f.bed(f.cebu, 1),
      startAt: instantDaysAgo(5),
      reason: 'Rescue',
    });
    await ok(f.backend, 'intake.record', {
      childId: placed.id,
      heldWhere: 'affidavit',
      reference: 'Fictional affidavit A-9',
    });
    await f.as('therapist');
    const rows = await ok(f.backend, 'intake.accounts', {});
    const byChild = Object.fromEntries(rows.map((r) => [r.childId, r.summary]));
    expect(Object.keys(byChild).sort()).toEqual([child.id, placed.id].sort());
    // The first child is on her caseload since the plan above.
    expect(byChild[child.id]).toMatchObject({ reference: REFERENCE, reasonNeeded: false });
    expect(byChild[placed.id]).toMatchObject({
      heldWhere: 'affidavit',
      reference: 'Fictional affidavit A-9',
      reasonNeeded: true,
    });
    expect(JSON.stringify(rows)).not.toMatch(/Fictional Intake Reyes|Fictional Placed Child/);
    expect((await fails(f.backend, 'intake.open', { childId: placed.id })).code).toBe('VALIDATION');
    const opened = await ok(f.backend, 'intake.open', { childId: placed.id, reason: REASON });
    expect(opened.reference).toBe('Fictional affidavit A-9');
    expect(
      (await fails(f.backend, 'intake.open', { childId: unseen.id, reason: REASON })).code,
    ).toBe('NOT_FOUND');
  });
});
