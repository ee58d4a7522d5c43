// The case file (everything on one screen but the child's names) and its timeline. The children
// domain assembles both; every domain in the composition root adds its own part (Domain.caseFile,
// Domain.timeline), this one included (childrenTimeline below).
import type { CaseFile } from '../../../../shared/children/contract';
import type { CaseFileSections, TimelineEntry, TimelineKind } from '../../../../shared/case-file';
import type { DomainHooks, TimelineSource } from '../../runtime/domain';
import { consentsOf } from './consents';
import { clockFor, startOfDay, type CaseActor, type CaseVault } from '../../records/actor';
import { goalsOf, tasksOf } from './plan';
import { familyOf } from './family';
import { intakeRecordedAt, intakeSummary } from './intake';
import { legalEventsOf } from './legal';
import { LIST_COLUMNS, toChildRecord, toListRow, type ListRow } from '../../records/rows';
import { childScope, requireVisibleChild } from '../../records/scope';

/** What the case file and the timeline gather from the domains (the composition root's hooks). */
export type CaseFileHooks = Pick<DomainHooks, 'caseFileSections' | 'timelineSources'>;

/** Loads a child's whole case file, without the names; callers audit it as a view. */
export function loadCaseFile(
  vault: CaseVault,
  actor: CaseActor,
  childId: string,
  hooks: CaseFileHooks,
): CaseFile {
  const row = requireVisibleChild(vault, actor, childId);
  const { today } = clockFor(vault, actor);
  const scope = childScope(vault, actor);
  // Siblings outside the actor's scope stay invisible, like every record outside it.
  const siblings = row.sibling_group_id
    ? (
        vault.db
          .prepare(
            `SELECT ${LIST_COLUMNS} FROM children c WHERE c.sibling_group_id = $group
             AND c.id <> $id AND c.deleted_at IS NULL AND ${scope.sql} ORDER BY c.case_code`,
          )
          .all({ group: row.sibling_group_id, id: row.id, ...scope.params }) as unknown as ListRow[]
      ).map((r) => toListRow(r, today))
    : [];
  const caseworkerName = row.assigned_caseworker_id
    ? ((vault.db
        .prepare('SELECT display_name FROM users WHERE id = ?', { pluck: true })
        .get([row.assigned_caseworker_id]) as string | undefined) ?? null)
    : null;
  // Each domain fills the fields it declared in CaseFileSections.
  const sections = Object.assign(
    {},
    ...hooks.caseFileSections.map((section) => section(vault, actor, row)),
  ) as CaseFileSections;
  return {
    child: toChildRecord(row, today),
    caseworkerName,
    ...sections,
    family: familyOf(vault, row.id, actor.role),
    consents: consentsOf(vault, row.id),
    siblings,
    goals: goalsOf(vault, row.id),
    tasks: tasksOf(vault, row.id),
    legalEvents: legalEventsOf(vault, row.id),
    intakeAccount: intakeSummary(vault, actor, row),
  };
}

/**
 * Every domain's entries on the child's timeline, newest first; entries at the same moment keep
 * the reverse of the order they were gathered in (the later domain's first).
 */
export function childTimeline(
  vault: CaseVault,
  actor: CaseActor,
  childId: string,
  hooks: CaseFileHooks,
): TimelineEntry[] {
  const row = requireVisibleChild(vault, actor, childId);
  const { timeZone } = clockFor(vault, actor);
  const entries = hooks.timelineSources.flatMap((source) => source(vault, actor, row));
  // Calendar dates sort at the start of their day in the vault's zone.
  const key = (at: string) => (at.length === 10 ? startOfDay(at, timeZone) : at);
  return entries
    .map((entry, i) => ({ entry, i, key: key(entry.at) }))
    .sort((a, b) => (a.key === b.key ? b.i - a.i : a.key < b.key ? 1 : -1))
    .map(({ entry }) => entry);
}

/** Registration, status changes, legal events, plan goals and tasks, consents and the intake. */
export const childrenTimeline: TimelineSource = (vault, _actor, row) => {
  const entries: TimelineEntry[] = [];
  const add = (at: string, kind: TimelineKind, params: Record<string, string> = {}) =>
    entries.push({ at, kind, params });

  // The day the record was made, which may be long after the intake it records.
  add(row.created_at, 'registered', { caseCode: row.case_code });
  const changes = vault.db
    .prepare(
      `SELECT from_status, to_status, changed_at FROM child_status_changes
       WHERE child_id = ? AND from_status IS NOT NULL`,
    )
    .all([row.id]) as { from_status: string; to_status: string; changed_at: string }[];
  for (const c of changes) add(c.changed_at, 'status', { from: c.from_status, to: c.to_status });

  for (const e of legalEventsOf(vault, row.id))
    add(e.date, 'legal', { kind: e.kind, court: e.court });
  const goals = vault.db
    .prepare(
      'SELECT domain, status, created_at FROM plan_goals WHERE child_id = ? AND deleted_at IS NULL',
    )
    .all([row.id]) as { domain: string; status: string; created_at: string }[];
  for (const g of goals) add(g.created_at, 'goal', { domain: g.domain, status: g.status });
  for (const t of tasksOf(vault, row.id)) {
    add(t.doneOn ?? t.dueDate, 'task', { title: t.title, done: t.doneOn ? 'true' : 'false' });
  }
  for (const c of consentsOf(vault, row.id)) {
    add(c.givenOn, 'consent', { type: c.type, givenBy: c.givenBy, change: 'given' });
    if (c.withdrawnOn) add(c.withdrawnOn, 'consent', { type: c.type, change: 'withdrawn' });
  }
  const intakeAt = intakeRecordedAt(vault, row.id);
  if (intakeAt) add(intakeAt, 'intake');
  return entries;
};
