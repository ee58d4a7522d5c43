// The children domain's screens: Today, the children list, registration and the case file.
export { childrenSections } from './sections';
