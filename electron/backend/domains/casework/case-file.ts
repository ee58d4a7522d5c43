// What the casework domain adds to a child's case file, and to her timeline (a health record's
// kind, for those who may read health: never a medicine, a place or a note).
import type { TimelineEntry } from '../../../../shared/case-file';
import type { CaseFileSource, TimelineSource } from '../../runtime/domain';
import { accusedCasesOf } from './accused';
import { conferencesOf } from './conferences';
import { educationOf } from './education';
import { healthOf } from './health';

export const caseworkSection: CaseFileSource = (vault, actor, child) => ({
  accusedCases: accusedCasesOf(vault, actor, child.id),
  education: educationOf(vault, child.id),
  conferences: conferencesOf(vault, child.id),
  health: healthOf(vault, actor, child),
});

export const caseworkTimeline: TimelineSource = (vault, actor, child) => {
  const entries: TimelineEntry[] = [];
  for (const record of healthOf(vault, actor, child) ?? [])
    entries.push({
      at: record.date ?? record.recordedAt,
      kind: 'health',
      params: { kind: record.kind },
    });
  return entries;
};
