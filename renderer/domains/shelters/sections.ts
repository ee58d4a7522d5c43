import type { Section } from '../../frame/section';
import { BedBoardScreen } from './BedBoardScreen';
import { SheltersScreen } from './SheltersScreen';

/**
 * Shelters, beds, the bed board and placements. Placements themselves are made from the
 * case file (PlacementPanel). Administrators manage staff accounts, not shelters, so they get
 * neither section (and their home stays the Users screen).
 */
export const sheltersSections: Section[] = [
  {
    path: 'bed-board',
    navTo: '/bed-board',
    navLabel: (t) => t('shelters.nav.bedBoard'),
    roles: ['coordinator', 'caseworker'],
    Screen: BedBoardScreen,
  },
  {
    path: 'shelters',
    navTo: '/shelters',
    navLabel: (t) => t('shelters.nav.shelters'),
    roles: ['coordinator'],
    Screen: SheltersScreen,
  },
];
