// The shelter placement report on a real vault: exact figures on a small fixture (a child placed
// the whole period, a transfer across shelters, a child discharged and re-admitted, a transfer in
// that runs past the period's end), names only when asked for and allowed, every run audited.
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, fails, ok, register } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
const ids: Record<string, string> = {};
/** 02:00 UTC: 10:00 the same day in Manila. */
const at = (date: string) => `${date}T02:00:00.000Z`;
const MARCH = { from: '2024-03-01', to: '2024-03-31' };

beforeAll(async () => {
  f = await caseVault();
  await f.as('coordinator');
  // Reports show the alias, never the real initials.
  const child = async (key: string, legalName: string, alias: string) => {
    ids[key] = (
      await register(f.backend, {
        legalName,
        alias,
        referralDate: '2024-01-10',
        intakeDate: '2024-01-10',
      })
    ).id;
  };
  await child('whole', 'Fictional Niña Dela Cruz', 'W.H.L.');
  await child('moved', 'Fictional Joy Ramos', 'M.V.D.');
  await child('back', 'Fictional Lyn Abad', 'B.C.K.');
  await child('incoming', 'Fictional Mae Tan', 'I.N.C.');
  const admit = (key: string, bedId: string, date: string) =>
    ok(f.backend, 'placements.admit', {
      childId: ids[key]!,
      bedId,
      startAt: at(date),
      reason: 'Rescue',
    });
  const transfer = (key: string, toBedId: string, date: string) =>
    ok(f.backend, 'placements.transfer', {
      childId: ids[key]!,
      toBedId,
      at: at(date),
      reason: 'Closer to school',
    });
  const discharge = (key: string, date: string, destination: string) =>
    ok(f.backend, 'placements.discharge', {
      childId: ids[key]!,
      at: at(date),
      destination,
      exitNote: 'Fictional exit note',
    });
  // Cebu: 3 beds. Iloilo: 2 beds.
  await admit('whole', f.bed(f.cebu, 0), '2024-01-15');
  await admit('moved', f.bed(f.cebu, 1), '2024-02-10');
  await transfer('moved', f.bed(f.iloilo, 0), '2024-03-11');
  await admit('back', f.bed(f.cebu, 2), '2024-03-05');
  await discharge('back', '2024-03-12', 'foster_care');
  await admit('back', f.bed(f.cebu, 2), '2024-03-20');
  await admit('incoming', f.bed(f.iloilo, 1), '2024-02-01');
  await transfer('incoming', f.bed(f.cebu, 1), '2024-03-25');
  await discharge('incoming', '2024-04-10', 'independent_living');
});

