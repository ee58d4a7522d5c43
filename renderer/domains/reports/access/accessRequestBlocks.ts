// An access-request export as printable blocks: what it is and what it leaves out, a count of
// each kind of record, then every record of each kind as field and value, long values carried on
// continuation rows. Table and field names are the vault's own (underscores read as spaces), so a
// kind of record added by any domain prints without a word added here.
import type { TFunction } from 'i18next';
import type { AccessRequestReport } from '../../../../shared/reports/access-request';
import type { ReportBlock } from '../../../../shared/reports/layout';
import { LINE_WIDTH, wrapColumn } from '../../../../shared/reports/wrap';

const tr = (t: TFunction, key: string, options?: object) =>
  (t as (key: string, options?: object) => string)(key, options);

/** A vault name (`intake_accounts`) as words (`intake accounts`). */
const words = (name: string) => name.replace(/_/g, ' ');

/** The value column's width: the line less the field column. */
const VALUE_WIDTH = LINE_WIDTH - 30;

export function accessRequestBlocks(report: AccessRequestReport, t: TFunction): ReportBlock[] {
  const k = (key: string, options?: object) => tr(t, `accessRequest.${key}`, options);
  const blocks: ReportBlock[] = [
    { kind: 'note', id: 'about', text: k('about') },
    {
      kind: 'table',
      id: 'summary',
      caption: k('summary'),
      identifiable: true,
      columns: [
        { label: k('columns.kind'), narrow: false },
        { label: k('columns.count'), narrow: true },
      ],
      rows: report.records.map((r) => [words(r.table), String(r.rows.length)]),
    },
  ];
  for (const records of report.records)
    blocks.push({
      kind: 'table',
      id: `records-${records.table}`,
      caption: k('records', { kind: words(records.table), count: records.rows.length }),
      identifiable: true,
      columns: [
        { label: k('columns.field'), narrow: false },
        { label: k('columns.value'), narrow: false },
      ],
      rows: records.rows.flatMap((row, index) => [
        [k('record', { number: index + 1 }), ''],
        ...wrapColumn(
          row.map((f) => [words(f.field), f.value]),
          1,
          VALUE_WIDTH,
        ),
      ]),
    });
  blocks.push({
    kind: 'table',
    id: 'withheld',
    caption: k('withheld'),
    identifiable: true,
    columns: [{ label: k('columns.field'), narrow: false }],
    rows: report.withheld.map((w) => [words(w)]),
  });
  return blocks;
}
