// The therapy domain's screens: session notes and outcome measures (notes/, measures/).
export { therapyAdminSections, therapyNotesSections } from './notes/sections';
