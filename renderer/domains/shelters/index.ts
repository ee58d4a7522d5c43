// The shelters domain's screens: shelters and beds, the bed board, and the placement panel the
// case file shows.
export { sheltersDomain } from './sections';
export { PlacementPanel } from './PlacementPanel';
export { bedName } from './format';

import type catalogue from '../../i18n/en-shelters.json';
declare module '../../i18n' {
  /** The keys under `shelters.`, for typed t('…') calls. */
  interface DomainCatalogues {
    shelters: typeof catalogue;
  }
}
