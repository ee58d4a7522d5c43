// Runs the schema migrations (the composed schema's, see db/schema.ts) not yet applied, each in one transaction, and
// records the last one's version in PRAGMA user_version. Foreign keys are off while a migration
// runs, as SQLite's own procedure for rebuilding a table asks, and checked before it commits: only
// in the tables the migration's SQL can have broken a reference in, as a whole-database check
// takes minutes on a large vault at the sign-in that upgrades it.
import type { Db } from './sqlcipher';
import type { Migration } from './migrations/migration';

const NAME = String.raw`(?:\w+\.)?["\x60\[]?(\w+)["\x60\]]?`;
/** Statements whose table's own references may be broken: rows written, or a new definition. */
const WRITES = [
  String.raw`\bCREATE\s+(?:TEMP\w*\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${NAME}`,
  String.raw`\bALTER\s+TABLE\s+${NAME}`,
  String.raw`\bRENAME\s+TO\s+${NAME}`,
  String.raw`\b(?:INSERT|REPLACE)\s+(?:OR\s+\w+\s+)?INTO\s+${NAME}`,
  String.raw`\bUPDATE\s+(?:OR\s+\w+\s+)?${NAME}\s+SET\b`,
].map((source) => new RegExp(source, 'gi'));
/** Statements that may take away a row another table refers to. */
const REMOVES = [
  String.raw`\bDELETE\s+FROM\s+${NAME}`,
  String.raw`\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?${NAME}`,
  String.raw`\bALTER\s+TABLE\s+${NAME}\s+RENAME\b`,
  String.raw`\bRENAME\s+TO\s+${NAME}`,
  String.raw`\bREPLACE\s+INTO\s+${NAME}`,
  String.raw`\bINSERT\s+OR\s+REPLACE\s+INTO\s+${NAME}`,
].map((source) => new RegExp(source, 'gi'));
/** An UPDATE, up to the end of its statement: it takes a row away if it sets a referenced key. */
const UPDATES = new RegExp(String.raw`\bUPDATE\s+(?:OR\s+\w+\s+)?${NAME}\s+SET\b([^;]*)`, 'gi');

const lower = (names: Iterable<string>) => [...names].map((n) => n.toLowerCase());

/**
 * The tables a migration's SQL can have broken a reference in: each table it creates, alters,
 * renames or writes rows into (its own references), and every table referring to a table it
 * deletes rows from, drops, renames, replaces rows in or sets a referenced key of (a row referred
 * to may be gone). Comments and string literals are left out first; a name matched in a trigger's
 * body only adds a check.
 */
export function tablesToCheck(db: Db, sql: string): string[] {
  const code = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  const matched = (patterns: RegExp[]) =>
    lower(patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[1]!)));
  const references = db
    .prepare(
      `SELECT lower(m.name) AS child, lower(f."table") AS parent,
              lower(COALESCE(f."to", p.name)) AS key
       FROM sqlite_master m, pragma_foreign_key_list(m.name) f
       LEFT JOIN pragma_table_info(f."table") p ON f."to" IS NULL AND p.pk > 0
       WHERE m.type = 'table'`,
    )
    .all() as { child: string; parent: string; key: string | null }[];
  const removed = new Set(matched(REMOVES));
  for (const [, name, set] of code.matchAll(UPDATES)) {
    const assigned = lower([...set!.matchAll(/["\x60[]?(\w+)["\x60\]]?\s*=/g)].map((m) => m[1]!));
    const parent = name!.toLowerCase();
    if (references.some((r) => r.parent === parent && assigned.includes(r.key ?? '')))
      removed.add(parent);
  }
  const tables = new Set(matched(WRITES));
  for (const r of references) if (removed.has(r.parent)) tables.add(r.child);
  const existing = new Set(
    lower(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'", { pluck: true })
        .all() as string[],
    ),
  );
  return [...tables].filter((t) => existing.has(t)).sort();
}

/**
 * `onStep(done, n)`: `done` of the n pending migrations have committed; told before each one
 * starts and once the last has (never when nothing is pending).
 */
export function migrate(
  db: Db,
  migrations: readonly Migration[],
  onStep?: (started: number, of: number) => void,
): number {
  const current = Number(db.pragma('user_version', { simple: true }) ?? 0);
  const pending = migrations.filter((m) => m.version > current);
  const enforced = Number(db.pragma('foreign_keys', { simple: true })) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    pending.forEach((migration, index) => {
      onStep?.(index, pending.length);
      db.transaction(() => {
        db.exec(migration.sql);
        for (const table of tablesToCheck(db, migration.sql))
          if (db.pragma(`foreign_key_check("${table}")`).length > 0)
            throw new Error(`Migration ${migration.name} broke a foreign key in ${table}`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    });
    if (pending.length > 0) onStep?.(pending.length, pending.length);
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return Number(db.pragma('user_version', { simple: true }));
}

export type { Migration } from './migrations/migration';
