// The vault itself: its meta row and settings, staff accounts, the audit log and the change log.
import { META, type Migration } from './migration';

export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  sql: `
      CREATE TABLE vault_meta (
        id TEXT PRIMARY KEY,
        vault_id TEXT NOT NULL,
        audit_head_seq INTEGER NOT NULL DEFAULT 0,
        audit_head_hash TEXT NOT NULL,${META}
      );
      CREATE TABLE vault_settings (
        id TEXT PRIMARY KEY,
        idle_lock_minutes INTEGER NOT NULL,
        time_zone TEXT NOT NULL,
        paper_size TEXT NOT NULL,${META}
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin','coordinator','caseworker','therapist')),
        shelter_scope TEXT NOT NULL DEFAULT '[]',
        must_change_password INTEGER NOT NULL DEFAULT 0,
        last_sign_in_at TEXT,
        deleted_at TEXT,${META}
      );
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        outcome TEXT NOT NULL,
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_actor ON audit_log(actor_id, seq);
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY,
        hlc TEXT NOT NULL,
        device_id TEXT NOT NULL,
        user_id TEXT,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
        columns TEXT NOT NULL
      );
      CREATE INDEX change_log_hlc ON change_log(hlc);
    `,
};
