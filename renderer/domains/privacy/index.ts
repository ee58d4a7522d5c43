// The privacy domain's screens: the breach register, its reminder, and a child's access log.
import type catalogue from '../../i18n/en-privacy.json';
export { privacyDomain } from './privacyDomain';

declare module '../../i18n' {
  /** The keys under `privacy.`, for typed t('…') calls. */
  interface DomainCatalogues {
    privacy: typeof catalogue;
  }
}
