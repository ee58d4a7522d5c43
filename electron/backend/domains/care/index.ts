// The care domain: what a residential shelter records about a child every day (incidents, away
// episodes, the documents register), its services for the router, tests, the bed board and
// Today, and the domain itself for the composition root. A domain of its own rather than more of the children domain: its
// tables, words and sections stand apart, and the case file and timeline take contributions.
import type { Domain } from '../../runtime/domain';
import { careDaily } from './migrations/0220-care-daily';
import { careTables } from './tables';
import { careIdScope } from './id-scope';
import { careSection, careTimeline } from './case-file';
import { careAuditTargets, careHandlers } from './handlers';

export { saveIncident, incidentsOf } from './incidents';
export { saveContact, contactsOf } from './contacts';
export { saveDocument, documentsOf, documentsDue } from './documents';
export { startAway, returnFromAway, awayEpisodesOf, awayAt, type BoardAway } from './away';

export const careDomain: Domain = {
  name: 'care',
  tables: careTables,
  idScope: careIdScope,
  migrations: [careDaily],
  handlers: () => careHandlers(),
  auditTargets: careAuditTargets,
  caseFile: careSection,
  timeline: careTimeline,
};
