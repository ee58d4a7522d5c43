// The sync domain: its procedures over the engine in electron/backend/sync.
import type { Domain } from '../../runtime/domain';
import { syncAuditTargets, syncHandlers } from './handlers';

export { syncAuditTargets, syncHandlers } from './handlers';

export const syncDomain: Domain = {
  name: 'sync',
  handlers: () => syncHandlers(),
  auditTargets: syncAuditTargets,
};
