// The access-request export: every record the vault holds about one child, read from the
// composed schema rather than a list kept by hand, so a table a domain adds later (with a
// `child_id`) is in the export from its first day. The child's own row, her household's family
// members (shared with siblings, so found as every reader of a family finds them), then each
// table naming her, soft-deleted rows included (they are still held). Confidential columns
// (clinical text, break-glass reasons) are left out and named, since a coordinator may not read
// them; user ids are given as the person's name.
import type { AccessRequestReport } from '../../../../shared/reports/access-request';
import type { Schema, TableName } from '../../db/schema';
import { clockFor, type CaseActor, type CaseVault } from '../../records/actor';
import { requireVisibleChild } from '../../records/scope';
import { memberOfChild } from '../children';
import { mayReadHealth } from '../casework';
import { zonedFormat } from '../../../../shared/time';

type Row = Record<string, unknown>;

/** The columns printed for a table: when the record was made, then what a caller may write. */
function printedColumns(schema: Schema, table: TableName) {
  const declaration = schema.tables[table];
  const confidential = new Set(declaration.confidential ?? []);
  return {
    columns: ['created_at', ...declaration.columns.filter((c) => !confidential.has(c))],
    withheld: [...confidential].map((c) => `${table}.${c}`),
  };
}

export function accessRequestReport(
  vault: CaseVault,
  schema: Schema,
  actor: CaseActor,
  childId: string,
  generatedBy: string,
): AccessRequestReport {
  const child = requireVisibleChild(vault, actor, childId);
  const clock = clockFor(vault, actor);
  const names = new Map(
    (vault.db.prepare('SELECT id, display_name FROM users').all([]) as Row[]).map((u) => [
      String(u.id),
      String(u.display_name),
    ]),
  );
  const text = (value: unknown): string =>
    value === null || value === undefined ? '' : (names.get(String(value)) ?? String(value));
  const withheld: string[] = [];
  const records: AccessRequestReport['records'] = [];
  const add = (table: TableName, where: string, params: Record<string, string>) => {
    const printed = printedColumns(schema, table);
    const rows = vault.db
      .prepare(
        `SELECT ${printed.columns.map((c) => `t."${c}"`).join(', ')} FROM "${table}" t
         WHERE ${where} ORDER BY t.created_at, t.id`,
      )
      .all(params) as Row[];
    if (rows.length === 0) return;
    withheld.push(...printed.withheld);
    records.push({
      table,
      rows: rows.map((row) =>
        printed.columns
          .filter((c) => c !== 'child_id')
          .map((c) => ({ field: c, value: text(row[c]) })),
      ),
    });
  };

  add('children', 't.id = $child', { child: child.id });
  add('family_members', memberOfChild('t', '$child'), { child: child.id });
  for (const table of Object.keys(schema.tables).sort() as TableName[]) {
    if (table === 'family_members' || table === 'children') continue;
    // Health only for a reader the administrator allows: otherwise named as withheld.
    if (table === 'health_records' && !mayReadHealth(vault, actor, child)) {
      withheld.push(table);
      continue;
    }
    if (schema.tables[table].columns.includes('child_id'))
      add(table, 't.child_id = $child', { child: child.id });
  }
  return {
    kind: 'accessRequest',
    from: zonedFormat(child.created_at, clock.timeZone, 'yyyy-MM-dd'),
    to: clock.today,
    generatedAt: clock.nowIso,
    generatedBy,
    timeZone: clock.timeZone,
    child: { id: child.id, caseCode: child.case_code, initials: child.alias },
    records,
    withheld,
  };
}
