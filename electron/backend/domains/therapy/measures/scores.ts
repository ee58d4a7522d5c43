// Outcome scores: one row per administration (date, informant, who gave it, the subscale sums).
// The total is computed here; the band is computed when read, from the norm the administrator
// chose for the instrument, so a change of norms re-bands the history without touching scores.
import { AppError } from '../../../../../shared/errors';
import {
  bandOf,
  normFor,
  scoreProblems,
  totalScore,
  type Informant,
  type OutcomeScore,
  type ScoreHistory,
  type SubscaleScores,
} from '../../../../../shared/therapy/measures';
import { clockFor, FieldErrors, type CaseActor, type CaseVault } from '../../../records/actor';
import { clinicalPolicy } from '../notes/policy';
import { findInstrument, listInstruments } from './instruments';

export interface ScoreEntry {
  childId: string;
  instrumentCode: string;
  instrumentVersion: number;
  administeredOn: string;
  informant: Informant;
  administeredBy: string;
  scores: SubscaleScores;
}

interface ScoreRow {
  id: string;
  child_id: string;
  instrument_code: string;
  instrument_version: number;
  administered_on: string;
  informant: Informant;
  administered_by: string;
  recorded_by_name: string | null;
  scores: string;
  total: number;
}

export function recordScore(vault: CaseVault, actor: CaseActor, entry: ScoreEntry): OutcomeScore {
  const instrument = findInstrument(vault, entry.instrumentCode, entry.instrumentVersion);
  const errors = new FieldErrors().notFutureDate(
    'administeredOn',
    entry.administeredOn,
    clockFor(vault, actor),
  );
  if (!instrument.informants.includes(entry.informant))
    errors.add('informant', 'measures.informant');
  for (const [key, problem] of Object.entries(scoreProblems(instrument, entry.scores))) {
    errors.add(`scores.${key}`, problem);
  }
  errors.throwIfAny();
  const id = vault.data.insert('outcome_scores', {
    child_id: entry.childId,
    instrument_code: instrument.code,
    instrument_version: instrument.version,
    administered_on: entry.administeredOn,
    informant: entry.informant,
    administered_by: entry.administeredBy,
    scores: JSON.stringify(entry.scores),
    total: totalScore(instrument, entry.scores),
  });
  const history = scoreHistory(vault, actor, entry.childId);
  return history.scores.find((s) => s.id === id)!;
}

/**
 * A child's scores, oldest first, banded by the current norms. A coordinator sees totals and
 * bands only, and only when the administrator allows it.
 */
export function scoreHistory(vault: CaseVault, actor: CaseActor, childId: string): ScoreHistory {
  const policy = clinicalPolicy(vault);
  const subscalesShown = actor.role === 'therapist';
  if (!subscalesShown && !policy.coordinatorsSeeScoreTotals) {
    throw new AppError('FORBIDDEN', 'measures.totalsNotShared');
  }
  const rows = vault.db
    .prepare(
      `SELECT o.*, u.display_name AS recorded_by_name FROM outcome_scores o
       LEFT JOIN users u ON u.id = o.created_by
       WHERE o.child_id = ? AND o.deleted_at IS NULL
       ORDER BY o.administered_on, o.created_at`,
    )
    .all([childId]) as unknown as ScoreRow[];
  const all = listInstruments(vault);
  const used = all.filter((i) =>
    rows.some((r) => r.instrument_code === i.code && r.instrument_version === i.version),
  );
  const scores = rows.map((row): OutcomeScore => {
    const instrument = used.find(
      (i) => i.code === row.instrument_code && i.version === row.instrument_version,
    );
    const norm = instrument
      ? normFor(instrument, row.informant, policy.normChoices[instrument.code])
      : null;
    return {
      id: row.id,
      childId: row.child_id,
      instrumentCode: row.instrument_code,
      instrumentVersion: row.instrument_version,
      administeredOn: row.administered_on,
      informant: row.informant,
      administeredBy: row.administered_by,
      recordedBy: row.recorded_by_name,
      total: row.total,
      band: bandOf(norm, row.total),
      normKey: norm?.key ?? null,
      subscales: subscalesShown ? (JSON.parse(row.scores) as SubscaleScores) : null,
    };
  });
  return { instruments: used, scores, subscalesShown };
}
