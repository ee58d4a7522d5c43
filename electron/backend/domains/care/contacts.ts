// The contacts log: visits, calls and online contacts, supervised or not; an online contact names
// the device and whether the child's online-safety plan was followed (these children were abused
// online: devices, accounts and contact from unknown adults matter).
import type { ContactEntry } from '../../../../shared/care/contract';
import { isOnlineContact, type ContactKind } from '../../../../shared/care/vocabulary';
import { clockFor, type CaseActor, type CaseVault } from '../../records/actor';
import { saveChildRecord } from '../../records/child-records';

interface ContactRow {
  id: string;
  child_id: string;
  kind: ContactKind;
  occurred_on: string;
  with_whom: string;
  supervised: number;
  supervised_by: string | null;
  device: string | null;
  safety_plan_followed: number | null;
  concerns: string | null;
}

function toContact(row: ContactRow): ContactEntry {
  return {
    id: row.id,
    childId: row.child_id,
    kind: row.kind,
    occurredOn: row.occurred_on,
    withWhom: row.with_whom,
    supervised: row.supervised === 1,
    supervisedBy: row.supervised_by,
    device: row.device,
    safetyPlanFollowed: row.safety_plan_followed === null ? null : row.safety_plan_followed === 1,
    concerns: row.concerns,
  };
}

/** A child's contacts, newest first (one seek on contact_log(child_id, occurred_on)). */
export function contactsOf(vault: CaseVault, childId: string): ContactEntry[] {
  return (
    vault.db
      .prepare(
        `SELECT * FROM contact_log WHERE child_id = ? AND deleted_at IS NULL
         ORDER BY occurred_on DESC, id DESC`,
      )
      .all([childId]) as unknown as ContactRow[]
  ).map(toContact);
}

export interface ContactInput {
  id?: string | undefined;
  childId: string;
  kind: ContactKind;
  occurredOn: string;
  withWhom: string;
  supervised: boolean;
  supervisedBy?: string | undefined;
  device?: string | undefined;
  safetyPlanFollowed?: boolean | undefined;
  concerns?: string | undefined;
}

export function saveContact(vault: CaseVault, actor: CaseActor, input: ContactInput): ContactEntry {
  const online = isOnlineContact(input.kind);
  return toContact(
    saveChildRecord<'contact_log', ContactRow>(vault, actor, 'contact_log', input, {
      check: (errors) =>
        errors.notFutureDate('occurredOn', input.occurredOn, clockFor(vault, actor)),
      values: {
        child_id: input.childId,
        kind: input.kind,
        occurred_on: input.occurredOn,
        with_whom: input.withWhom,
        supervised: input.supervised ? 1 : 0,
        supervised_by: input.supervised ? (input.supervisedBy ?? null) : null,
        // A visit or a call on the shelter's phone has no device or online plan to record.
        device: online ? (input.device ?? null) : null,
        safety_plan_followed: online ? (input.safetyPlanFollowed ? 1 : 0) : null,
        concerns: input.concerns || null,
      },
    }),
  );
}
