// Outcome measures without a vault: the shipped definitions pass their own schema, scores are
// checked against each subscale's range, totals add the right subscales, and bands follow the
// published cut-offs exactly at their edges.
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  instrumentDefinitionSchema,
  normFor,
  scoreProblems,
  totalScore,
  type Informant,
  type Instrument,
} from '../../shared/therapy/measures';
import { builtInInstruments } from '../../electron/backend/domains/therapy/measures';

const byCode = (code: string): Instrument => {
  const found = builtInInstruments().find((i) => i.code === code);
  if (!found) throw new Error(`no ${code}`);
  return found;
};

const band = (code: string, total: number, informant: Informant = 'self', choice?: string) =>
  bandOf(normFor(byCode(code), informant, choice), total);

describe('the shipped instrument definitions', () => {
  it('are CPSS-5, CATS 7–17, CATS 3–6 and SDQ, with the published total ranges', () => {
    const ranges = Object.fromEntries(builtInInstruments().map((i) => [i.code, i.total]));
    expect(ranges).toEqual({
      'CPSS-5': { min: 0, max: 80 },
      'CATS-7-17': { min: 0, max: 60 },
      'CATS-3-6': { min: 0, max: 48 },
      SDQ: { min: 0, max: 40 },
    });
  });

  it('carry no item wording: only scales, counts, ranges and cut-offs', () => {
    for (const instrument of builtInInstruments()) {
      for (const subscale of instrument.subscales) {
        expect(Object.keys(subscale).sort()).toEqual(
          ['inTotal', 'itemMax', 'itemMin', 'items', 'key', 'label'].sort(),
        );
      }
    }
  });
});

describe('banding at the cut-offs', () => {
  it('CPSS-5: 30 is below the cut-off, 31 is probable PTSD', () => {
    expect(band('CPSS-5', 30)).toBe('belowCutOff');
    expect(band('CPSS-5', 31)).toBe('probable');
    expect(band('CPSS-5', 80)).toBe('probable');
  });

  it('CATS 7–17: 14 normal, 15 and 20 moderate, 21 probable', () => {
    expect(band('CATS-7-17', 0)).toBe('normal');
    expect(band('CATS-7-17', 14)).toBe('normal');
    expect(band('CATS-7-17', 15)).toBe('moderate');
    expect(band('CATS-7-17', 20)).toBe('moderate');
    expect(band('CATS-7-17', 21)).toBe('probable');
    expect(band('CATS-7-17', 21, 'caregiver')).toBe('probable');
  });

  it('CATS 3–6: the cut-off is 15 by default and 16 when the administrator chooses that source', () => {
    expect(band('CATS-3-6', 15, 'caregiver')).toBe('probable');
    expect(band('CATS-3-6', 15, 'caregiver', 'cutOff16')).toBe('normal');
    expect(band('CATS-3-6', 16, 'caregiver', 'cutOff16')).toBe('probable');
    // A choice that names no norm of the instrument falls back to the first that fits.
    expect(band('CATS-3-6', 15, 'caregiver', 'nonsense')).toBe('probable');
  });

  it('SDQ, UK parent bands: 13 normal, 14–16 borderline, 17 abnormal; no band for self-report', () => {
    expect(band('SDQ', 13, 'caregiver')).toBe('normal');
    expect(band('SDQ', 14, 'caregiver')).toBe('borderline');
    expect(band('SDQ', 16, 'caregiver')).toBe('borderline');
    expect(band('SDQ', 17, 'caregiver')).toBe('abnormal');
    expect(band('SDQ', 17, 'self')).toBeNull();
  });
});

describe('scoring', () => {
  it('the SDQ total adds the four problem scales and leaves out the prosocial one', () => {
    const scores = { emotional: 4, conduct: 3, hyperactivity: 6, peer: 2, prosocial: 9 };
    expect(scoreProblems(byCode('SDQ'), scores)).toEqual({});
    expect(totalScore(byCode('SDQ'), scores)).toBe(15);
  });

  it('refuses a score above or below its subscale range, a fraction, a missing or unknown scale', () => {
    const cpss = byCode('CPSS-5');
    expect(scoreProblems(cpss, { symptoms: 81, impairment: 0 })).toEqual({
      symptoms: 'score.outOfRange',
    });
    expect(scoreProblems(cpss, { symptoms: -1, impairment: 8 })).toEqual({
      symptoms: 'score.outOfRange',
      impairment: 'score.outOfRange',
    });
    expect(scoreProblems(cpss, { symptoms: 80, impairment: 7 })).toEqual({});
    expect(scoreProblems(cpss, { symptoms: 2.5, impairment: 0 })).toEqual({
      symptoms: 'score.whole',
    });
    expect(scoreProblems(cpss, { impairment: 0, extra: 1 })).toEqual({
      symptoms: 'required',
      extra: 'score.unknownScale',
    });
  });
});

describe('importing a definition', () => {
  const valid = () => structuredClone(byCode('SDQ')) as unknown as Record<string, unknown>;
  const strip = (d: Record<string, unknown>) => {
    delete d.builtIn;
    delete d.total;
    return d;
  };

  it('accepts a new version with another country’s norms', () => {
    const def = strip(valid());
    def.version = 2;
    (def.norms as unknown[]).push({
      key: 'phParent',
      label: 'Fictional local norms',
      country: 'PH',
      informants: ['caregiver'],
      bands: [
        { level: 'normal', from: 0, to: 15 },
        { level: 'abnormal', from: 16, to: 40 },
      ],
    });
    expect(instrumentDefinitionSchema.safeParse(def).success).toBe(true);
  });

  it('refuses bands with a gap, an overlap, or short of the total range', () => {
    const messages = (bands: unknown[]) => {
      const def = strip(valid());
      (def.norms as { bands: unknown[] }[])[0]!.bands = bands;
      const result = instrumentDefinitionSchema.safeParse(def);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(
      messages([
        { level: 'normal', from: 0, to: 12 },
        { level: 'abnormal', from: 14, to: 40 },
      ]),
    ).toContain('measures.bandGap');
    expect(
      messages([
        { level: 'normal', from: 0, to: 14 },
        { level: 'abnormal', from: 14, to: 40 },
      ]),
    ).toContain('measures.bandGap');
    expect(messages([{ level: 'normal', from: 0, to: 39 }])).toContain('measures.bandCover');
  });

  it('refuses item wording smuggled in as an extra field, and duplicate scale keys', () => {
    const withItems = strip(valid());
    (withItems.subscales as Record<string, unknown>[])[0]!.itemText = ['Worries a lot'];
    expect(instrumentDefinitionSchema.safeParse(withItems).success).toBe(false);
    const duplicate = strip(valid());
    (duplicate.subscales as { key: string }[])[1]!.key = 'emotional';
    const result = instrumentDefinitionSchema.safeParse(duplicate);
    expect(result.success ? [] : result.error.issues.map((i) => i.message)).toContain(
      'measures.duplicateKey',
    );
  });
});
