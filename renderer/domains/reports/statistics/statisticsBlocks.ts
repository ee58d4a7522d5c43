// The anonymised statistics as printable blocks: one table of counts per breakdown. The counts
// come suppressed from the backend ("<5"); nothing here names a child.
import type { TFunction } from 'i18next';
import type { StatisticsCount, StatisticsReport } from '../../../../shared/reports/contract';
import type { ReportBlock } from '../../../../shared/reports/layout';

const tr = (t: TFunction, key: string, options?: object) =>
  (t as (key: string, options?: object) => string)(key, options);

export function statisticsBlocks(report: StatisticsReport, t: TFunction): ReportBlock[] {
  const k = (key: string, options?: object) => tr(t, `reports.statistics.${key}`, options);
  const table = (
    id: string,
    rows: StatisticsCount[],
    label: (key: string) => string,
  ): ReportBlock => ({
    kind: 'table',
    id,
    caption: k(`captions.${id}`),
    columns: [{ label: k(`columns.${id}`) }, { label: k('columns.count'), numeric: true }],
    rows: rows.map((r) => [label(r.key), String(r.count)]),
  });
  const month = (key: string) => {
    const [year, m] = key.split('-');
    return `${m}/${year}`;
  };
  return [
    { kind: 'note', id: 'suppression', text: k('suppression') },
    {
      kind: 'table',
      id: 'total',
      caption: k('captions.total'),
      columns: [{ label: k('columns.figure') }, { label: k('columns.count'), numeric: true }],
      rows: [[k('childrenInCare'), String(report.childrenInCare)]],
    },
    table('admissionsByMonth', report.admissionsByMonth, month),
    table('bySex', report.bySex, (key) => tr(t, `children.sex.${key}`)),
    table('byAgeBand', report.byAgeBand, (key) => k(`ageBands.${key}`)),
    table('byShelterType', report.byShelterType, (key) => tr(t, `shelters.types.${key}`)),
    table('dischargesByDestination', report.dischargesByDestination, (key) =>
      tr(t, `shelters.destinations.${key}`),
    ),
    table('byModality', report.byModality, (key) => tr(t, `therapy.plan.modality.${key}`)),
  ];
}
