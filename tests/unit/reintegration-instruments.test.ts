// Reintegration instruments: the shipped definitions pass their own schema; a bad definition is
// refused naming the exact problem and where it is; scoring follows each definition's rules
// (mean or minimum, "not known" left out, bands, the closure threshold); a safety item answered
// at or below its cut-off forces "not safe"; imports are versioned and never replace a version.
import { describe, expect, it } from 'vitest';
import {
  answerProblems,
  reintegrationInstrumentSchema,
  scoreAnswers,
  type ReintegrationInstrument,
} from '../../shared/reintegration/instruments';
import {
  builtInInstruments,
  importInstrument,
  listInstruments,
} from '../../electron/backend/domains/reintegration';
import aftercareOutcomes from '../../electron/backend/domains/reintegration/instruments/aftercare-outcomes.json';
import familyReadiness from '../../electron/backend/domains/reintegration/instruments/family-readiness.json';
import { openServiceVault, refusal } from './support';

const outcomes = () => builtInInstruments().find((i) => i.code === 'ARUGA-AO')!;
const readiness = () => builtInInstruments().find((i) => i.code === 'ARUGA-FRR')!;

/** A small valid definition to break one thing at a time. */
const tiny = (): ReintegrationInstrument => ({
  code: 'ORG-TEST',
  version: 1,
  name: 'Fictional organisation instrument',
  kind: 'readiness',
  scale: [
    { value: 1, label: 'Low' },
    { value: 2, label: 'Middle' },
    { value: 3, label: 'High' },
  ],
  domains: [
    {
      key: 'home',
      label: 'Home',
      scoring: 'mean',
      items: [
        { key: 'a', label: 'A', required: true, notKnownAllowed: false, unsafeAtOrBelow: 1 },
        { key: 'b', label: 'B', required: false, notKnownAllowed: true },
      ],
    },
  ],
  overall: 'mean',
  bands: [
    { key: 'low', label: 'Low', atLeast: 1, notSafe: false },
    { key: 'high', label: 'High', atLeast: 2.5, notSafe: false },
  ],
});

/** The first problem the schema names: its message and its path. */
function problem(def: unknown): { message: string; path: string } | null {
  const parsed = reintegrationInstrumentSchema.safeParse(def);
  if (parsed.success) return null;
  const first = parsed.error.issues[0]!;
  return { message: first.message, path: first.path.join('.') };
}

describe('the shipped instruments', () => {
  it('both pass the schema, with the domains the instruments are built on', () => {
    expect(problem(aftercareOutcomes)).toBeNull();
    expect(problem(familyReadiness)).toBeNull();
    expect(outcomes().domains.map((d) => d.key)).toEqual([
      'safety',
      'legal',
      'mentalWellbeing',
      'economicEducation',
      'socialSupport',
      'physicalWellbeing',
    ]);
    expect(outcomes().scale.map((p) => p.value)).toEqual([1, 2, 3, 4]);
    expect(readiness().scale.map((p) => p.value)).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(readiness().domains.map((d) => d.key)).toContain('childWishes');
    expect(readiness().domains.map((d) => d.key)).toContain('ambivalence');
  });
});

describe('a bad definition is refused naming the problem', () => {
  const cases: [string, (d: ReintegrationInstrument) => unknown, string, string][] = [
    [
      'a gap in the scale',
      (d) => ({ ...d, scale: [d.scale[0], d.scale[2]] }),
      'reintegration.scaleSteps',
      'scale.1.value',
    ],
    [
      'two items with one key',
      (d) => ({
        ...d,
        domains: [{ ...d.domains[0]!, items: [d.domains[0]!.items[0], d.domains[0]!.items[0]] }],
      }),
      'reintegration.duplicateKey',
      'domains.items',
    ],
    [
      'a safety item that may be "not known"',
      (d) => ({
        ...d,
        domains: [
          { ...d.domains[0]!, items: [{ ...d.domains[0]!.items[0]!, notKnownAllowed: true }] },
        ],
      }),
      'reintegration.safetyNotKnown',
      'domains.0.items.0.notKnownAllowed',
    ],
    [
      'a safety item that is optional',
      (d) => ({
        ...d,
        domains: [{ ...d.domains[0]!, items: [{ ...d.domains[0]!.items[0]!, required: false }] }],
      }),
      'reintegration.safetyNotRequired',
      'domains.0.items.0.required',
    ],
    [
      'a safety cut-off off the scale',
      (d) => ({
        ...d,
        domains: [
          { ...d.domains[0]!, items: [{ ...d.domains[0]!.items[0]!, unsafeAtOrBelow: 7 }] },
        ],
      }),
      'reintegration.safetyOutOfScale',
      'domains.0.items.0.unsafeAtOrBelow',
    ],
    [
      'bands that do not start at the bottom',
      (d) => ({ ...d, bands: [{ ...d.bands[0]!, atLeast: 1.5 }, d.bands[1]] }),
      'reintegration.bandsStart',
      'bands.0.atLeast',
    ],
    [
      'bands out of order',
      (d) => ({ ...d, bands: [d.bands[0], { ...d.bands[1]!, atLeast: 1 }] }),
      'reintegration.bandOrder',
      'bands.1.atLeast',
    ],
    [
      'a band above the scale',
      (d) => ({ ...d, bands: [d.bands[0], { ...d.bands[1]!, atLeast: 9 }] }),
      'reintegration.bandOutOfScale',
      'bands.1.atLeast',
    ],
    [
      'an outcomes instrument without a closure threshold',
      (d) => ({ ...d, kind: 'outcomes' }),
      'reintegration.closureThreshold',
      'closureThreshold',
    ],
    [
      'a bad item key',
      (d) => ({
        ...d,
        domains: [{ ...d.domains[0]!, items: [{ ...d.domains[0]!.items[0]!, key: 'Bad key' }] }],
      }),
      'reintegration.key',
      'domains.0.items.0.key',
    ],
    ['an unknown field', (d) => ({ ...d, wording: 'x' }), 'Unrecognized key: "wording"', ''],
  ];
  it.each(cases)('%s', (_name, breakIt, message, path) => {
    expect(problem(tiny())).toBeNull();
    expect(problem(breakIt(tiny()))).toEqual({ message, path });
  });
});

