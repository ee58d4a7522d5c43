// Assessment instruments for reintegration: versioned definitions (JSON data, validated here when
// shipped or imported) and the pure scoring of one set of answers. A definition names its
// domains and items, its rating scale with labels and anchors, which items are required or may
// be "not known", how domains and the overall score are scored, its result bands, and the safety
// items whose answer forces a "not safe" result whatever the scores say.
import { z } from 'zod';
import { requiredText, safeText } from '../text';

/** An instrument's code: what an assessment names it by, with its version. */
export const instrumentCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'reintegration.code')
  .max(40);
const key = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'reintegration.key');
const label = requiredText(160);
const anchor = safeText({ multiline: true }).max(600, 'tooLong');
const rating = z.number().int().min(-10).max(10);

export const INSTRUMENT_KINDS = ['outcomes', 'readiness'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
export const SCORING_RULES = ['mean', 'min'] as const;
export type ScoringRule = (typeof SCORING_RULES)[number];

const scalePointSchema = z.strictObject({ value: rating, label, anchor: anchor.optional() });

const itemSchema = z.strictObject({
  key,
  label,
  /** What to look for, in the instrument's own words. */
  guidance: anchor.optional(),
  required: z.boolean(),
  notKnownAllowed: z.boolean(),
  /** A rating at or below this forces the result to "not safe". */
  unsafeAtOrBelow: rating.optional(),
});

const domainSchema = z.strictObject({
  key,
  label,
  scoring: z.enum(SCORING_RULES),
  items: z.array(itemSchema).min(1).max(40),
});

const bandSchema = z.strictObject({
  key,
  label,
  /** The lowest overall score in this band (bands are listed from the lowest up). */
  atLeast: z.number().min(-10).max(10),
  /** A result in this band counts as "not safe" for the discharge gate. */
  notSafe: z.boolean(),
});

/**
 * A definition as imported. Refused whole, naming the first problem (an i18n key under
 * `errors.`) and its path, when its scale, keys, bands or safety items do not hold together.
 */
export const reintegrationInstrumentSchema = z
  .strictObject({
    code: instrumentCodeSchema,
    version: z.number().int().min(1).max(10_000),
    name: label,
    kind: z.enum(INSTRUMENT_KINDS),
    scale: z.array(scalePointSchema).min(2).max(21),
    domains: z.array(domainSchema).min(1).max(20),
    overall: z.enum(SCORING_RULES),
    bands: z.array(bandSchema).min(1).max(10),
    /** Outcomes instruments: the domain score every domain must reach for closure. */
    closureThreshold: z.number().min(-10).max(10).optional(),
  })
  .superRefine((def, ctx) => {
    const issue = (message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', message, path });
    const values = def.scale.map((p) => p.value);
    def.scale.forEach((point, i) => {
      if (i > 0 && point.value !== values[i - 1]! + 1)
        issue('reintegration.scaleSteps', ['scale', i, 'value']);
    });
    const min = values[0]!;
    const max = values.at(-1)!;
    const domainKeys = def.domains.map((d) => d.key);
    if (new Set(domainKeys).size !== domainKeys.length)
      issue('reintegration.duplicateKey', ['domains']);
    const itemKeys = def.domains.flatMap((d) => d.items.map((i) => i.key));
    if (new Set(itemKeys).size !== itemKeys.length)
      issue('reintegration.duplicateKey', ['domains', 'items']);
    def.domains.forEach((domain, d) =>
      domain.items.forEach((item, i) => {
        const path = ['domains', d, 'items', i];
        if (item.unsafeAtOrBelow === undefined) return;
        if (item.unsafeAtOrBelow < min || item.unsafeAtOrBelow > max)
          issue('reintegration.safetyOutOfScale', [...path, 'unsafeAtOrBelow']);
        if (!item.required) issue('reintegration.safetyNotRequired', [...path, 'required']);
        if (item.notKnownAllowed)
          issue('reintegration.safetyNotKnown', [...path, 'notKnownAllowed']);
      }),
    );
    const bandKeys = def.bands.map((b) => b.key);
    if (new Set(bandKeys).size !== bandKeys.length) issue('reintegration.duplicateKey', ['bands']);
    if (def.bands[0]!.atLeast !== min) issue('reintegration.bandsStart', ['bands', 0, 'atLeast']);
    def.bands.forEach((band, b) => {
      if (band.atLeast > max) issue('reintegration.bandOutOfScale', ['bands', b, 'atLeast']);
      if (b > 0 && band.atLeast <= def.bands[b - 1]!.atLeast)
        issue('reintegration.bandOrder', ['bands', b, 'atLeast']);
    });
    if (def.kind === 'outcomes' && def.closureThreshold === undefined)
      issue('reintegration.closureThreshold', ['closureThreshold']);
    if (
      def.closureThreshold !== undefined &&
      (def.closureThreshold < min || def.closureThreshold > max)
    )
      issue('reintegration.closureThreshold', ['closureThreshold']);
  });
export type ReintegrationInstrument = z.infer<typeof reintegrationInstrumentSchema>;
export type InstrumentItem = z.infer<typeof itemSchema>;

/** A definition as the app serves it. */
export interface InstrumentEntry extends ReintegrationInstrument {
  builtIn: boolean;
}

// ---- answers and scoring --------------------------------------------------------------------

export const NOT_KNOWN = 'notKnown' as const;
export type Answer = number | typeof NOT_KNOWN;
export type Answers = Record<string, Answer>;

export const answerSchema = z.union([rating, z.literal(NOT_KNOWN)]);

/** Why a result is "not safe": a safety item's answer, a band, or a flag on the household. */
export type NotSafeReason =
  | { kind: 'safetyItem'; itemKey: string }
  | { kind: 'band' }
  | { kind: 'allegedOffender' | 'noContactOrder'; relationship: string };

export interface AssessmentScore {
  /** Per domain: the mean or minimum of its rated items (rounded to 2 places); null if none. */
  domains: Record<string, number | null>;
  overall: number | null;
  /** The band the overall score falls in; null while nothing is rated. */
  bandKey: string | null;
  notSafe: boolean;
  notSafeReasons: NotSafeReason[];
  /** Outcomes instruments: every domain scored and at or above the closure threshold. */
  meetsClosure: boolean | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function combine(rule: ScoringRule, values: number[]): number | null {
  if (values.length === 0) return null;
  return round2(
    rule === 'min' ? Math.min(...values) : values.reduce((a, b) => a + b, 0) / values.length,
  );
}

/** Field problems (item key → `errors.` key) in a set of answers; `complete` also asks for required ones. */
export function answerProblems(
  def: ReintegrationInstrument,
  answers: Answers,
  complete: boolean,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const min = def.scale[0]!.value;
  const max = def.scale.at(-1)!.value;
  const items = def.domains.flatMap((d) => d.items);
  for (const item of items) {
    const answer = answers[item.key];
    if (answer === undefined) {
      if (complete && item.required) problems[item.key] = 'required';
    } else if (answer === NOT_KNOWN) {
      if (!item.notKnownAllowed) problems[item.key] = 'reintegration.notKnownNotAllowed';
    } else if (answer < min || answer > max) problems[item.key] = 'reintegration.outOfScale';
  }
  for (const extra of Object.keys(answers))
    if (!items.some((i) => i.key === extra)) problems[extra] = 'reintegration.unknownItem';
  return problems;
}

/**
 * Scores answers (already checked) by the definition's rules. "Not known" answers are left out of
 * the means and minima; a safety item at or below its cut-off, or a band marked not safe, makes the
 * whole result "not safe".
 */
export function scoreAnswers(def: ReintegrationInstrument, answers: Answers): AssessmentScore {
  const domains: Record<string, number | null> = {};
  const reasons: NotSafeReason[] = [];
  for (const domain of def.domains) {
    const rated: number[] = [];
    for (const item of domain.items) {
      const answer = answers[item.key];
      if (typeof answer !== 'number') continue;
      rated.push(answer);
      if (item.unsafeAtOrBelow !== undefined && answer <= item.unsafeAtOrBelow)
        reasons.push({ kind: 'safetyItem', itemKey: item.key });
    }
    domains[domain.key] = combine(domain.scoring, rated);
  }
  const scored = Object.values(domains).filter((v): v is number => v !== null);
  const overall = combine(def.overall, scored);
  const band = overall === null ? null : def.bands.filter((b) => overall >= b.atLeast).at(-1);
  if (band?.notSafe) reasons.push({ kind: 'band' });
  const threshold = def.closureThreshold;
  const meetsClosure =
    threshold === undefined
      ? null
      : scored.length === def.domains.length && scored.every((v) => v >= threshold);
  return {
    domains,
    overall,
    bandKey: band?.key ?? null,
    notSafe: reasons.length > 0,
    notSafeReasons: reasons,
    meetsClosure,
  };
}
