// One child's placement history on a real vault: exact rows over two months whose boundary falls
// on a transfer at midnight in Manila, a discharge and re-admission, legal events on both sides
// of the period, the optional sections only when ticked, scope and audit.
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, fails, ok, register } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
let childId = '';
const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const FEBRUARY = { from: '2024-02-01', to: '2024-02-29' };
/** Midnight of 1 March in Manila. */
const MARCH_START = '2024-02-29T16:00:00.000Z';

beforeAll(async () => {
  f = await caseVault();
  await f.as('coordinator');
  childId = (
    await register(f.backend, {
      legalName: 'Fictional Niña Dela Cruz',
      alias: 'W.H.L.',
      referralDate: '2024-01-10',
      intakeDate: '2024-01-10',
      assignedCaseworkerId: f.ids.cebu,
    })
  ).id;
  await ok(f.backend, 'placements.admit', {
    childId,
    bedId: f.bed(f.cebu, 0),
    startAt: '2024-01-15T02:00:00.000Z',
    reason: 'Rescue',
  });
  await ok(f.backend, 'placements.transfer', {
    childId,
    toBedId: f.bed(f.cebu, 1),
    at: '2024-02-20T02:00:00.000Z',
    reason: 'Quieter room',
  });
  await ok(f.backend, 'placements.transfer', {
    childId,
    toBedId: f.bed(f.iloilo, 0),
    at: MARCH_START,
    reason: 'Closer to school',
  });
  await ok(f.backend, 'placements.discharge', {
    childId,
    at: '2024-03-20T02:00:00.000Z',
    destination: 'foster_care',
    exitNote: 'Fictional exit note',
  });
  await ok(f.backend, 'placements.admit', {
    childId,
    bedId: f.bed(f.cebu, 0),
    startAt: '2024-03-25T02:00:00.000Z',
    reason: 'Foster placement ended',
  });
  for (const [date, kind] of [
    ['2024-02-29', 'hearing'],
    ['2024-03-31', 'testimony'],
    ['2024-04-01', 'filing'],
  ] as const)
    await ok(f.backend, 'legal.save', {
      childId,
      kind,
      date,
      court: 'Fictional RTC Branch 7',
      caseNumber: 'FC-2024-001',
      notes: 'Fictional legal note',
    });
  await ok(f.backend, 'intake.record', {
    childId,
    heldWhere: 'affidavit',
    reference: 'Fictional affidavit, Office of the Provincial Prosecutor',
    account: 'Fictional intake account text',
  });
  const member = {
    childId,
    relationship: 'uncle',
    livesInHousehold: false,
    noContactOrder: false,
  };
  await ok(f.backend, 'family.save', {
    ...member,
    name: 'Fictional Offender Uncle',
    allegedOffender: true,
    allegedOffenderSince: '2024-01-09',
  });
  await ok(f.backend, 'family.save', {
    ...member,
    name: 'Fictional Kind Aunt',
    relationship: 'aunt',
    allegedOffender: false,
  });
});

