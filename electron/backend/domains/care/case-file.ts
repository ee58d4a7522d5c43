// What the care domain adds to a child's case file (incidents, away episodes, documents) and to the
// timeline (an incident's kind, leaving and coming back, a document entered: never what
// happened).
import type { TimelineEntry } from '../../../../shared/case-file';
import type { CaseFileSource, TimelineSource } from '../../runtime/domain';
import { clockFor } from '../../records/actor';
import { awayEpisodesOf } from './away';
import { contactsOf } from './contacts';
import { documentsOf } from './documents';
import { incidentsOf } from './incidents';

export const careSection: CaseFileSource = (vault, actor, child) => ({
  incidents: incidentsOf(vault, child.id),
  awayEpisodes: awayEpisodesOf(vault, child.id, clockFor(vault, actor).today),
  documents: documentsOf(vault, child.id),
  contacts: contactsOf(vault, child.id),
});

export const careTimeline: TimelineSource = (vault, actor, child) => {
  const entries: TimelineEntry[] = [];
  for (const incident of incidentsOf(vault, child.id))
    entries.push({ at: incident.occurredOn, kind: 'incident', params: { kind: incident.kind } });
  for (const away of awayEpisodesOf(vault, child.id, clockFor(vault, actor).today)) {
    entries.push({ at: away.leftAt, kind: 'awayStarted', params: { kind: away.kind } });
    if (away.returnedAt)
      entries.push({ at: away.returnedAt, kind: 'awayReturned', params: { kind: away.kind } });
  }
  for (const doc of documentsOf(vault, child.id))
    entries.push({ at: doc.recordedAt, kind: 'document', params: { kind: doc.kind } });
  for (const contact of contactsOf(vault, child.id))
    entries.push({ at: contact.occurredOn, kind: 'contact', params: { kind: contact.kind } });
  return entries;
};
