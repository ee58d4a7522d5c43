// What a migration is, and the SQL fragments migrations share. A released migration's SQL never
// changes, so these fragments never change either: each would alter every migration using it.

export interface Migration {
  /** Recorded in PRAGMA user_version once applied; only grows. */
  version: number;
  name: string;
  sql: string;
}

/** Every table carries created/updated metadata. */
export const META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT`;

/** A stored UTC instant, exactly as Date.toISOString() writes it, so text order is time order. */
export const INSTANT = (column: string) =>
  `CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')`;
