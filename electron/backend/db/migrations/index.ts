// Every migration, in order. One file per migration, named with spaced numbers (0010, 0020, …)
// so a later one can go in between while unreleased. `version` is what PRAGMA user_version
// records in a vault: it only grows, and a released migration never changes.
import type { Migration } from './migration';
import { foundation } from './0010-foundation';
import { childrenShelters } from './0020-children-shelters';
import { therapyScheduling } from './0030-therapy-scheduling';
import { therapyNotes } from './0040-therapy-notes';
import { changeLogConfidential } from './0050-change-log-confidential';
import { reintegration } from './0060-reintegration';
import { backupPolicy } from './0080-backup-policy';
import { sync } from './0090-sync';
import { caseFileSafety } from './0120-case-file-safety';

export const MIGRATIONS: readonly Migration[] = [
  foundation,
  childrenShelters,
  therapyScheduling,
  therapyNotes,
  changeLogConfidential,
  reintegration,
  backupPolicy,
  sync,
  caseFileSafety,
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
