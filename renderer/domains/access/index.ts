// The access domain's screens: the gate (setup, sign-in, recovery) before a session, and
// everyone's own account and the administrator's screens within one.
import type upgradeCatalogue from '../../i18n/en-upgrade.json';
export { accessDomain } from './sections';
export { ForcedPasswordChange } from './AccountScreen';
export { BackupWarning } from './BackupWarning';
export { DamagedVaultScreen } from './DamagedVaultScreen';
export { RecoverScreen } from './RecoverScreen';
export { RecoveryKeyCheck, RecoveryKeyScreen } from './RecoveryKeyScreen';
export { SetupScreen } from './SetupScreen';
export { SignInScreen } from './SignInScreen';

declare module '../../i18n' {
  /** The keys under `upgrade.`: the sign-in that upgrades the vault. */
  interface DomainCatalogues {
    upgrade: typeof upgradeCatalogue;
  }
}
