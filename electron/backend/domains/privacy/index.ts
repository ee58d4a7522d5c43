// The privacy domain: the organisation's duties under the Data Privacy Act (RA 10173): a child's
// access log and the breach register (docs/architecture.md, "Privacy duties").
import type { Domain } from '../../runtime/domain';
import { privacy } from './migrations/0230-privacy';
import { retention } from './migrations/0290-retention';
import { retentionNotes } from './migrations/0320-retention-notes';
import { retentionCases } from './migrations/0330-retention-cases';
import { privacyTables } from './tables';
import { privacyIdScope } from './id-scope';
import { privacyAuditTargets, privacyHandlers } from './handlers';

export { childAccessLog } from './access-log';
export { AUDIT_CHILD } from './migrations/0230-privacy';
export { listBreaches, saveBreach, closeBreach } from './breaches';
export { deleteRetained, setRetentionPeriod, retentionDue } from './retention';
export { CASE_COLUMNS, CASE_TABLES, emptyArrived } from './closed-cases';

export const privacyDomain: Domain = {
  name: 'privacy',
  tables: privacyTables,
  migrations: [privacy, retention, retentionNotes, retentionCases],
  idScope: privacyIdScope,
  handlers: () => privacyHandlers(),
  auditTargets: privacyAuditTargets,
};
