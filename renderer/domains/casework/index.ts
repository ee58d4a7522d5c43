// The casework domain's screens: the case file's legal detail per accused, schooling,
// case conferences, health (and the administrator's choice of who reads it), and Today's
// conference reviews due.
import type catalogue from '../../i18n/en-casework.json';
export { caseworkDomain } from './caseworkDomain';
export { ChildHealthSection } from './HealthSection';

declare module '../../i18n' {
  /** The keys under `casework.`, for typed t('…') calls. */
  interface DomainCatalogues {
    casework: typeof catalogue;
  }
}
