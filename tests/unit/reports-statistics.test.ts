// Anonymised statistics on a real vault: exact counts by month, sex, age band, shelter type,
// destination and modality; every count from 1 to 4 shown as "<5"; and nothing in the answer
// that names or dates a child.
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, ok, register } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
const codes: string[] = [];
let sixthGirl: string;
const at = (date: string) => `${date}T02:00:00.000Z`;
const Q1 = { from: '2024-01-01', to: '2024-03-31' };

beforeAll(async () => {
  f = await caseVault();
  await f.as('coordinator');
  // Six girls born 2012 and one boy born 2008, all in care in Q1 (Cebu has 3 beds, Iloilo 2).
  const child = async (sex: string, dateOfBirth: string) => {
    const made = await register(f.backend, {
      legalName: `Fictional Child ${codes.length + 1}`,
      sex,
      birth: { kind: 'dob', dateOfBirth },
      referralDate: '2023-12-01',
      intakeDate: '2023-12-01',
    });
    codes.push(made.caseCode);
    return made.id;
  };
  const girls = [];
  for (let i = 0; i < 6; i += 1) girls.push(await child('female', '2012-05-04'));
  const boy = await child('male', '2008-02-10');
  sixthGirl = girls[5]!;
  const beds = [...f.cebu.beds, ...f.iloilo.beds].map((b) => b.id);
  // Five girls admitted in January (three to Cebu, two to Iloilo), discharged home in February;
  // the sixth admitted in March; the boy admitted in March to Iloilo.
  for (let i = 0; i < 5; i += 1) {
    await ok(f.backend, 'placements.admit', {
      childId: girls[i]!,
      bedId: beds[i]!,
      startAt: at(`2024-01-1${i}`),
      reason: 'Rescue',
    });
    await ok(f.backend, 'placements.discharge', {
      childId: girls[i]!,
      at: at(`2024-02-1${i}`),
      destination: 'foster_care',
      exitNote: 'Fictional exit note',
    });
  }
  await ok(f.backend, 'placements.admit', {
    childId: girls[5]!,
    bedId: beds[0]!,
    startAt: at('2024-03-05'),
    reason: 'Rescue',
  });
  await ok(f.backend, 'placements.admit', {
    childId: boy,
    bedId: beds[3]!,
    startAt: at('2024-03-06'),
    reason: 'Rescue',
  });
});

describe('anonymised statistics', () => {
  it('counts exactly, and shows every count from 1 to 4 as "<5"', async () => {
    const stats = await ok(f.backend, 'reports.statistics', { ...Q1, shelterId: null });
    const byKey = (rows: { key: string; count: unknown }[]) =>
      Object.fromEntries(rows.map((r) => [r.key, r.count]));
    expect(stats.childrenInCare).toBe(7);
    expect(byKey(stats.admissionsByMonth)).toEqual({ '2024-01': 5, '2024-02': 0, '2024-03': '<5' });
    expect(byKey(stats.bySex)).toEqual({ female: 6, male: '<5', intersex: 0 });
    // Ages on 03/31/2024: the girls 11, the boy 16.
    expect(byKey(stats.byAgeBand)).toEqual({
      '0-5': 0,
      '6-11': 6,
      '12-14': 0,
      '15-17': '<5',
      '18+': 0,
    });
    expect(byKey(stats.byShelterType)).toMatchObject({ ngo_shelter: 7, foster_home: 0 });
    expect(byKey(stats.dischargesByDestination)).toMatchObject({
      foster_care: 5,
      kinship_care: 0,
    });
    expect(byKey(stats.byModality)).toMatchObject({ tf_cbt: 0 });

    const cebuOnly = await ok(f.backend, 'reports.statistics', { ...Q1, shelterId: f.cebu.id });
    expect(cebuOnly.childrenInCare).toBe('<5');
    expect(byKey(cebuOnly.dischargesByDestination)).toMatchObject({ foster_care: '<5' });
  });

  it('counts the modality of a plan in force during the period, not of one over before it', async () => {
    await f.as('coordinator');
    const modalities = async () =>
      Object.fromEntries(
        (await ok(f.backend, 'reports.statistics', { ...Q1, shelterId: null })).byModality.map(
          (r) => [r.key, r.count],
        ),
      );
    expect(await modalities()).toMatchObject({ emdr: 0, play_therapy: 0 });
    // The sixth girl: an EMDR plan completed in December 2023, with no session in Q1; a play
    // therapy plan started in March.
    const plan = (modality: string, startedOn: string, status: string) =>
      ok(f.backend, 'therapy.savePlan', {
        childId: sixthGirl,
        therapistId: f.ids.therapist,
        modality,
        goals: 'Fictional goals',
        frequency: 'weekly',
        plannedSessions: 8,
        startedOn,
        status,
      });
    await plan('emdr', '2023-12-05', 'completed');
    await plan('play_therapy', '2024-03-10', 'active');
    expect(await modalities()).toMatchObject({ emdr: 0, play_therapy: '<5' });
  });

  it('holds no case code, name, initials or date of birth', async () => {
    const text = JSON.stringify(
      await ok(f.backend, 'reports.statistics', { ...Q1, shelterId: null }),
    );
    for (const code of codes) expect(text).not.toContain(code);
    expect(text).not.toMatch(/Fictional Child|F\.C\.|2012-05-04|2008-02-10/);
  });
});
