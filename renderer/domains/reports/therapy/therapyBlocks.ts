// The therapy report as printable blocks: a summary first (attendance by shelter, therapist and
// modality); when the report is detailed, the weekly schedule (the days it covers named above
// it; one table per therapist or per shelter, a row per session), attendance by child and
// where each plan in force stands. Tables that list case codes are identifiable (left out of a
// plain CSV).
import type { TFunction } from 'i18next';
import type { AttendanceFigures, TherapyReport } from '../../../../shared/reports/contract';
import type { ReportBlock, TableColumn } from '../../../../shared/reports/layout';
import { REASON_WIDTH, wrapColumn } from '../../../../shared/reports/wrap';
import { formatCalendarDate, formatInstant } from '../../../../shared/format';
import type { Language } from '../../../../shared/languages';
import { zonedFormat } from '../../../../shared/time';

/** How the weekly schedule is grouped: a table per therapist, or per shelter. */
export const SCHEDULE_GROUPINGS = ['therapist', 'shelter'] as const;
export type ScheduleGrouping = (typeof SCHEDULE_GROUPINGS)[number];

const tr = (t: TFunction, key: string, options?: object) =>
  (t as (key: string, options?: object) => string)(key, options);

export function therapyBlocks(
  report: TherapyReport,
  t: TFunction,
  grouping: ScheduleGrouping,
  language: Language,
): ReportBlock[] {
  const k = (key: string, options?: object) => tr(t, `reports.therapy.${key}`, options);
  const column = (key: string, extra: Omit<TableColumn, 'label'> = {}) => ({
    label: k(`columns.${key}`),
    ...extra,
  });
  const local = (instant: string, pattern: string) => zonedFormat(instant, report.timeZone, pattern);
  const modality = (key: string) =>
    key === 'noPlan' ? k('noPlan') : tr(t, `therapy.plan.modality.${key}`);
  const none = k('noFigure');

  const groups = new Map<string, TherapyReport['sessions']>();
  for (const session of report.sessions) {
    const key =
      grouping === 'therapist' ? session.therapistName : (session.shelterName ?? k('noShelter'));
    groups.set(key, [...(groups.get(key) ?? []), session]);
  }
  const other = grouping === 'therapist' ? 'shelter' : 'therapist';
  const schedule: ReportBlock[] = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, sessions], index) => ({
      kind: 'table',
      id: `schedule${index}`,
      caption: k('scheduleOf', { name }),
      identifiable: true,
      columns: [
        column('day', { narrow: true }),
        column('time'),
        column(other),
        column('kind', { narrow: true }),
        column('status', { narrow: true }),
        column('children'),
      ],
      rows: wrapColumn(
        sessions.map((s) => [
          k('day', {
            weekday: k(`weekdays.${local(s.startAt, 'i')}`),
            date: local(s.startAt, 'MM/dd'),
          }),
          `${formatInstant(s.startAt, report.timeZone, 'time', language)}–${formatInstant(s.endAt, report.timeZone, 'time', language)}`,
          grouping === 'therapist' ? (s.shelterName ?? k('noShelter')) : s.therapistName,
          tr(t, `therapy.schedule.kind.${s.kind}`),
          tr(t, `therapy.schedule.status.${s.status}`),
          s.children.join(', '),
        ]),
        5,
        REASON_WIDTH,
      ),
    }));

  const figures = (a: AttendanceFigures) => [
    String(a.due),
    String(a.attended),
    String(a.noShow),
    String(a.cancelled),
    String(a.notRecorded),
    a.percent === null ? none : k('percent', { value: a.percent }),
  ];
  const figureColumns = ['due', 'attended', 'noShow', 'cancelled', 'notRecorded', 'rate'].map(
    (key) => column(key, { numeric: true, narrow: true }),
  );
  const { byShelter, byChild, byTherapist, byModality } = report.attendance;
  const detail: ReportBlock[] = [
    {
      kind: 'note',
      id: 'scheduleDays',
      text: k('scheduleDays', {
        from: formatCalendarDate(report.scheduleDays.from, 'date', language),
        to: formatCalendarDate(report.scheduleDays.to, 'date', language),
      }),
    },
    ...(schedule.length > 0
      ? schedule
      : [
          {
            kind: 'table',
            id: 'schedule',
            caption: k('schedule'),
            columns: [column('day')],
            rows: [],
          } satisfies ReportBlock,
        ]),
    {
      kind: 'table',
      id: 'attendanceByChild',
      caption: k('attendanceByChild'),
      identifiable: true,
      columns: [column('caseCode', { fixed: 'caseCode' }), column('initials', { narrow: true, fixed: 'short' }), ...figureColumns],
      rows: byChild.map((a) => [a.caseCode, a.initials, ...figures(a)]),
    },
    {
      kind: 'table',
      id: 'plans',
      caption: k('plans'),
      identifiable: true,
      columns: [
        column('caseCode', { fixed: 'caseCode' }),
        column('initials', { narrow: true, fixed: 'short' }),
        column('therapist'),
        column('modality'),
        column('planStatus', { narrow: true }),
        column('session', { narrow: true }),
        column('phase'),
      ],
      rows: report.plans.map((p) => [
        p.caseCode,
        p.initials,
        p.therapistName,
        modality(p.modality),
        tr(t, `therapy.plan.status.${p.status}`),
        k('sessionOf', { session: p.session, planned: p.planned }),
        p.phase === null
          ? none
          : k('phase', { number: p.phaseNumber, phase: tr(t, `therapy.plan.phase.${p.phase}`) }),
      ]),
    },
  ];

  return [
    { kind: 'note', id: 'noNotes', text: k('noNotes') },
    {
      kind: 'table',
      id: 'attendanceByShelter',
      caption: k('attendanceByShelter'),
      columns: [
        column('shelter'),
        column('sessions', { numeric: true, narrow: true }),
        ...figureColumns,
      ],
      rows: byShelter.map((a) => [
        a.shelterName ?? k('noShelter'),
        String(a.sessions),
        ...figures(a),
      ]),
    },
    {
      kind: 'table',
      id: 'attendanceByTherapist',
      caption: k('attendanceByTherapist'),
      columns: [column('therapist'), ...figureColumns],
      rows: byTherapist.map((a) => [a.therapistName, ...figures(a)]),
    },
    {
      kind: 'table',
      id: 'attendanceByModality',
      caption: k('attendanceByModality'),
      columns: [column('modality'), ...figureColumns],
      rows: byModality.map((a) => [modality(a.modality), ...figures(a)]),
    },
    ...(report.detailed
      ? detail
      : [{ kind: 'note', id: 'summaryOnly', text: k('summaryOnly') } satisfies ReportBlock]),
  ];
}
