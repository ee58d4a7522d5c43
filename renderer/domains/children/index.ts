// The children domain's screens: Today, the children list, registration and the case file.
export { childrenDomain } from './sections';
export { SafetyLine } from './case-file/SafetyLine';
export { fromForm, withoutBlanks } from './formValues';

import type catalogue from '../../i18n/en-children.json';
import type householdsCatalogue from '../../i18n/en-households.json';
import type intakeAccountsCatalogue from '../../i18n/en-intakeAccounts.json';
declare module '../../i18n' {
  /** The keys under `children.`, for typed t('…') calls. */
  interface DomainCatalogues {
    children: typeof catalogue;
    /** The household section's words (its own file, beside the case file's). */
    households: typeof householdsCatalogue;
    /** A therapist's intake accounts screen. */
    intakeAccounts: typeof intakeAccountsCatalogue;
  }
}
