// Outcome measures: instrument definitions are data (versioned JSON, validated here on import),
// scores are entered per administration, and banding is a pure function of a definition's norms.
// Only scales, ranges and cut-offs are stored: never an instrument's item wording.
import { z } from 'zod';
import { idOf, isoDateSchema } from '../ids';
import { procedure } from '../procedure';
import type { Role } from '../roles';
import { requiredText, safeText } from '../text';

export const INFORMANTS = ['self', 'caregiver', 'teacher', 'clinician'] as const;
export type Informant = (typeof INFORMANTS)[number];

/** What a band means, from least to most concern; each has a label in the catalogue. */
export const BAND_LEVELS = [
  'normal',
  'belowCutOff',
  'borderline',
  'moderate',
  'probable',
  'abnormal',
] as const;
export type BandLevel = (typeof BAND_LEVELS)[number];

const code = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'measures.code')
  .max(40);
const key = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'measures.key');
const label = requiredText(120);
const whole = z.number().int().min(0).max(1000);

const subscaleSchema = z
  .strictObject({
    key,
    label,
    items: z.number().int().min(1).max(200),
    itemMin: whole,
    itemMax: whole,
    /** Counted in the instrument's total (SDQ's prosocial scale is not). */
    inTotal: z.boolean(),
  })
  .refine((s) => s.itemMax > s.itemMin, { message: 'measures.itemRange', path: ['itemMax'] });

const bandSchema = z.strictObject({ level: z.enum(BAND_LEVELS), from: whole, to: whole });

const normSchema = z.strictObject({
  key,
  label,
  /** ISO 3166 country code, or 'any' for a cut-off that does not depend on the country. */
  country: z.string().regex(/^([A-Z]{2}|any)$/, 'measures.country'),
  informants: z.array(z.enum(INFORMANTS)).min(1),
  bands: z.array(bandSchema).min(1).max(10),
});

export type InstrumentSubscale = z.infer<typeof subscaleSchema>;
export type InstrumentNorm = z.infer<typeof normSchema>;
export type ScoreBand = z.infer<typeof bandSchema>;

/** The lowest and highest score a subscale can have: its item count times the item range. */
export function subscaleRange(subscale: InstrumentSubscale): { min: number; max: number } {
  return { min: subscale.items * subscale.itemMin, max: subscale.items * subscale.itemMax };
}

/** The range of the total: the sum of the ranges of the subscales counted in it. */
export function totalRange(subscales: readonly InstrumentSubscale[]): { min: number; max: number } {
  return subscales
    .filter((s) => s.inTotal)
    .map(subscaleRange)
    .reduce((sum, r) => ({ min: sum.min + r.min, max: sum.max + r.max }), { min: 0, max: 0 });
}

/**
 * An instrument definition as imported: checked so that every norm's bands cover the total's
 * range exactly once, in order, and that keys are unique; a bad file is refused whole.
 */
export const instrumentDefinitionSchema = z
  .strictObject({
    code,
    version: z.number().int().min(1).max(10_000),
    name: label,
    informants: z.array(z.enum(INFORMANTS)).min(1),
    ageRange: z.strictObject({ min: z.number().int().min(0).max(25), max: z.number().int() }),
    subscales: z.array(subscaleSchema).min(1).max(20),
    norms: z.array(normSchema).max(20),
  })
  .superRefine((def, ctx) => {
    const issue = (message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', message, path });
    if (def.ageRange.max < def.ageRange.min) issue('measures.ageRange', ['ageRange', 'max']);
    const keys = def.subscales.map((s) => s.key);
    if (new Set(keys).size !== keys.length) issue('measures.duplicateKey', ['subscales']);
    if (!def.subscales.some((s) => s.inTotal)) issue('measures.noTotal', ['subscales']);
    const normKeys = def.norms.map((n) => n.key);
    if (new Set(normKeys).size !== normKeys.length) issue('measures.duplicateKey', ['norms']);
    const total = totalRange(def.subscales);
    def.norms.forEach((norm, n) => {
      norm.informants
        .filter((i) => !def.informants.includes(i))
        .forEach(() => issue('measures.normInformant', ['norms', n, 'informants']));
      let next = total.min;
      norm.bands.forEach((band, b) => {
        if (band.from !== next || band.to < band.from)
          issue('measures.bandGap', ['norms', n, 'bands', b]);
        next = band.to + 1;
      });
      if (next !== total.max + 1) issue('measures.bandCover', ['norms', n, 'bands']);
    });
  });
export type InstrumentDefinition = z.infer<typeof instrumentDefinitionSchema>;

/** A definition as the app serves it: where it came from beside the data. */
export interface Instrument extends InstrumentDefinition {
  builtIn: boolean;
  total: { min: number; max: number };
}

// ---- scoring and banding -------------------------------------------------------------------

export type SubscaleScores = Record<string, number>;

/** Field errors (path → `errors.` key) for scores that are missing, not whole, or out of range. */
export function scoreProblems(
  def: Pick<InstrumentDefinition, 'subscales'>,
  scores: SubscaleScores,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const subscale of def.subscales) {
    const value = scores[subscale.key];
    const { min, max } = subscaleRange(subscale);
    if (value === undefined || Number.isNaN(value)) problems[subscale.key] = 'required';
    else if (!Number.isInteger(value)) problems[subscale.key] = 'score.whole';
    else if (value < min || value > max) problems[subscale.key] = 'score.outOfRange';
  }
  for (const extra of Object.keys(scores)) {
    if (!def.subscales.some((s) => s.key === extra)) problems[extra] = 'score.unknownScale';
  }
  return problems;
}