describe('scoring', () => {
  it('an outcomes domain is the mean of its items; the overall is the lowest domain', () => {
    const def = outcomes();
    const answers = Object.fromEntries(
      def.domains.flatMap((d) => d.items.map((i) => [i.key, 3] as const)),
    );
    const score = scoreAnswers(def, { ...answers, schooling: 4, householdIncome: 3, health: 2 });
    expect(score.domains.economicEducation).toBe(3.5);
    expect(score.domains.physicalWellbeing).toBe(2.5);
    expect(score.overall).toBe(2.5);
    expect(score.bandKey).toBe('belowClosure');
    expect(score.meetsClosure).toBe(false);
    expect(score.notSafe).toBe(false);
    const all3 = scoreAnswers(def, answers);
    expect(all3.meetsClosure).toBe(true);
    expect(all3.bandKey).toBe('meetsClosure');
  });

  it('"not known" answers are left out; a domain with none rated has no score', () => {
    const def = tiny();
    expect(scoreAnswers(def, { a: 3, b: 'notKnown' }).domains.home).toBe(3);
    expect(scoreAnswers(def, { b: 'notKnown' })).toMatchObject({
      domains: { home: null },
      overall: null,
      bandKey: null,
    });
    const three = {
      ...def,
      domains: [
        {
          ...def.domains[0]!,
          items: [
            ...def.domains[0]!.items,
            { key: 'c', label: 'C', required: false, notKnownAllowed: false },
          ],
        },
      ],
    };
    expect(scoreAnswers(three, { a: 2, b: 2, c: 3 }).domains.home).toBe(2.33);
  });

  it('the minimum rule takes the lowest rating', () => {
    const def = readiness();
    const score = scoreAnswers(def, { offenderAccess: 2, violence: -1, substanceUse: 1 });
    expect(score.domains.familySafety).toBe(-1);
  });

  it('a safety item at or below its cut-off forces "not safe", whatever the scores', () => {
    const def = readiness();
    const strong = Object.fromEntries(
      def.domains.flatMap((d) => d.items.map((i) => [i.key, 2] as const)),
    );
    expect(scoreAnswers(def, strong)).toMatchObject({ bandKey: 'ready', notSafe: false });
    const unsafe = scoreAnswers(def, { ...strong, offenderAccess: -2 });
    expect(unsafe.notSafe).toBe(true);
    expect(unsafe.notSafeReasons).toEqual([{ kind: 'safetyItem', itemKey: 'offenderAccess' }]);
    expect(scoreAnswers(def, { ...strong, offenderAccess: -1 }).notSafe).toBe(false);
  });

  it('a band marked not safe makes the result not safe', () => {
    const def = readiness();
    const low = Object.fromEntries(
      def.domains.flatMap((d) => d.items.map((i) => [i.key, -2] as const)),
    );
    const score = scoreAnswers(def, { ...low, offenderAccess: 0, violence: 0 });
    expect(score.bandKey).toBe('notSafe');
    expect(score.notSafeReasons).toContainEqual({ kind: 'band' });
  });

  it('names every missing, off-scale, unknown or wrongly "not known" answer', () => {
    const def = tiny();
    expect(answerProblems(def, {}, false)).toEqual({});
    expect(answerProblems(def, {}, true)).toEqual({ a: 'required' });
    expect(answerProblems(def, { a: 'notKnown', b: 9, z: 1 }, true)).toEqual({
      a: 'reintegration.notKnownNotAllowed',
      b: 'reintegration.outOfScale',
      z: 'reintegration.unknownItem',
    });
  });
});

describe('importing an organisation instrument', () => {
  it('stores a valid definition, refuses a bad one naming the problem, and never replaces a version', async () => {
    const vault = await openServiceVault();
    const imported = importInstrument(vault, JSON.stringify(tiny()));
    expect(imported).toMatchObject({ code: 'ORG-TEST', version: 1, builtIn: false });
    expect(refusal(() => importInstrument(vault, '{ nope'))).toMatchObject({
      code: 'VALIDATION',
      fields: { definition: 'reintegration.notJson' },
    });
    const broken = { ...tiny(), version: 2, bands: [{ ...tiny().bands[0]!, atLeast: 2 }] };
    expect(refusal(() => importInstrument(vault, JSON.stringify(broken)))).toMatchObject({
      code: 'VALIDATION',
      fields: { definition: 'reintegration.bandsStart' },
      details: { path: 'bands.0.atLeast' },
    });
    const again = { ...tiny(), name: 'Changed wording' };
    expect(refusal(() => importInstrument(vault, JSON.stringify(again)))).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.versionExists',
    });
    importInstrument(vault, JSON.stringify({ ...tiny(), version: 2, name: 'Second version' }));
    const versions = listInstruments(vault).filter((i) => i.code === 'ORG-TEST');
    expect(versions.map((v) => [v.version, v.name])).toEqual([
      [1, 'Fictional organisation instrument'],
      [2, 'Second version'],
    ]);
    // A shipped instrument's code and version cannot be imported over it either.
    expect(refusal(() => importInstrument(vault, JSON.stringify(aftercareOutcomes)))).toMatchObject(
      {
        code: 'CONFLICT',
        message: 'reintegration.versionExists',
      },
    );
  });
});
