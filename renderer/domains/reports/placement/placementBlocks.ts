// The shelter placement report as printable blocks: the summary tables, the occupancy chart and
// its figures, and the children in care (identifiable: left out of a plain CSV).
import type { TFunction } from 'i18next';
import type { PlacementReport, StayExit } from '../../../../shared/reports/contract';
import type { ReportBlock, TableColumn } from '../../../../shared/reports/layout';
import { DISCHARGE_DESTINATIONS } from '../../../../shared/shelters/vocabulary';
import { formatCalendarDate, formatInstant } from '../../../../shared/format';
import type { Language } from '../../../../shared/languages';

const tr = (t: TFunction, key: string, options?: object) =>
  (t as (key: string, options?: object) => string)(key, options);

export function placementBlocks(
  report: PlacementReport,
  t: TFunction,
  language: Language,
): ReportBlock[] {
  const k = (key: string, options?: object) => tr(t, `reports.placement.${key}`, options);
  const figure = [{ label: k('figure') }, { label: k('value'), numeric: true }];
  const none = k('noFigure');
  const num = (n: number | null) => (n === null ? none : String(n));
  const exitText = (exit: StayExit | null, endAt: string | null) =>
    exit === 'transfer'
      ? k('exit.transfer')
      : exit
        ? tr(t, `shelters.destinations.${exit}`)
        : endAt === null
          ? k('stillInCare')
          : '';
  const date = (instant: string) => formatInstant(instant, report.timeZone, 'date', language);
  const { occupancy, movements, lengthOfStay, bedUtilisation } = report;
  /** One shelter's report names it in its heading; its list needs no shelter column. */
  const manyShelters = report.shelters.length > 1;
  const counts = occupancy.series.map((p) => p.count);
  /** The columns naming the child, before the shelter's. */
  const childColumns: TableColumn[] = [
    { label: k('columns.caseCode'), fixed: 'caseCode' },
    { label: k('columns.initials'), narrow: true, fixed: 'short' },
    ...(report.namesIncluded ? [{ label: k('columns.name') }] : []),
  ];
  const blocks: ReportBlock[] = [];
  if (report.namesIncluded)
    blocks.push({
      kind: 'note',
      id: 'names',
      text: tr(t, 'reports.print.namesIncluded', { name: report.generatedBy }),
    });
  blocks.push(
    {
      kind: 'table',
      id: 'occupancy',
      caption: k('occupancy'),
      columns: figure,
      rows: [
        [k('rows.today'), String(occupancy.today)],
        [k('rows.average'), String(occupancy.average)],
      ],
    },
    {
      kind: 'chart',
      id: 'occupancyChart',
      caption: k('occupancyChart'),
      summary: k('occupancyChartSummary', {
        from: formatCalendarDate(report.from, 'date', language),
        to: formatCalendarDate(report.to, 'date', language),
        min: Math.min(...counts, 0),
        max: Math.max(...counts, 0),
      }),
      points: occupancy.series.map((p) => ({ label: p.date, value: p.count })),
    },
    {
      kind: 'table',
      id: 'movements',
      caption: k('movements'),
      columns: figure,
      rows: (['admissions', 'transfersIn', 'transfersOut', 'discharges'] as const).map((key) => [
        k(`rows.${key}`),
        String(movements[key]),
      ]),
    },
    {
      kind: 'table',
      id: 'destinations',
      caption: k('destinations'),
      columns: figure,
      rows: DISCHARGE_DESTINATIONS.map((d) => [
        tr(t, `shelters.destinations.${d}`),
        String(movements.byDestination[d]),
      ]),
    },
    {
      kind: 'table',
      id: 'lengthOfStay',
      caption: k('lengthOfStay'),
      columns: figure,
      rows: [
        [k('rows.stays'), String(lengthOfStay.stays)],
        [k('rows.median'), num(lengthOfStay.medianDays)],
        [
          k('rows.range'),
          lengthOfStay.minDays === null
            ? none
            : k('range', { min: lengthOfStay.minDays, max: lengthOfStay.maxDays }),
        ],
      ],
    },
    {
      kind: 'table',
      id: 'utilisation',
      caption: k('utilisation'),
      columns: figure,
      rows: [
        [k('rows.bedDays'), String(bedUtilisation.bedDays)],
        [k('rows.occupiedDays'), String(bedUtilisation.occupiedDays)],
        [
          k('rows.percent'),
          bedUtilisation.percent === null ? none : k('percent', { value: bedUtilisation.percent }),
        ],
      ],
    },
    {
      kind: 'table',
      id: 'shelters',
      caption: k('shelters'),
      columns: [
        { label: k('columns.shelter') },
        { label: k('columns.type') },
        { label: k('columns.beds'), numeric: true },
      ],
      rows: report.shelters.map((s) => [
        s.name,
        tr(t, `shelters.types.${s.type}`),
        String(s.beds),
      ]),
    },
    {
      kind: 'table',
      id: 'children',
      caption: k('children'),
      identifiable: true,
      // Printed shelter by shelter, so a long shelter name is a caption, not a cut cell per row.
      ...(manyShelters
        ? {
            groupBy: {
              column: childColumns.length,
              caption: (shelter: string) => k('childrenIn', { shelter }),
            },
          }
        : {}),
      columns: [
        ...childColumns,
        ...(manyShelters ? [{ label: k('columns.shelter') }] : []),
        { label: k('columns.from'), narrow: true, fixed: 'short' },
        { label: k('columns.to'), narrow: true, fixed: 'short' },
        { label: k('columns.days'), numeric: true, narrow: true },
        { label: k('columns.exit'), fixed: 'words' },
      ],
      rows: report.children.map((c) => [
        c.caseCode,
        c.initials,
        ...(report.namesIncluded ? [c.name ?? k('notInScope')] : []),
        ...(manyShelters ? [c.shelterName] : []),
        date(c.startAt),
        c.endAt ? date(c.endAt) : '',
        String(c.daysInPeriod),
        exitText(c.exit, c.endAt),
      ]),
    },
    {
      kind: 'table',
      id: 'daily',
      caption: k('occupancyChart'),
      columns: [
        { label: k('columns.date'), fixed: 'short' },
        { label: k('columns.count'), numeric: true },
      ],
      rows: occupancy.series.map((p) => [formatCalendarDate(p.date, 'date', language), String(p.count)]),
    },
  );
  return blocks;
}
