// The therapy domain's screens: session notes and outcome measures (notes/, measures/).
export { therapyAdminSections, therapyNotesSections } from './notes/sections';
// The therapy domain's screens: the therapist's Today, the calendar, the caseload, each child's
// plans and sessions, the case file's therapy section, and the administrator's soft rules.
export { therapySections, therapySettingsSections } from './sections';
export { TherapyCaseSection } from './case-file/TherapyCaseSection';
