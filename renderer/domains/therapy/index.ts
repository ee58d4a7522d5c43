// The therapy domain's screens: the therapist's Today, the calendar, the caseload, each child's
// plans and sessions, session notes and outcome measures (notes/, measures/), the case file's
// therapy section, and the administrator's soft rules and clinical policy.
import type catalogue from '../../i18n/en-therapy.json';
export { therapyDomain } from './therapyDomain';

declare module '../../i18n' {
  /** The keys under `therapy.`, for typed t('…') calls. */
  interface DomainCatalogues {
    therapy: typeof catalogue;
  }
}