describe('placement history report', () => {
  it('lists the placements, transfers, discharges and legal events of March exactly', async () => {
    const report = await ok(f.backend, 'reports.placementHistory', {
      ...MARCH,
      childId,
      sections: [],
    });
    expect(report.child).toMatchObject({ id: childId, initials: 'W.H.L.', status: 'in_care' });
    expect(report.caseworker).toBe('Fictional cw.cebu');
    // The bed in Cebu was left at the very first instant of March: not part of it.
    expect(report.placements).toEqual([
      {
        shelterName: 'Fictional Home Iloilo',
        startAt: MARCH_START,
        endAt: '2024-03-20T02:00:00.000Z',
        entry: 'transfer',
        reason: 'Closer to school',
      },
      {
        shelterName: 'Fictional Home Cebu',
        startAt: '2024-03-25T02:00:00.000Z',
        endAt: null,
        entry: 'admission',
        reason: 'Foster placement ended',
      },
    ]);
    expect(report.transfers).toEqual([
      {
        at: MARCH_START,
        fromShelter: 'Fictional Home Cebu',
        toShelter: 'Fictional Home Iloilo',
        reason: 'Closer to school',
      },
    ]);
    expect(report.discharges).toEqual([
      {
        at: '2024-03-20T02:00:00.000Z',
        shelterName: 'Fictional Home Iloilo',
        destination: 'foster_care',
      },
    ]);
    expect(report.legalEvents).toEqual([
      {
        date: '2024-03-31',
        kind: 'testimony',
        court: 'Fictional RTC Branch 7',
        caseNumber: 'FC-2024-001',
      },
    ]);
    expect(report).toMatchObject({ sections: [], intake: null, familySafety: null });
    expect(JSON.stringify(report)).not.toMatch(/Niña|Fictional legal note|Fictional exit note/);
  });

  it('leaves a transfer at midnight of 1 March out of February, and tells a bed move from a transfer', async () => {
    const report = await ok(f.backend, 'reports.placementHistory', {
      ...FEBRUARY,
      childId,
      sections: [],
    });
    expect(report.placements.map((p) => [p.entry, p.reason, p.endAt])).toEqual([
      ['admission', 'Rescue', '2024-02-20T02:00:00.000Z'],
      ['bedMove', 'Quieter room', MARCH_START],
    ]);
    expect(report.transfers).toEqual([]);
    expect(report.discharges).toEqual([]);
    expect(report.legalEvents.map((e) => e.kind)).toEqual(['hearing']);
  });

  it('adds the intake account and the flagged family only when ticked, and audits the sections', async () => {
    const report = await ok(f.backend, 'reports.placementHistory', {
      ...MARCH,
      childId,
      sections: ['intake', 'familySafety'],
    });
    expect(report.sections).toEqual(['intake', 'familySafety']);
    expect(report.intake).toMatchObject({
      account: 'Fictional intake account text',
      heldWhere: 'affidavit',
      reference: 'Fictional affidavit, Office of the Provincial Prosecutor',
    });
    expect(report.familySafety).toEqual([
      {
        name: 'Fictional Offender Uncle',
        relationship: 'uncle',
        allegedOffender: true,
        allegedOffenderSince: '2024-01-09',
        noContactOrder: false,
        noContactOrderDate: null,
      },
    ]);
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', {
      action: 'reports.placementHistory',
      limit: 10,
    });
    expect(entries.map((e) => [e.targetType, e.targetId, e.detail?.sections])).toEqual([
      ['child', childId, 'intake,familySafety'],
      ['child', childId, ''],
      ['child', childId, ''],
    ]);
  });

  it('keeps each caseworker to the children in her scope, and refuses the administrator', async () => {
    await f.as('cebu');
    const hers = await ok(f.backend, 'reports.placementHistory', {
      ...MARCH,
      childId,
      sections: ['familySafety'],
    });
    expect(hers.familySafety).toHaveLength(1);
    await f.as('iloilo');
    const elsewhere = await fails(f.backend, 'reports.placementHistory', {
      ...MARCH,
      childId,
      sections: [],
    });
    expect(elsewhere.code).toBe('NOT_FOUND');
    await f.as('admin');
    const admin = await fails(f.backend, 'reports.placementHistory', {
      ...MARCH,
      childId,
      sections: [],
    });
    expect(admin.code).toBe('FORBIDDEN');
  });

  it('audits the saved PDF against the child, with the sections chosen', async () => {
    await f.as('coordinator');
    await ok(f.backend, 'reports.recordHistoryOutput', {
      ...MARCH,
      output: 'pdf',
      childId,
      sections: ['intake'],
      language: 'ceb',
    });
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', {
      action: 'reports.recordHistoryOutput',
      limit: 1,
    });
    expect(entries[0]).toMatchObject({
      targetType: 'child',
      targetId: childId,
      detail: { report: 'placementHistory', output: 'pdf', sections: 'intake', language: 'ceb' },
    });
  });
});
