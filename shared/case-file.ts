// What a child's case file and timeline are made of. The children domain owns both; any other
// domain adds its own section to the file and its own kinds of timeline entry, from its own
// contract, by augmenting the two interfaces below (docs/architecture.md, "How to add a domain"):
//
//   declare module '../case-file' {
//     interface CaseFileSections { therapy: TherapySummary }
//     interface TimelineKinds { therapy: 'sessionHeld' | 'planStarted' }
//   }

/**
 * The parts of the case file other domains contribute, by field name; `CaseFile` has every one.
 * Each domain's backend fills its own (Domain.caseFile) and its renderer shows them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface CaseFileSections {}

/** The kinds of timeline entry, by the domain that adds them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface TimelineKinds {}

export type TimelineKind = TimelineKinds[keyof TimelineKinds];

export interface TimelineEntry {
  /** A UTC instant or a calendar date (YYYY-MM-DD); entries are sorted newest first. */
  at: string;
  kind: TimelineKind;
  /** Non-sensitive words for the line, e.g. a shelter name or a legal event kind. */
  params: Record<string, string>;
}
