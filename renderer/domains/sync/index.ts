// The sync domain's screens: the Computers screen and Sync now, and joining an organisation
// (offered on the first-run screen).
import type catalogue from '../../i18n/en-sync.json';
export { syncDomain } from './sections';
export { JoinScreen } from './JoinScreen';

declare module '../../i18n' {
  /** The keys under `sync.`, for typed t('…') calls. */
  interface DomainCatalogues {
    sync: typeof catalogue;
  }
}
