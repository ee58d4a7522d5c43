// The care domain's screens: the case file's away episodes and incidents, and their timeline lines.
import type catalogue from '../../i18n/en-care.json';
export { careDomain } from './careDomain';

declare module '../../i18n' {
  /** The keys under `care.`, for typed t('…') calls. */
  interface DomainCatalogues {
    care: typeof catalogue;
  }
}
