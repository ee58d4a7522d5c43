// Which actions the audit log records, for the audit log's Action filter and its labels.
import { PROCEDURE_NAMES, procedures } from './contract';

/** Entries the backend writes itself, beside the one entry per audited call. */
export const EVENT_ACTIONS = [
  'auth.signInFailed',
  'auth.recoveryKeyUnlock',
  'demo.generate',
  'vault.exportDataKey',
  'vault.keyringTampered',
  'vault.keyringRestored',
  'vault.rollbackDetected',
  'vault.restored',
  'vault.salvaged',
  'backup.automatic',
] as const;

/** Every action that writes an entry: each change, each audited view, and the events above. */
export const AUDITED_ACTIONS: readonly string[] = [
  ...PROCEDURE_NAMES.filter((name) => {
    const spec = procedures[name];
    return spec.kind === 'mutation' || ('auditView' in spec && spec.auditView === true);
  }),
  ...EVENT_ACTIONS,
];

/** What an entry's target can be (AuditEntry.targetType). */
export const AUDIT_TARGET_TYPES = [
  'child',
  'familyMember',
  'visitor',
  'consent',
  'goal',
  'task',
  'legalEvent',
  'placement',
  'bed',
  'shelter',
  'user',
  'settings',
  'vault',
  'export',
  'therapyPlan',
  'therapySession',
  'therapySeries',
  'therapyLeave',
  'therapist',
  'therapyRules',
  'therapyNote',
  'outcomeScore',
  'instrument',
  'computer',
  'syncFolder',
  'breach',
] as const;
