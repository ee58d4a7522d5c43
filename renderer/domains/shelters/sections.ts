import type { RendererDomain } from '../../frame/contributions';
import { BedBoardScreen } from './BedBoardScreen';
import { PlacementSection } from './PlacementSection';
import { SheltersScreen } from './SheltersScreen';
import { sheltersTimelineTexts } from './timelineTexts';

/**
 * Shelters, beds, the bed board and placements. Placements themselves are made from the
 * case file (PlacementPanel). Administrators manage staff accounts, not shelters, so they get
 * neither section (and their home stays the Users screen). In the case file, the placement
 * section sits right after the child's details; placements are on the timeline.
 */
export const sheltersDomain: RendererDomain = {
  name: 'shelters',
  sections: [
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
  ],
  caseFileSections: [{ id: 'case-placement', order: 20, Section: PlacementSection }],
  timelineTexts: sheltersTimelineTexts,
};
