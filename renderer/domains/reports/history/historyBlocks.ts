// One child's placement history as printable blocks: who the child is (case code and initials),
// the sections printed, the placements, transfers, discharges and legal events, and the intake
// account and the family's safety details only when they were asked for. Long free text is
// carried on continuation rows rather than cut off.
import type { TFunction } from 'i18next';
import type { PlacementHistoryReport } from '../../../../shared/reports/contract';
import type { ReportBlock } from '../../../../shared/reports/layout';
import { LINE_WIDTH, REASON_WIDTH, wrapColumn } from '../../../../shared/reports/wrap';
import { formatCalendarDate, formatInstant } from '../../../../shared/format';
import type { Language } from '../../../../shared/languages';

const tr = (t: TFunction, key: string, options?: object) =>
  (t as (key: string, options?: object) => string)(key, options);


/**
 * Where the account is held and its reference first, with the note not to interview the child
 * again, then the free text when there is any (the account is a reference, not a second copy).
 */
function intakeLines(intake: NonNullable<PlacementHistoryReport['intake']>, t: TFunction) {
  const lines: string[][] = [[tr(t, 'children.intake.noInterview')]];
  if (intake.heldWhere)
    lines.push([
      tr(t, 'reports.history.intakeHeldWhere', {
        where: tr(t, `children.intake.heldWhere.${intake.heldWhere}`),
      }),
    ]);
  if (intake.reference)
    lines.push([tr(t, 'reports.history.intakeReference', { reference: intake.reference })]);
  if (intake.account !== '') lines.push([intake.account]);
  return lines;
}

export function historyBlocks(
  report: PlacementHistoryReport,
  t: TFunction,
  language: Language,
): ReportBlock[] {
  const k = (key: string, options?: object) => tr(t, `reports.history.${key}`, options);
  const date = (instant: string) => formatInstant(instant, report.timeZone, 'date', language);
  const column = (key: string, narrow = false) => ({ label: k(`columns.${key}`), narrow });
  const chosen = report.sections.map((s) => k(`sections.${s}`));
  const blocks: ReportBlock[] = [
    {
      kind: 'note',
      id: 'sections',
      text:
        chosen.length > 0
          ? k('sectionsChosen', { sections: chosen.join(', '), name: report.generatedBy })
          : k('sectionsStandard'),
    },
    {
      kind: 'table',
      id: 'child',
      caption: k('child'),
      identifiable: true,
      columns: [column('figure'), column('value')],
      rows: [
        [k('rows.caseCode'), report.child.caseCode],
        [k('rows.initials'), report.child.initials],
        [k('rows.status'), tr(t, `children.status.${report.child.status}`)],
        [k('rows.caseworker'), report.caseworker ?? k('noCaseworker')],
      ],
    },
    {
      kind: 'table',
      id: 'placements',
      caption: k('placements'),
      identifiable: true,
      columns: [
        column('shelter'),
        column('from', true),
        column('until', true),
        column('entry', true),
        column('reason'),
      ],
      rows: wrapColumn(
        report.placements.map((p) => [
          p.shelterName,
          date(p.startAt),
          p.endAt ? date(p.endAt) : k('stillThere'),
          k(`entry.${p.entry}`),
          p.reason,
        ]),
        4,
        REASON_WIDTH,
      ),
    },
    {
      kind: 'table',
      id: 'transfers',
      caption: k('transfers'),
      identifiable: true,
      columns: [column('date', true), column('fromShelter'), column('toShelter'), column('reason')],
      rows: wrapColumn(
        report.transfers.map((x) => [date(x.at), x.fromShelter, x.toShelter, x.reason]),
        3,
        REASON_WIDTH,
      ),
    },
    {
      kind: 'table',
      id: 'discharges',
      caption: k('discharges'),
      identifiable: true,
      columns: [column('date', true), column('shelter'), column('destination')],
      rows: report.discharges.map((d) => [
        date(d.at),
        d.shelterName,
        tr(t, `shelters.destinations.${d.destination}`),
      ]),
    },
    {
      kind: 'table',
      id: 'legal',
      caption: k('legal'),
      identifiable: true,
      columns: [column('date', true), column('kind'), column('court'), column('caseNumber')],
      rows: report.legalEvents.map((e) => [
        formatCalendarDate(e.date, 'date', language),
        tr(t, `children.legalKind.${e.kind}`),
        e.court,
        e.caseNumber,
      ]),
    },
  ];
  if (report.sections.includes('intake'))
    blocks.push({
      kind: 'table',
      id: 'intake',
      caption: report.intake
        ? k('intake', { date: date(report.intake.recordedAt) })
        : k('intakeNone'),
      identifiable: true,
      columns: [column('account')],
      rows: report.intake ? wrapColumn(intakeLines(report.intake, t), 0, LINE_WIDTH) : [],
    });
  if (report.familySafety)
    blocks.push({
      kind: 'table',
      id: 'familySafety',
      caption: k('familySafety'),
      identifiable: true,
      columns: [
        column('name'),
        column('relationship'),
        column('allegedOffender', true),
        column('noContactOrder', true),
      ],
      rows: report.familySafety.map((m) => [
        m.name,
        m.relationship,
        m.allegedOffender ? (m.allegedOffenderSince ? formatCalendarDate(m.allegedOffenderSince, 'date', language) : k('yes')) : k('no'),
        m.noContactOrder ? (m.noContactOrderDate ? formatCalendarDate(m.noContactOrderDate, 'date', language) : k('yes')) : k('no'),
      ]),
    });
  return blocks;
}
