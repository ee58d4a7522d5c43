// Session notes, as the therapy domain's index spreads them into its handlers and audit targets.
export { notesAuditTargets, notesHandlers } from './handlers';
export { clinicalPolicy } from './policy';
export { notesForChild, searchNotes } from './notes';
