// One child's placement history over a period: each placement and how it began, the transfers
// between shelters with their reasons, the discharges, the legal events and the current
// caseworker. The intake account and the family's safety details are added only when asked for
// and only for a role allowed to open them; clinical notes are never read here.
import type {
  HistoryEntry,
  PlacementHistoryReport,
} from '../../../../shared/reports/contract';
import {
  mayIncludeHistorySection,
  type HistorySection,
} from '../../../../shared/reports/vocabulary';
import type { IntakeHeldWhere, LegalEventKind } from '../../../../shared/children/vocabulary';
import type { DischargeDestination } from '../../../../shared/shelters/vocabulary';
import { AppError } from '../../../../shared/errors';
import { clockFor, type CaseActor, type CaseVault } from '../../records/actor';
import { requireVisibleChild } from '../../records/scope';
import { memberOfChild, relationshipFor } from '../children';
import { reportPeriod, type ReportPeriod } from './period';
import { opensIntakeDirectly } from '../children';

export interface PlacementHistoryInput {
  childId: string;
  from: string;
  to: string;
  sections: HistorySection[];
}

interface PlacementRow {
  shelter_id: string;
  shelter_name: string;
  start_at: string;
  end_at: string | null;
  reason: string;
  exit_destination: DischargeDestination | null;
}

const within = (instant: string, period: ReportPeriod) =>
  instant >= period.start && instant < period.end;

function placementRows(vault: CaseVault, childId: string): PlacementRow[] {
  return vault.db
    .prepare(
      `SELECT p.shelter_id, s.name AS shelter_name, p.start_at, p.end_at, p.reason, p.exit_destination
       FROM placements p JOIN shelters s ON s.id = p.shelter_id
       WHERE p.child_id = ? AND p.deleted_at IS NULL AND (p.end_at IS NULL OR p.end_at > p.start_at)
       ORDER BY p.start_at`,
    )
    .all([childId]) as unknown as PlacementRow[];
}

/** The child's placements, transfers and discharges within the period. */
function movements(rows: PlacementRow[], period: ReportPeriod) {
  const placements: PlacementHistoryReport['placements'] = [];
  const transfers: PlacementHistoryReport['transfers'] = [];
  const discharges: PlacementHistoryReport['discharges'] = [];
  rows.forEach((row, index) => {
    const before = rows[index - 1];
    const after = rows[index + 1];
    const follows = before !== undefined && before.end_at === row.start_at;
    const entry: HistoryEntry = !follows
      ? 'admission'
      : before.shelter_id === row.shelter_id
        ? 'bedMove'
        : 'transfer';
    if (row.start_at < period.end && (row.end_at === null || row.end_at > period.start))
      placements.push({
        shelterName: row.shelter_name,
        startAt: row.start_at,
        endAt: row.end_at,
        entry,
        reason: row.reason,
      });
    if (entry === 'transfer' && within(row.start_at, period))
      transfers.push({
        at: row.start_at,
        fromShelter: before!.shelter_name,
        toShelter: row.shelter_name,
        reason: row.reason,
      });
    const continues = after !== undefined && after.start_at === row.end_at;
    if (row.end_at !== null && !continues && within(row.end_at, period))
      discharges.push({
        at: row.end_at,
        shelterName: row.shelter_name,
        // An end set by a date correction carries no destination: it still ends the stay.
        destination: row.exit_destination ?? 'other',
      });
  });
  return { placements, transfers, discharges };
}

function legalEvents(vault: CaseVault, childId: string, period: ReportPeriod) {
  const rows = vault.db
    .prepare(
      `SELECT date, kind, court, case_number FROM legal_events
       WHERE child_id = ? AND deleted_at IS NULL AND date >= ? AND date <= ?
       ORDER BY date, time`,
    )
    .all([childId, period.from, period.to]) as {
    date: string;
    kind: LegalEventKind;
    court: string;
    case_number: string;
  }[];
  return rows.map((r) => ({ date: r.date, kind: r.kind, court: r.court, caseNumber: r.case_number }));
}

function intakeAccount(vault: CaseVault, childId: string): PlacementHistoryReport['intake'] {
  const row = vault.db
    .prepare(
      'SELECT account, recorded_at, held_where, reference FROM intake_accounts WHERE child_id = ?',
    )
    .get([childId]) as
    | {
        account: string;
        recorded_at: string;
        held_where: IntakeHeldWhere | null;
        reference: string | null;
      }
    | undefined;
  return row
    ? {
        account: row.account,
        recordedAt: row.recorded_at,
        heldWhere: row.held_where,
        reference: row.reference,
      }
    : null;
}

/** Family members flagged as alleged offenders or under a no-contact order. */
function familySafety(vault: CaseVault, childId: string) {
  const rows = vault.db
    .prepare(
      `SELECT f.name, coalesce(${relationshipFor('f', '$child')}, f.relationship) AS relationship,
              f.alleged_offender, f.alleged_offender_since, f.no_contact_order,
              f.no_contact_order_date
       FROM family_members f
       WHERE f.deleted_at IS NULL AND ${memberOfChild('f', '$child')}
         AND (f.alleged_offender = 1 OR f.no_contact_order = 1)
       ORDER BY f.name COLLATE NOCASE`,
    )
    .all({ child: childId }) as {
    name: string;
    relationship: string;
    alleged_offender: number;
    alleged_offender_since: string | null;
    no_contact_order: number;
    no_contact_order_date: string | null;
  }[];
  return rows.map((r) => ({
    name: r.name,
    relationship: r.relationship,
    allegedOffender: r.alleged_offender === 1,
    allegedOffenderSince: r.alleged_offender_since,
    noContactOrder: r.no_contact_order === 1,
    noContactOrderDate: r.no_contact_order_date,
  }));
}

export function placementHistoryReport(
  vault: CaseVault,
  actor: CaseActor,
  input: PlacementHistoryInput,
  generatedBy: string,
): PlacementHistoryReport {
  const sections = [...new Set(input.sections)];
  if (sections.some((s) => !mayIncludeHistorySection(actor.role, s)))
    throw new AppError('FORBIDDEN', 'forbidden');
  const child = requireVisibleChild(vault, actor, input.childId);
  // Printed, the account has no reason to give: only the child's own team may print it.
  if (sections.includes('intake') && !opensIntakeDirectly(vault, actor, child))
    throw new AppError('FORBIDDEN', 'intake.notOwnTeam');
  const clock = clockFor(vault, actor);
  const period = reportPeriod(input, clock);
  const caseworker = child.assigned_caseworker_id
    ? ((vault.db
        .prepare('SELECT display_name FROM users WHERE id = ?', { pluck: true })
        .get([child.assigned_caseworker_id]) as string | undefined) ?? null)
    : null;
  return {
    kind: 'placementHistory',
    from: period.from,
    to: period.to,
    generatedAt: clock.nowIso,
    generatedBy,
    timeZone: clock.timeZone,
    child: {
      id: child.id,
      caseCode: child.case_code,
      initials: child.alias,
      status: child.status,
    },
    caseworker,
    sections,
    ...movements(placementRows(vault, child.id), period),
    legalEvents: legalEvents(vault, child.id, period),
    intake: sections.includes('intake') ? intakeAccount(vault, child.id) : null,
    familySafety: sections.includes('familySafety') ? familySafety(vault, child.id) : null,
  };
}
