// Readiness assessments for the reintegration tests: a complete, submittable input for the
// shipped Family Reintegration Readiness instrument, every item rated a clear strength.
import { builtInInstruments } from '../../../electron/backend/domains/reintegration';

export function readinessAnswers(rating = 2): Record<string, number> {
  const instrument = builtInInstruments().find((i) => i.code === 'ARUGA-FRR')!;
  return Object.fromEntries(
    instrument.domains.flatMap((d) => d.items.map((item) => [item.key, rating] as const)),
  );
}

/** A save input for `childId`'s readiness assessment of `household`; `overrides` replace fields (answers merge). */
export function familyReadiness(
  childId: string,
  household: { kind: 'family' | 'kinship'; memberIds: string[] },
  overrides: Record<string, unknown> = {},
) {
  const { answers, ...rest } = overrides as { answers?: Record<string, number> };
  return {
    childId,
    instrumentCode: 'ARUGA-FRR',
    instrumentVersion: 1,
    household: { ...household, label: `Fictional ${household.kind} home` },
    visitDates: ['2025-08-20'],
    interviewed: 'Fictional aunt and uncle; the child separately',
    answers: { ...readinessAnswers(), ...answers },
    evidence: { familySafety: 'Fictional note: no visitors with access to the child' },
    childConsulted: true,
    consultedHow: 'Talked during a drawing activity, with her therapist present',
    childWishes: 'Fictional words: I want to live with Tita and go to school',
    recommendation: household.kind === 'kinship' ? 'kinship' : 'thisHousehold',
    ...rest,
  };
}

/** A complete save input for `childId`'s Aftercare Outcomes assessment, every item rated `rating`. */
export function aftercareOutcomes(
  childId: string,
  rating = 3,
  overrides: Record<string, unknown> = {},
) {
  const instrument = builtInInstruments().find((i) => i.code === 'ARUGA-AO')!;
  return {
    childId,
    instrumentCode: 'ARUGA-AO',
    instrumentVersion: 1,
    household: null,
    visitDates: ['2025-08-20'],
    interviewed: 'Fictional child and aunt',
    answers: Object.fromEntries(
      instrument.domains.flatMap((d) => d.items.map((item) => [item.key, rating] as const)),
    ),
    evidence: {},
    childConsulted: true,
    consultedHow: 'Talked at the kitchen table, with the aunt outside',
    childWishes: 'Fictional words: I like my new school',
    recommendation: null,
    ...overrides,
  };
}
