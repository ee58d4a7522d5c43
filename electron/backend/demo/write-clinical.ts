// Generated clinical records beside the generated therapy: a signed SOAP note for most attended
// sessions (about 60% of all sessions) and outcome scores given over each course, all of them
// fictional and obviously generated. Rows go through the data layer, like every write.
import {
  subscaleRange,
  totalScore,
  type Informant,
  type SubscaleScores,
} from '../../../shared/therapy/measures';
import type { CaseVault } from '../records/actor';
import { builtInInstruments } from '../domains/therapy';
import { Random } from './prng';

/** The share of all sessions that get a signed note. */
export const SIGNED_NOTE_SHARE = 0.6;
const BATCH = 2_000;
/** Two years of four-weekly administrations: enough for any size's scores. */
const MAX_ROUNDS = 26;

const PHRASES = {
  subjective: [
    'Generated: the child says sleep was better this week.',
    'Generated: the child reports worry before school.',
    'Generated: the caregiver says the child was calmer at home.',
  ],
  objective: [
    'Generated: engaged, good eye contact, used the breathing skill.',
    'Generated: restless at first, settled after ten minutes.',
  ],
  assessment: [
    'Generated: steady progress towards the plan goals.',
    'Generated: avoidance lower than last session.',
  ],
  plan: ['Generated: continue with the next component.', 'Generated: practise relaxation daily.'],
};

export interface ClinicalOptions {
  seed: number;
  now: Date;
  /** Outcome scores to write, spread over the children in therapy. */
  scores: number;
}

export interface ClinicalCounts {
  notes: number;
  scores: number;
}

interface AttendedRow {
  id: string;
  therapist_id: string;
  plan_id: string | null;
  end_at: string;
  child_id: string;
}

/** Instruments given in the generated courses, with who answers each. */
const GIVEN: readonly { code: string; informant: Informant }[] = [
  { code: 'CATS-7-17', informant: 'self' },
  { code: 'SDQ', informant: 'caregiver' },
  { code: 'CPSS-5', informant: 'self' },
];

export function writeClinical(vault: CaseVault, options: ClinicalOptions): ClinicalCounts {
  const rng = new Random(options.seed).fork(11);
  const counts: ClinicalCounts = { notes: 0, scores: 0 };
  const total = Number(
    vault.db.prepare('SELECT count(*) FROM therapy_sessions', { pluck: true }).get(),
  );
  if (total === 0) return counts;
  const nowIso = options.now.toISOString();
  const attended = vault.db
    .prepare(
      `SELECT s.id, s.therapist_id, s.plan_id, s.end_at, pa.child_id FROM therapy_sessions s
       JOIN therapy_participants pa ON pa.session_id = s.id
       WHERE s.status = 'attended' AND s.end_at < ? ORDER BY s.start_at`,
    )
    .all([nowIso]) as unknown as AttendedRow[];
  const share = Math.min(1, (SIGNED_NOTE_SHARE * total) / Math.max(1, attended.length));
  for (let from = 0; from < attended.length; from += BATCH) {
    vault.data.transaction(() => {
      for (const s of attended.slice(from, from + BATCH)) {
        if (!rng.chance(share)) continue;
        const signedAt = new Date(Date.parse(s.end_at) + 3_600_000).toISOString();
        vault.data.insert('therapy_notes', {
          session_id: s.id,
          child_id: s.child_id,
          plan_id: s.plan_id,
          author_id: s.therapist_id,
          template: 'soap',
          fields: JSON.stringify({
            subjective: rng.pick(PHRASES.subjective),
            objective: rng.pick(PHRASES.objective),
            assessment: rng.pick(PHRASES.assessment),
            plan: rng.pick(PHRASES.plan),
          }),
          status: 'signed',
          signed_at: signedAt < nowIso ? signedAt : nowIso,
          signed_by: s.therapist_id,
        });
        counts.notes += 1;
      }
    });
  }

  // Scores: each plan's child, given an instrument at the start of the course and every four weeks.
  const plans = vault.db
    .prepare(
      `SELECT p.child_id, p.started_on, u.display_name FROM therapy_plans p
       JOIN users u ON u.id = p.therapist_id WHERE p.deleted_at IS NULL ORDER BY p.started_on, p.id`,
    )
    .all() as { child_id: string; started_on: string; display_name: string }[];
  const instruments = builtInInstruments();
  const today = nowIso.slice(0, 10);
  // Each plan's rounds, four weeks apart from its start and none after today: a course begun last
  // week has had one administration, not several on one day.
  const given: { plan: (typeof plans)[number]; round: number; day: string }[] = [];
  for (let round = 0; given.length < options.scores && round < MAX_ROUNDS; round += 1) {
    for (const plan of plans) {
      const day = new Date(Date.parse(`${plan.started_on}T00:00:00Z`) + round * 28 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      if (day <= today && given.length < options.scores) given.push({ plan, round, day });
    }
  }
  for (let from = 0; from < given.length; from += BATCH) {
    vault.data.transaction(() => {
      for (let i = from; i < Math.min(given.length, from + BATCH); i += 1) {
        const { plan, round, day } = given[i]!;
        const instrumentGiven = GIVEN[(i + round) % GIVEN.length]!;
        const instrument = instruments.find((d) => d.code === instrumentGiven.code)!;
        const scores: SubscaleScores = {};
        for (const subscale of instrument.subscales) {
          const { min, max } = subscaleRange(subscale);
          // Lower as the course goes on: most children improve.
          const top = Math.max(min, Math.round(max * (0.8 - 0.1 * Math.min(round, 6))));
          scores[subscale.key] = rng.int(min, top);
        }
        vault.data.insert('outcome_scores', {
          child_id: plan.child_id,
          instrument_code: instrument.code,
          instrument_version: instrument.version,
          administered_on: day,
          informant: instrumentGiven.informant,
          administered_by: plan.display_name,
          scores: JSON.stringify(scores),
          total: totalScore(instrument, scores),
        });
        counts.scores += 1;
      }
    });
  }
  return counts;
}
