// The sync domain: the engine that lets the organisation's computers exchange encrypted change
// bundles and converge (docs/architecture.md, "Sync between computers"), and its procedures.
import type { Domain } from '../../runtime/domain';
import { sync } from './migrations/0090-sync';
import { syncSettings } from './migrations/0170-sync-settings';
import { syncAccounts } from './migrations/0180-sync-accounts';
import { placementNarrowing } from './migrations/0190-placement-narrowing';
import { syncTables } from './tables';
import { syncAuditTargets, syncHandlers } from './handlers';
import { syncIdScope } from './id-scope';

export { syncAuditTargets, syncHandlers } from './handlers';
export { LOCAL_STORES } from './tables';
export {
  applyChanges,
  changesMissingFrom,
  markHeld,
  MAX_CLOCK_AHEAD_MS,
  type SyncVault,
} from './changes';
export { BundleRefused, type BundleRefusal } from './errors';
export { BUNDLE_NAME, newBundleName, openBundle, sealBundle, type BundleBody } from './bundle';
export {
  addComputer,
  adoptGrant,
  computerKey,
  currentComputers,
  ownIdentity,
  removeComputer,
  startOrganisation,
  type ComputerGrant,
  type Identity,
} from './identity';
export { syncFolder, type FolderSyncReport } from './folder';
export { AUTO_SYNC_INTERVAL_MS, autoSyncStep, type AutoSyncState } from './watcher';
export { saveSyncSettings } from './settings';
export { bundleKeys, refreshBundleKeys, replaceBundleKey, type BundleKeys } from './bundle-keys';
export { describeConflicts, listConflicts, type Conflict, type ConflictKind } from './conflicts';
export { caseCodeTag, giveNewCaseCode, nextCaseCode } from './case-codes';

export const syncDomain: Domain = {
  name: 'sync',
  tables: syncTables,
  migrations: [sync, syncSettings, placementNarrowing, syncAccounts],
  idScope: syncIdScope,
  handlers: () => syncHandlers(),
  auditTargets: syncAuditTargets,
};
