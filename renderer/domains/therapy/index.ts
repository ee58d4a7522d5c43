// The therapy domain's screens: session notes and outcome measures (notes/, measures/).
export { therapyNotesSections } from './notes/sections';
