// The reintegration and monitoring report as printable blocks: visits done against scheduled,
// then the lists (assessments due or overdue, approvals waiting, children in aftercare, overdue
// visits). Lists of children are identifiable: left out of a plain CSV.
import type { TFunction } from 'i18next';
import type { ReintegrationReport } from '../../../../shared/reports/contract';
import type { ReportBlock, TableColumn } from '../../../../shared/reports/layout';
import { formatCalendarDate, formatInstant } from '../../../../shared/format';
import type { Language } from '../../../../shared/languages';

const tr = (t: TFunction, key: string, options?: object) =>
  (t as (key: string, options?: object) => string)(key, options);

export function reintegrationBlocks(
  report: ReintegrationReport,
  t: TFunction,
  language: Language,
): ReportBlock[] {
  const k = (key: string, options?: object) => tr(t, `reports.reintegration.${key}`, options);
  const column = (key: string, extra: Omit<TableColumn, 'label'> = {}) => ({
    label: k(`columns.${key}`),
    ...extra,
  });
  const child = [
    column('caseCode', { fixed: 'caseCode' }),
    column('initials', { narrow: true, fixed: 'short' }),
  ];
  const overdue = (days: number) =>
    days > 0 ? k('overdueBy', { count: days }) : days === 0 ? k('dueToday') : k('dueIn', { count: -days });
  const { visits } = report;
  return [
    { kind: 'note', id: 'asOf', text: k('asOf', { date: formatCalendarDate(report.asOf, 'date', language) }) },
    {
      kind: 'table',
      id: 'visits',
      caption: k('visits'),
      columns: [column('figure'), column('value', { numeric: true })],
      rows: [
        [k('rows.scheduled'), String(visits.scheduled)],
        [k('rows.done'), String(visits.done)],
        [
          k('rows.percent'),
          visits.percent === null ? k('noFigure') : k('percent', { value: visits.percent }),
        ],
        [k('rows.overdue'), String(report.overdueVisits.length)],
        [k('rows.inAftercare'), String(report.inAftercare.length)],
        [k('rows.assessmentsDue'), String(report.assessmentsDue.length)],
        [k('rows.approvalsPending'), String(report.approvalsPending.length)],
      ],
    },
    {
      kind: 'table',
      id: 'assessmentsDue',
      caption: k('assessmentsDue'),
      identifiable: true,
      columns: [
        ...child,
        column('administration', { numeric: true, narrow: true }),
        column('dueOn', { narrow: true, fixed: 'short' }),
        column('state'),
      ],
      rows: report.assessmentsDue.map((a) => [
        a.caseCode,
        a.initials,
        String(a.administration + 1),
        formatCalendarDate(a.dueOn, 'date', language),
        overdue(a.daysOverdue),
      ]),
    },
    {
      kind: 'table',
      id: 'approvalsPending',
      caption: k('approvalsPending'),
      identifiable: true,
      columns: [...child, column('waiting'), column('since', { narrow: true, fixed: 'short' })],
      rows: report.approvalsPending.map((a) => [
        a.caseCode,
        a.initials,
        k(`pending.${a.kind}`),
        formatInstant(a.since, report.timeZone, 'date', language),
      ]),
    },
    {
      kind: 'table',
      id: 'inAftercare',
      caption: k('inAftercare'),
      identifiable: true,
      columns: [
        ...child,
        column('firstDue', { narrow: true, fixed: 'short' }),
        column('lastDue', { narrow: true, fixed: 'short' }),
        column('scheduled', { numeric: true, narrow: true }),
        column('done', { numeric: true, narrow: true }),
      ],
      rows: report.inAftercare.map((c) => [
        c.caseCode,
        c.initials,
        formatCalendarDate(c.firstDueOn, 'date', language),
        formatCalendarDate(c.lastDueOn, 'date', language),
        String(c.scheduled),
        String(c.done),
      ]),
    },
    {
      kind: 'table',
      id: 'overdueVisits',
      caption: k('overdueVisits'),
      identifiable: true,
      columns: [...child, column('dueOn', { narrow: true, fixed: 'short' }), column('state')],
      rows: report.overdueVisits.map((v) => [
        v.caseCode,
        v.initials,
        formatCalendarDate(v.dueOn, 'date', language),
        overdue(v.daysOverdue),
      ]),
    },
  ];
}
