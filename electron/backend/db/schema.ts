// What the database holds, declared by the domains that own it: each domain's `tables.ts` lists
// its tables (writable columns, sync policy, confidential columns) and adds their types to
// `Tables` below; its `migrations/` folder holds the SQL. The composition root
// (runtime/composition.ts) gathers every domain's part with `composeSchema` and hands the result
// to whatever opens a vault, so nothing here depends on which domains exist.
import type { Migration } from './migrations/migration';

/** Whether a table's changes travel to the organisation's other computers or stay on this one. */
export type TableSync = 'synced' | 'local';

export interface TableDeclaration {
  /** The columns callers may write; the metadata columns are filled by the data layer. */
  readonly columns: readonly string[];
  /** Required, so a table cannot exist without a decision about sync. */
  readonly sync: TableSync;
  /**
   * Columns whose content is confidential beyond the row's readers (a note's text, the kind of a
   * concern): the change log records that they changed, never their value, so it does not become
   * a second copy of what only clinicians may read.
   */
  readonly confidential?: readonly string[];
}

export type TableDeclarations = Readonly<Record<string, TableDeclaration>>;

/**
 * Every domain's table declarations, by domain: a domain's `tables.ts` adds one entry
 * (`declare module '…/db/schema' { interface Tables { <domain>: typeof <domain>Tables } }`), so
 * the data layer's insert and update know every table and its columns at compile time.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface Tables {}

type AllTables = { [D in keyof Tables]: Tables[D] }[keyof Tables];
/** The name of a table written through the data layer. */
export type TableName = { [D in keyof Tables]: keyof Tables[D] & string }[keyof Tables];
/** The declaration of table `T`, whichever domain declared it. */
export type TableOf<T extends TableName> = AllTables extends infer U
  ? U extends Record<T, infer D>
    ? D
    : never
  : never;
/** The writable columns of table `T`. */
export type Columns<T extends TableName> =
  TableOf<T> extends { columns: readonly (infer C extends string)[] } ? C : never;

/** One domain's (or the core's) part of the schema. */
export interface SchemaPart {
  readonly migrations?: readonly Migration[];
  readonly tables?: TableDeclarations;
}

/** The whole schema: every migration in order, and every table written through the data layer. */
export interface Schema {
  readonly migrations: readonly Migration[];
  /** The last migration's version: what PRAGMA user_version holds once every one has run. */
  readonly version: number;
  readonly tables: { readonly [T in TableName]: TableDeclaration };
}

/**
 * Puts the parts together: migrations sorted by version, which must run 1, 2, 3 … with no gap and
 * no number used twice (a version is what a vault records, so the order is global and explicit);
 * a table declared twice is refused.
 */
export function composeSchema(parts: readonly SchemaPart[]): Schema {
  const migrations = parts
    .flatMap((part) => part.migrations ?? [])
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration ${migration.name} has version ${migration.version}, expected ${index + 1}: versions run 1, 2, 3 … once each`,
      );
    }
  });
  const tables: Record<string, TableDeclaration> = {};
  for (const part of parts) {
    for (const [name, table] of Object.entries(part.tables ?? {})) {
      if (name in tables) throw new Error(`Table ${name} is declared twice`);
      tables[name] = table;
    }
  }
  return {
    migrations,
    version: migrations.at(-1)?.version ?? 0,
    tables: tables as Schema['tables'],
  };
}

/** The tables whose changes travel to the other computers. */
export function syncedTables(tables: Schema['tables']): TableName[] {
  return (Object.keys(tables) as TableName[]).filter((table) => tables[table].sync === 'synced');
}
