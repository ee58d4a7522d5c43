// Legal detail per accused: the criminal case against each person accused of abusing the child
// (a family member flagged as alleged offender, or someone outside the family), where it stands,
// the child-witness support, and the legal events (hearings, testimony) that belong to it.
import type { AccusedCase } from '../../../../shared/casework/contract';
import type { AccusedStage } from '../../../../shared/casework/vocabulary';
import { clockFor, type CaseActor, type CaseVault } from '../../records/actor';
import { saveChildRecord } from '../../records/child-records';
import { memberOfChild } from '../children';

interface AccusedRow {
  id: string;
  child_id: string;
  family_member_id: string | null;
  name: string | null;
  member_name: string | null;
  prosecutor: string | null;
  case_number: string | null;
  stage: AccusedStage;
  live_link_testimony: number;
  support_person: string | null;
  notes: string | null;
}

interface LinkedEvent {
  accused_case_id: string;
  legal_event_id: string;
  kind: string;
  date: string;
  time: string | null;
}

/** Hearings and testimony are the dates a child witness must be ready for. */
const HEARING_KINDS = new Set(['hearing', 'testimony']);

const SELECT_ACCUSED = `
  SELECT a.*, m.name AS member_name FROM accused_cases a
  LEFT JOIN family_members m ON m.id = a.family_member_id`;

function toAccused(row: AccusedRow, events: LinkedEvent[], today: string): AccusedCase {
  const own = events.filter((e) => e.accused_case_id === row.id);
  const next = own.find((e) => HEARING_KINDS.has(e.kind) && e.date >= today);
  return {
    id: row.id,
    childId: row.child_id,
    familyMemberId: row.family_member_id,
    name: row.member_name ?? row.name ?? '',
    prosecutor: row.prosecutor,
    caseNumber: row.case_number,
    stage: row.stage,
    liveLinkTestimony: row.live_link_testimony === 1,
    supportPerson: row.support_person,
    notes: row.notes,
    legalEventIds: own.map((e) => e.legal_event_id),
    nextHearing: next ? { date: next.date, time: next.time } : null,
  };
}

/** The legal events linked to the child's accused, soonest first. */
function linkedEvents(vault: CaseVault, childId: string): LinkedEvent[] {
  return vault.db
    .prepare(
      `SELECT l.accused_case_id, e.id AS legal_event_id, e.kind, e.date, e.time
       FROM accused_case_events l
       JOIN legal_events e ON e.id = l.legal_event_id AND e.deleted_at IS NULL
       WHERE e.child_id = ? AND l.deleted_at IS NULL
       ORDER BY e.date, e.time`,
    )
    .all([childId]) as unknown as LinkedEvent[];
}

/** The child's accused, in the order entered (the case file is the case team's alone). */
export function accusedCasesOf(vault: CaseVault, actor: CaseActor, childId: string): AccusedCase[] {
  const rows = vault.db
    .prepare(`${SELECT_ACCUSED} WHERE a.child_id = ? AND a.deleted_at IS NULL ORDER BY a.id`)
    .all([childId]) as unknown as AccusedRow[];
  if (rows.length === 0) return [];
  const events = linkedEvents(vault, childId);
  const today = clockFor(vault, actor).today;
  return rows.map((row) => toAccused(row, events, today));
}

export interface AccusedInput {
  id?: string | undefined;
  childId: string;
  familyMemberId?: string | undefined;
  name?: string | undefined;
  prosecutor?: string | undefined;
  caseNumber?: string | undefined;
  stage: AccusedStage;
  liveLinkTestimony: boolean;
  supportPerson?: string | undefined;
  legalEventIds: string[];
  notes?: string | undefined;
}

/** The member must be of the child's household and flagged as an alleged offender. */
function isFlaggedMember(vault: CaseVault, childId: string, memberId: string): boolean {
  return (
    vault.db
      .prepare(
        `SELECT 1 FROM family_members f WHERE f.id = $member AND f.deleted_at IS NULL
         AND f.alleged_offender = 1 AND ${memberOfChild('f', '$child')}`,
      )
      .get({ member: memberId, child: childId }) !== undefined
  );
}

function eventsOfChild(vault: CaseVault, childId: string, ids: readonly string[]): boolean {
  if (ids.length === 0) return true;
  const found = vault.db
    .prepare(
      `SELECT COUNT(*) FROM legal_events WHERE child_id = ? AND deleted_at IS NULL
       AND id IN (SELECT value FROM json_each(?))`,
      { pluck: true },
    )
    .get([childId, JSON.stringify([...new Set(ids)])]) as number;
  return found === new Set(ids).size;
}

/**
 * Saves the case and makes its linked events exactly those given: an event linked to another
 * accused moves here (a hearing belongs to one case).
 */
export function saveAccused(vault: CaseVault, actor: CaseActor, input: AccusedInput): AccusedCase {
  const { id } = saveChildRecord<'accused_cases', AccusedRow>(
    vault,
    actor,
    'accused_cases',
    input,
    {
      check: (errors) => {
        if (input.familyMemberId && !isFlaggedMember(vault, input.childId, input.familyMemberId))
          errors.add('familyMemberId', 'invalid');
        if (!eventsOfChild(vault, input.childId, input.legalEventIds))
          errors.add('legalEventIds', 'invalid');
      },
      values: {
        child_id: input.childId,
        family_member_id: input.familyMemberId ?? null,
        // A linked member is named by the family record, so a corrected name shows everywhere.
        name: input.familyMemberId ? null : input.name || null,
        prosecutor: input.prosecutor || null,
        case_number: input.caseNumber || null,
        stage: input.stage,
        live_link_testimony: input.liveLinkTestimony ? 1 : 0,
        support_person: input.supportPerson || null,
        notes: input.notes || null,
      },
    },
  );
  linkEvents(vault, id, input.legalEventIds);
  const saved = accusedCasesOf(vault, actor, input.childId).find((a) => a.id === id);
  if (!saved) throw new Error('saved accused case not readable');
  return saved;
}

function linkEvents(vault: CaseVault, accusedId: string, eventIds: readonly string[]): void {
  const wanted = new Set(eventIds);
  const links = vault.db
    .prepare(
      `SELECT id, accused_case_id, legal_event_id FROM accused_case_events
       WHERE deleted_at IS NULL AND (accused_case_id = ?
         OR legal_event_id IN (SELECT value FROM json_each(?)))`,
    )
    .all([accusedId, JSON.stringify([...wanted])]) as {
    id: string;
    accused_case_id: string;
    legal_event_id: string;
  }[];
  const kept = new Set<string>();
  for (const link of links) {
    const stays = link.accused_case_id === accusedId && wanted.has(link.legal_event_id);
    if (stays) kept.add(link.legal_event_id);
    else vault.data.softDelete('accused_case_events', link.id);
  }
  for (const eventId of wanted)
    if (!kept.has(eventId))
      vault.data.insert('accused_case_events', {
        accused_case_id: accusedId,
        legal_event_id: eventId,
      });
}
