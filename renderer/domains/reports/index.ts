// The reports domain's screen: pick a report, preview its printed pages, print, save or export.
import type catalogue from '../../i18n/en-reports.json';
export { reportsDomain } from './sections';

declare module '../../i18n' {
  /** The keys under `reports.`, for typed t('…') calls. */
  interface DomainCatalogues {
    reports: typeof catalogue;
  }
}
