// The reintegration domain's screens: the case file's assessments section, the assessment
// (draft form with autosave, result, review), and the coordinators' review queue.
import type catalogue from '../../i18n/en-reintegration.json';
export { reintegrationDomain } from './reintegrationDomain';

declare module '../../i18n' {
  /** The keys under `reintegration.`, for typed t('…') calls. */
  interface DomainCatalogues {
    reintegration: typeof catalogue;
  }
}
