// The access domain: setup, sign-in, recovery, sessions, one's own password, staff accounts,
// settings, key rotation and the audit log's reads.
import type { Domain } from '../../runtime/domain';
import { backupPolicy } from './migrations/0080-backup-policy';
import { userLanguage } from './migrations/0300-user-language';
import { accessTables } from './tables';
import { accessIdScope } from './id-scope';
import { adminAuditTargets, adminHandlers } from './admin-handlers';
import { backupAuditTargets, backupHandlers } from './backup-handlers';
import { sessionAuditTargets, sessionHandlers } from './session-handlers';

export { readSettings, writeSettings, SETTINGS_ROW_ID } from '../../vault/settings';
export {
  accountSlotSources,
  findUserById,
  findUserByUsername,
  insertUser,
  languageOf,
  listUsers,
  type StaffUser,
} from './users-repo';

/** The access domain as the composition root lists it. */
export const accessDomain: Domain = {
  name: 'access',
  tables: accessTables,
  idScope: accessIdScope,
  migrations: [backupPolicy, userLanguage],
  handlers: () => ({ ...sessionHandlers(), ...adminHandlers(), ...backupHandlers() }),
  auditTargets: { ...sessionAuditTargets, ...adminAuditTargets, ...backupAuditTargets },
};
