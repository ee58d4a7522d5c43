// The dataset sizes S, M and L (children, shelters, placements, family members, therapists and
// therapy sessions, reintegration and daily care records), shared by `npm run demo` and `npm run bench`.
export interface DatasetSize {
  children: number;
  shelters: number;
  placements: number;
  familyMembers: number;
  /** How many years of history the placements cover. */
  years: number;
  /** Therapists the benchmark adds, and therapy sessions shared among the therapists given. */
  therapists: number;
  sessions: number;
  /** Outcome scores over the children in therapy (about 60% of sessions also get a signed note). */
  outcomeScores: number;
  /** Reintegration: readiness and Aftercare Outcomes assessments, and follow-up visits (at most). */
  reintegrationAssessments: number;
  aftercareVisits: number;
  /** Daily care: contacts log entries and incidents together, and documents in the registers. */
  careLogEntries: number;
  careDocuments: number;
}

export const DATASET_SIZES = {
  S: {
    children: 200,
    shelters: 5,
    placements: 400,
    familyMembers: 1_000,
    years: 4,
    therapists: 10,
    sessions: 5_000,
    outcomeScores: 300,
    reintegrationAssessments: 800,
    aftercareVisits: 2_000,
    careLogEntries: 2_000,
    careDocuments: 1_000,
  },
  M: {
    children: 2_000,
    shelters: 20,
    placements: 5_000,
    familyMembers: 10_000,
    years: 6,
    therapists: 60,
    sessions: 50_000,
    outcomeScores: 3_000,
    reintegrationAssessments: 8_000,
    aftercareVisits: 20_000,
    careLogEntries: 20_000,
    careDocuments: 10_000,
  },
  L: {
    children: 10_000,
    shelters: 40,
    placements: 40_000,
    familyMembers: 50_000,
    years: 10,
    therapists: 300,
    sessions: 500_000,
    outcomeScores: 30_000,
    reintegrationAssessments: 40_000,
    aftercareVisits: 100_000,
    careLogEntries: 100_000,
    careDocuments: 50_000,
  },
} as const satisfies Record<string, DatasetSize>;

export type SizeName = keyof typeof DATASET_SIZES;

export function isSizeName(value: string): value is SizeName {
  return Object.hasOwn(DATASET_SIZES, value);
}
