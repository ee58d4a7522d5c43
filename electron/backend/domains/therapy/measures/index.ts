// Outcome measures, as the therapy domain's index spreads them into its handlers and audit targets.
export { measuresAuditTargets, measuresHandlers } from './handlers';
export { builtInInstruments, listInstruments } from './instruments';
export { scoreHistory } from './scores';
