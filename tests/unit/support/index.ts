// Everything the unit tests share, in one place: real vaults in temp folders and the backend
// calls on them (backend.ts), the case-team vault and its records (cases.ts), placements on a
// service vault (placements.ts), a sample input for every procedure (contract-samples.ts), and
// complete readiness assessments (reintegration.ts); computers of one organisation for sync
// (sync.ts).
export * from './backend';
export * from './cases';
export * from './placements';
export * from './contract-samples';
export * from './reintegration';
export * from './sync';
