// The reports domain's screen: pick a report, preview its printed pages, print, save or export.
import type catalogue from '../../i18n/en-reports.json';
import type accessRequestCatalogue from '../../i18n/en-accessRequest.json';
export { reportsDomain } from './sections';

declare module '../../i18n' {
  /** The keys under `reports.`, for typed t('…') calls. */
  interface DomainCatalogues {
    reports: typeof catalogue;
    /** The access-request export's words, under `accessRequest.`. */
    accessRequest: typeof accessRequestCatalogue;
  }
}