describe('shelter placement report', () => {
  it('gives exact figures for one shelter over a month', async () => {
    const report = await ok(f.backend, 'reports.placement', {
      ...MARCH,
      shelterId: f.cebu.id,
      includeNames: false,
    });
    expect(report.shelters).toEqual([
      { id: f.cebu.id, name: 'Fictional Home Cebu', type: 'ngo_shelter', beds: 3 },
    ]);
    expect(report.movements).toEqual({
      admissions: 2,
      transfersIn: 1,
      transfersOut: 1,
      discharges: 1,
      byDestination: {
        family_reintegration: 0,
        kinship_care: 0,
        foster_care: 1,
        independent_living: 0,
        transfer_other_agency: 0,
        other: 0,
      },
    });
    // Hours in March (Manila): whole 744, moved 250, back 168 + 278, incoming 158 = 1598.
    expect(report.occupancy.today).toBe(2);
    expect(report.occupancy.average).toBe(2.1);
    expect(report.bedUtilisation).toEqual({ bedDays: 93, occupiedDays: 66.6, percent: 71.6 });
    // Ended in March: moved (Feb 10 → Mar 11, 30 days), back's first stay (7 days).
    expect(report.lengthOfStay).toEqual({ stays: 2, medianDays: 18.5, minDays: 7, maxDays: 30 });
    const series = Object.fromEntries(report.occupancy.series.map((d) => [d.date, d.count]));
    expect(report.occupancy.series).toHaveLength(31);
    expect(series).toMatchObject({
      '2024-03-01': 2,
      '2024-03-05': 3,
      '2024-03-11': 2,
      '2024-03-12': 1,
      '2024-03-20': 2,
      '2024-03-25': 3,
      '2024-03-31': 3,
    });
    expect(
      report.children.map((c) => [c.initials, c.daysInPeriod, c.exit, c.name, c.endAt === null]),
    ).toEqual(
      expect.arrayContaining([
        ['W.H.L.', 31, null, null, true],
        ['M.V.D.', 10, 'transfer', null, false],
        ['B.C.K.', 7, 'foster_care', null, false],
        ['B.C.K.', 12, null, null, true],
        // Her stay ends after the period: the list still says where she went.
        ['I.N.C.', 7, 'independent_living', null, false],
      ]),
    );
    expect(report.children).toHaveLength(5);
    expect(report).toMatchObject({ namesIncluded: false, timeZone: 'Asia/Manila' });
    expect(report.generatedBy).toBe('Fictional coord.lim');
  });

  it('counts a transfer between two shelters both in and out when it covers every shelter', async () => {
    const report = await ok(f.backend, 'reports.placement', {
      ...MARCH,
      shelterId: null,
      includeNames: false,
    });
    expect(report.shelters.map((s) => s.name)).toEqual([
      'Fictional Home Cebu',
      'Fictional Home Iloilo',
    ]);
    expect(report.movements).toMatchObject({
      admissions: 2,
      transfersIn: 2,
      transfersOut: 2,
      discharges: 1,
    });
    expect(report.occupancy.today).toBe(3);
    // Also ended in March: incoming's Iloilo stay (Feb 1 → Mar 25, 53 days).
    expect(report.lengthOfStay).toEqual({ stays: 3, medianDays: 30, minDays: 7, maxDays: 53 });
    expect(report.children).toHaveLength(7);
  });

  it('prints names only when asked for, and audits whether they were', async () => {
    const named = await ok(f.backend, 'reports.placement', {
      ...MARCH,
      shelterId: f.cebu.id,
      includeNames: true,
    });
    expect(named.namesIncluded).toBe(true);
    expect(named.children.map((c) => c.name)).toContain('Fictional Niña Dela Cruz');
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', {
      action: 'reports.placement',
      limit: 10,
    });
    expect(entries[0]).toMatchObject({
      targetType: 'report',
      targetId: f.cebu.id,
      detail: { report: 'placement', from: '2024-03-01', to: '2024-03-31', names: true },
    });
    expect(entries.some((e) => e.detail?.names === false)).toBe(true);
  });

  it('never gives names to the administrator, and refuses a reversed or future period', async () => {
    await f.as('admin');
    expect(
      (
        await fails(f.backend, 'reports.placement', {
          ...MARCH,
          shelterId: null,
          includeNames: true,
        })
      ).code,
    ).toBe('FORBIDDEN');
    const plain = await ok(f.backend, 'reports.placement', {
      ...MARCH,
      shelterId: null,
      includeNames: false,
    });
    expect(plain.children.every((c) => c.name === null)).toBe(true);
    const reversed = await fails(f.backend, 'reports.placement', {
      from: '2024-03-31',
      to: '2024-03-01',
      shelterId: null,
      includeNames: false,
    });
    expect(reversed.fields).toEqual({ to: 'report.periodOrder' });
    const future = await fails(f.backend, 'reports.placement', {
      from: '2024-03-01',
      to: '2999-01-01',
      shelterId: null,
      includeNames: false,
    });
    expect(future.code).toBe('VALIDATION');
  });

  it("keeps a caseworker to her own shelters: another shelter is NOT_FOUND, 'all' means hers", async () => {
    await f.as('cebu');
    expect(
      (
        await fails(f.backend, 'reports.placement', {
          ...MARCH,
          shelterId: f.iloilo.id,
          includeNames: true,
        })
      ).code,
    ).toBe('NOT_FOUND');
    const mine = await ok(f.backend, 'reports.placement', {
      ...MARCH,
      shelterId: null,
      includeNames: true,
    });
    expect(mine.shelters.map((s) => s.name)).toEqual(['Fictional Home Cebu']);
    // Names only of children she may see now: those placed in her shelter today.
    const names = Object.fromEntries(mine.children.map((c) => [c.initials, c.name]));
    expect(names).toEqual({
      'W.H.L.': 'Fictional Niña Dela Cruz',
      'B.C.K.': 'Fictional Lyn Abad',
      'M.V.D.': null,
      'I.N.C.': null,
    });
  });

  it('audits each print, PDF and CSV; an identifiable CSV is for the administrator only', async () => {
    const output = {
      ...MARCH,
      report: 'placement',
      shelterId: f.cebu.id,
      sections: ['summary', 'children'],
      includeNames: false,
      language: 'fil',
    } as const;
    await f.as('coordinator');
    await ok(f.backend, 'reports.recordOutput', { ...output, output: 'pdf', identifiable: false });
    expect(
      (
        await fails(f.backend, 'reports.recordOutput', {
          ...output,
          output: 'csv',
          identifiable: true,
        })
      ).code,
    ).toBe('FORBIDDEN');
    await f.as('admin');
    await ok(f.backend, 'reports.recordOutput', { ...output, output: 'csv', identifiable: true });
    expect(
      (
        await fails(f.backend, 'reports.recordOutput', {
          ...output,
          output: 'csv',
          identifiable: false,
          includeNames: true,
        })
      ).code,
    ).toBe('FORBIDDEN');
    const { entries } = await ok(f.backend, 'audit.list', {
      action: 'reports.recordOutput',
      limit: 10,
    });
    expect(entries.filter((e) => e.outcome === 'ok').map((e) => e.detail)).toEqual([
      {
        report: 'placement',
        output: 'csv',
        from: '2024-03-01',
        to: '2024-03-31',
        sections: 'summary,children',
        names: false,
        identifiable: true,
        language: 'fil',
      },
      {
        report: 'placement',
        output: 'pdf',
        from: '2024-03-01',
        to: '2024-03-31',
        sections: 'summary,children',
        names: false,
        identifiable: false,
        language: 'fil',
      },
    ]);
  });
});
