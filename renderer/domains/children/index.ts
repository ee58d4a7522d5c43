// The children domain's screens: Today, the children list, registration and the case file.
export { childrenDomain } from './sections';
export { SafetyLine } from './case-file/SafetyLine';
export { fromForm, withoutBlanks } from './formValues';

import type catalogue from '../../i18n/en-children.json';
declare module '../../i18n' {
  /** The keys under `children.`, for typed t('…') calls. */
  interface DomainCatalogues {
    children: typeof catalogue;
  }
}
