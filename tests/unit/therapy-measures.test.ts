// Outcome scores on a real vault: entry per administration with out-of-range scores refused at
// their field, the history banded by the norm the administrator chose, coordinators limited to
// totals (and only when allowed), and definitions imported as validated, versioned data.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendApi } from '../../electron/backend/api';
import { caseVault, childInput, daysAgo, instantDaysAgo } from './support';
import { fails, ok } from './support';

let fixture: Awaited<ReturnType<typeof caseVault>>;
let backend: BackendApi;
let childId: string;

const cats = (total: number, days: number) => ({
  childId,
  instrumentCode: 'CATS-3-6',
  instrumentVersion: 1,
  administeredOn: daysAgo(days),
  informant: 'caregiver',
  administeredBy: 'Fictional Teacher Ramos',
  scores: { symptoms: total },
});

beforeAll(async () => {
  fixture = await caseVault();
  backend = fixture.backend;
  await fixture.as('cebu');
  childId = (await ok(backend, 'children.register', childInput())).id;
  // On the therapist's caseload: a session with the child.
  const inspector = await fixture.inspect();
  const start = instantDaysAgo(10);
  const end = new Date(Date.parse(start) + 3_600_000).toISOString();
  const session = inspector.data.insert('therapy_sessions', {
    therapist_id: fixture.ids.therapist,
    kind: 'individual',
    start_at: start,
    end_at: end,
    status: 'attended',
    components: '[]',
    planned_components: '[]',
  });
  inspector.data.insert('therapy_participants', {
    session_id: session,
    child_id: childId,
    start_at: start,
    end_at: end,
    booked: 1,
  });
  inspector.close();
  await fixture.as('therapist');
});

describe('entering scores', () => {
  it('stores the administration and computes the total and band', async () => {
    const score = await ok(backend, 'measures.record', {
      childId,
      instrumentCode: 'SDQ',
      instrumentVersion: 1,
      administeredOn: daysAgo(5),
      informant: 'caregiver',
      administeredBy: 'Fictional ther.cruz',
      scores: { emotional: 4, conduct: 3, hyperactivity: 6, peer: 2, prosocial: 9 },
    });
    expect(score).toMatchObject({
      total: 15,
      band: 'borderline',
      normKey: 'ukParent',
      administeredBy: 'Fictional ther.cruz',
      recordedBy: 'Fictional ther.cruz',
      subscales: { prosocial: 9 },
    });
  });

  it('refuses an out-of-range score at its field and saves nothing', async () => {
    const before = (await ok(backend, 'measures.history', { childId })).scores.length;
    const error = await fails(backend, 'measures.record', {
      childId,
      instrumentCode: 'CPSS-5',
      instrumentVersion: 1,
      administeredOn: daysAgo(1),
      informant: 'caregiver',
      administeredBy: 'Fictional ther.cruz',
      scores: { symptoms: 81, impairment: 3 },
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: { 'scores.symptoms': 'score.outOfRange', informant: 'measures.informant' },
    });
    const future = await fails(backend, 'measures.record', { ...cats(10, -2) });
    expect(future.fields).toEqual({ administeredOn: 'date.future' });
    expect((await ok(backend, 'measures.history', { childId })).scores).toHaveLength(before);
  });
});

describe('the score history', () => {
  it('bands with the norm the administrator chose, re-banding old scores without changing them', async () => {
    await ok(backend, 'measures.record', cats(15, 4));
    const first = await ok(backend, 'measures.history', { childId });
    expect(first.scores.find((s) => s.instrumentCode === 'CATS-3-6')?.band).toBe('probable');
    await fixture.as('admin');
    await ok(backend, 'notes.setPolicy', {
      therapistNoteAccess: 'ownClients',
      coordinatorsSeeScoreTotals: false,
      normChoices: { 'CATS-3-6': 'cutOff16' },
    });
    await fixture.as('therapist');
    const second = await ok(backend, 'measures.history', { childId });
    expect(second.scores.find((s) => s.instrumentCode === 'CATS-3-6')).toMatchObject({
      total: 15,
      band: 'normal',
      normKey: 'cutOff16',
    });
    expect(second.scores.map((s) => s.administeredOn)).toEqual(
      [...second.scores.map((s) => s.administeredOn)].sort(),
    );
  });

  it('coordinators see nothing unless allowed, then totals and bands only', async () => {
    await fixture.as('coordinator');
    expect(await fails(backend, 'measures.history', { childId })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await fixture.as('admin');
    await ok(backend, 'notes.setPolicy', {
      therapistNoteAccess: 'ownClients',
      coordinatorsSeeScoreTotals: true,
      normChoices: {},
    });
    await fixture.as('coordinator');
    const history = await ok(backend, 'measures.history', { childId });
    expect(history.subscalesShown).toBe(false);
    expect(history.scores.length).toBeGreaterThan(0);
    for (const score of history.scores) expect(score.subscales).toBeNull();
    await fixture.as('cebu');
    expect((await fails(backend, 'measures.history', { childId })).code).toBe('FORBIDDEN');
  });
});

describe('importing definitions', () => {
  const definition = {
    code: 'FICT-1',
    version: 1,
    name: 'Fictional screening scale',
    informants: ['self'],
    ageRange: { min: 8, max: 17 },
    subscales: [
      { key: 'total', label: 'All items', items: 10, itemMin: 0, itemMax: 2, inTotal: true },
    ],
    norms: [
      {
        key: 'local',
        label: 'Fictional local cut-off',
        country: 'PH',
        informants: ['self'],
        bands: [
          { level: 'normal', from: 0, to: 9 },
          { level: 'probable', from: 10, to: 20 },
        ],
      },
    ],
  };

  it('imports a valid definition once; the same version again is refused', async () => {
    await fixture.as('admin');
    const imported = await ok(backend, 'measures.importInstrument', {
      definition: JSON.stringify(definition),
    });
    expect(imported).toMatchObject({ code: 'FICT-1', builtIn: false, total: { min: 0, max: 20 } });
    expect(
      (
        await fails(backend, 'measures.importInstrument', {
          definition: JSON.stringify(definition),
        })
      ).code,
    ).toBe('CONFLICT');
    const codes = (await ok(backend, 'measures.instruments', {})).map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(['CPSS-5', 'CATS-7-17', 'CATS-3-6', 'SDQ', 'FICT-1']),
    );
  });

  it('refuses text that is not JSON, or a definition whose bands leave a gap', async () => {
    await fixture.as('admin');
    expect(
      (await fails(backend, 'measures.importInstrument', { definition: '{not json' })).fields,
    ).toEqual({ definition: 'measures.notJson' });
    const gap = structuredClone(definition);
    gap.version = 2;
    gap.norms[0]!.bands[1]!.from = 11;
    expect(
      (await fails(backend, 'measures.importInstrument', { definition: JSON.stringify(gap) }))
        .fields,
    ).toEqual({ definition: 'measures.bandGap' });
  });
});
