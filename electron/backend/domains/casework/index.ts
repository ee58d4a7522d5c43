// The casework domain: the case file's records beyond the daily ones (legal detail per accused,
// schooling, case conferences), its services for the router, tests and Today, and the domain
// itself for the composition root. A domain of its own rather than more of the children domain:
// its tables, words and sections stand apart, and the case file takes contributions from any
// domain.
import type { Domain } from '../../runtime/domain';
import { caseworkRecords } from './migrations/0260-casework-records';
import { healthRecords } from './migrations/0280-health-records';
import { caseworkTables } from './tables';
import { caseworkIdScope } from './id-scope';
import { caseworkSection, caseworkTimeline } from './case-file';
import { caseworkAuditTargets, caseworkHandlers } from './handlers';

export { saveAccused, accusedCasesOf } from './accused';
export { saveEducation, educationOf } from './education';
export { saveConference, conferencesOf, reviewsDue } from './conferences';
export {
  saveHealth,
  healthRecords,
  healthReaders,
  saveHealthReaders,
  mayReadHealth,
} from './health';

export const caseworkDomain: Domain = {
  name: 'casework',
  tables: caseworkTables,
  idScope: caseworkIdScope,
  migrations: [caseworkRecords, healthRecords],
  handlers: () => caseworkHandlers(),
  auditTargets: caseworkAuditTargets,
  caseFile: caseworkSection,
  timeline: caseworkTimeline,
};