export function totalScore(
  def: Pick<InstrumentDefinition, 'subscales'>,
  scores: SubscaleScores,
): number {
  return def.subscales.filter((s) => s.inTotal).reduce((sum, s) => sum + (scores[s.key] ?? 0), 0);
}

/**
 * The norm that bands a score: the one chosen for this instrument if it applies to the informant,
 * else the first that does, else none (no published norm: the score is shown unbanded).
 */
export function normFor(
  def: Pick<InstrumentDefinition, 'norms'>,
  informant: Informant,
  chosenKey?: string | null,
): InstrumentNorm | null {
  const fits = def.norms.filter((n) => n.informants.includes(informant));
  return fits.find((n) => n.key === chosenKey) ?? fits[0] ?? null;
}

export function bandOf(norm: InstrumentNorm | null, total: number): BandLevel | null {
  return norm?.bands.find((b) => total >= b.from && total <= b.to)?.level ?? null;
}

// ---- the procedures ------------------------------------------------------------------------

const THERAPIST: readonly Role[] = ['therapist'];
const CLINICAL_READERS: readonly Role[] = ['therapist', 'coordinator'];

/** One administration of an instrument, as stored. */
export interface OutcomeScore {
  id: string;
  childId: string;
  instrumentCode: string;
  instrumentVersion: number;
  administeredOn: string;
  informant: Informant;
  administeredBy: string;
  /** Who entered the scores (null for generated ones). */
  recordedBy: string | null;
  total: number;
  band: BandLevel | null;
  /** The norm the band comes from (its key), null when none applies. */
  normKey: string | null;
  /** Null for a reader who may see totals only. */
  subscales: SubscaleScores | null;
}

export interface ScoreHistory {
  /** The instruments the scores use (each version once), for ranges and band lines. */
  instruments: Instrument[];
  scores: OutcomeScore[];
  /** False for a coordinator: totals and bands only. */
  subscalesShown: boolean;
}

export const scoreEntrySchema = z.strictObject({
  childId: idOf('child'),
  instrumentCode: code,
  instrumentVersion: z.number().int().min(1),
  administeredOn: isoDateSchema,
  informant: z.enum(INFORMANTS),
  /** Who gave the instrument: a colleague, a teacher, … (the recorder is kept apart). */
  administeredBy: requiredText(100),
  scores: z.record(key, z.number()),
});

export const measuresProcedures = {
  'measures.instruments': procedure<Instrument[]>()({
    input: z.strictObject({}),
    access: ['admin', 'therapist', 'coordinator'],
    kind: 'query',
  }),
  'measures.importInstrument': procedure<Instrument>()({
    input: z.strictObject({ definition: safeText({ multiline: true }).max(100_000, 'tooLong') }),
    access: ['admin'],
    kind: 'mutation',
  }),
  'measures.record': procedure<OutcomeScore>()({
    input: scoreEntrySchema,
    access: THERAPIST,
    kind: 'mutation',
  }),
  'measures.history': procedure<ScoreHistory>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: CLINICAL_READERS,
    kind: 'query',
  }),
} as const;
