// The shelters domain's screens: shelters and beds, the bed board, and the placement panel the
// case file shows.
export { sheltersSections } from './sections';
export { PlacementPanel } from './PlacementPanel';
export { bedName } from './format';
