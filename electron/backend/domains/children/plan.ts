// The case plan (goals in the six domains, tasks with due dates) and the dashboard agenda.
import type { GoalStatus, PlanDomain } from '../../../../shared/children/vocabulary';
import type {
  AgendaGrouping,
  AgendaItem,
  AgendaKind,
  AgendaPage,
  AgendaSection,
  PlanGoal,
  PlanTask,
} from '../../../../shared/children/contract';
import {
  addDaysTo,
  clockFor,
  FieldErrors,
  notFound,
  type CaseActor,
  type CaseVault,
} from '../../records/actor';
import { childScope, requireOwned, requireVisibleChild } from '../../records/scope';
import { PLACED_IN_SHELTER_NOW } from '../../records/today-panel';

interface GoalRow {
  id: string;
  child_id: string;
  domain: PlanDomain;
  goal_text: string;
  responsible: string;
  target_date: string | null;
  status: GoalStatus;
}

interface TaskRow {
  id: string;
  child_id: string;
  goal_id: string | null;
  title: string;
  due_date: string;
  responsible: string | null;
  done_on: string | null;
}

function toGoal(row: GoalRow): PlanGoal {
  return {
    id: row.id,
    childId: row.child_id,
    domain: row.domain,
    goalInChildWords: row.goal_text,
    responsible: row.responsible,
    targetDate: row.target_date,
    status: row.status,
  };
}

function toTask(row: TaskRow): PlanTask {
  return {
    id: row.id,
    childId: row.child_id,
    goalId: row.goal_id,
    title: row.title,
    dueDate: row.due_date,
    responsible: row.responsible,
    doneOn: row.done_on,
  };
}

export function goalsOf(vault: CaseVault, childId: string): PlanGoal[] {
  return (
    vault.db
      .prepare(
        'SELECT * FROM plan_goals WHERE child_id = ? AND deleted_at IS NULL ORDER BY created_at',
      )
      .all([childId]) as unknown as GoalRow[]
  ).map(toGoal);
}

export function tasksOf(vault: CaseVault, childId: string): PlanTask[] {
  return (
    vault.db
      .prepare(
        `SELECT * FROM plan_tasks WHERE child_id = ? AND deleted_at IS NULL
         ORDER BY done_on IS NOT NULL, due_date`,
      )
      .all([childId]) as unknown as TaskRow[]
  ).map(toTask);
}

export interface GoalInput {
  id?: string | undefined;
  childId: string;
  domain: PlanDomain;
  goalInChildWords: string;
  responsible: string;
  targetDate?: string | undefined;
  status: GoalStatus;
}

export function saveGoal(vault: CaseVault, actor: CaseActor, input: GoalInput): PlanGoal {
  const existing = input.id ? requireOwned<GoalRow>(vault, actor, 'plan_goals', input.id) : null;
  if (existing && existing.child_id !== input.childId) throw notFound();
  const child = requireVisibleChild(vault, actor, input.childId);
  const values = {
    child_id: child.id,
    domain: input.domain,
    goal_text: input.goalInChildWords,
    responsible: input.responsible,
    target_date: input.targetDate ?? null,
    status: input.status,
  };
  const id = existing?.id ?? vault.data.insert('plan_goals', values);
  if (existing) vault.data.update('plan_goals', id, values);
  return toGoal(
    vault.db.prepare('SELECT * FROM plan_goals WHERE id = ?').get([id]) as unknown as GoalRow,
  );
}

export interface TaskInput {
  id?: string | undefined;
  childId: string;
  goalId?: string | undefined;
  title: string;
  dueDate: string;
  responsible?: string | undefined;
  doneOn?: string | undefined;
}

export function saveTask(vault: CaseVault, actor: CaseActor, input: TaskInput): PlanTask {
  const existing = input.id ? requireOwned<TaskRow>(vault, actor, 'plan_tasks', input.id) : null;
  if (existing && existing.child_id !== input.childId) throw notFound();
  const child = requireVisibleChild(vault, actor, input.childId);
  const errors = new FieldErrors().notFutureDate('doneOn', input.doneOn, clockFor(vault, actor));
  if (input.goalId) {
    const goal = vault.db
      .prepare('SELECT child_id FROM plan_goals WHERE id = ? AND deleted_at IS NULL', {
        pluck: true,
      })
      .get([input.goalId]);
    if (goal !== child.id) errors.add('goalId', 'goal.otherChild');
  }
  errors.throwIfAny();
  const values = {
    child_id: child.id,
    goal_id: input.goalId ?? null,
    title: input.title,
    due_date: input.dueDate,
    responsible: input.responsible || null,
    done_on: input.doneOn ?? null,
  };
  const id = existing?.id ?? vault.data.insert('plan_tasks', values);
  if (existing) vault.data.update('plan_tasks', id, values);
  return toTask(
    vault.db.prepare('SELECT * FROM plan_tasks WHERE id = ?').get([id]) as unknown as TaskRow,
  );
}

export interface AgendaQuery {
  section: AgendaSection;
  shelterId?: string | undefined;
  kind?: AgendaKind | undefined;
  groupBy: AgendaGrouping;
  offset: number;
  limit: number;
}

/**
 * Every source of agenda items, one SELECT each, with the same columns. Open tasks and goal
 * targets are due on their date (and overdue after it); legal events are listed only ahead; a
 * child registered without a legal name is due from intake until the name is recorded.
 */
const AGENDA_SOURCES = `
  SELECT t.child_id AS childId, 'task' AS kind, NULL AS category, t.id, t.title, t.due_date AS date
  FROM plan_tasks t WHERE t.done_on IS NULL AND t.deleted_at IS NULL AND t.due_date <= $until
  UNION ALL
  SELECT g.child_id, 'goal', g.domain, g.id, g.goal_text, g.target_date
  FROM plan_goals g WHERE g.target_date IS NOT NULL AND g.deleted_at IS NULL
    AND g.target_date <= $until AND g.status NOT IN ('achieved', 'discontinued')
  UNION ALL
  SELECT l.child_id, 'legal', l.kind, l.id, l.court, l.date
  FROM legal_events l WHERE l.deleted_at IS NULL AND l.date >= $today AND l.date <= $until
  UNION ALL
  SELECT n.id, 'legalName', NULL, n.id, '', n.intake_date
  FROM children n WHERE n.legal_name = '' AND n.deleted_at IS NULL`;

const GROUP_KEY: Record<AgendaGrouping, string> = {
  date: 'NULL',
  child: 'item.childId',
  kind: 'item.kind',
};

/**
 * One page of the overdue (before today) or upcoming (today and the next seven days) items of the
 * children the actor may see, with the true total. Closed cases are left out: nothing is due on
 * them. Overdue runs most recent first, so this week's misses do not sink under old ones.
 */
export function agenda(vault: CaseVault, actor: CaseActor, query: AgendaQuery): AgendaPage {
  const { today } = clockFor(vault, actor);
  const scope = childScope(vault, actor);
  const direction = query.section === 'overdue' ? 'DESC' : 'ASC';
  const conditions = [
    'c.deleted_at IS NULL',
    "c.status <> 'closed'",
    scope.sql,
    query.section === 'overdue' ? 'item.date < $today' : 'item.date >= $today',
  ];
  const params: Record<string, string | number> = {
    today,
    until: addDaysTo(today, 7),
    ...scope.params,
  };
  if (query.kind) {
    conditions.push('item.kind = $kind');
    params.kind = query.kind;
  }
  if (query.shelterId) {
    conditions.push(PLACED_IN_SHELTER_NOW);
    params.shelterId = query.shelterId;
  }
  const order = {
    date: `item.date ${direction}, c.case_year, c.case_seq`,
    child: `c.case_year, c.case_seq, item.date ${direction}`,
    kind: `item.kind, item.date ${direction}, c.case_year, c.case_seq`,
  }[query.groupBy];
  const groupKey = GROUP_KEY[query.groupBy];
  const rows = vault.db
    .prepare(
      `SELECT item.*, c.case_code, c.alias, ${groupKey} AS groupKey,
         count(*) OVER (PARTITION BY ${groupKey}) AS groupSize, count(*) OVER () AS total
       FROM (${AGENDA_SOURCES}) AS item
       JOIN children c ON c.id = item.childId
       WHERE ${conditions.join(' AND ')}
       ORDER BY ${order}
       LIMIT $limit OFFSET $offset`,
    )
    .all({ ...params, limit: query.limit, offset: query.offset }) as unknown as AgendaRow[];
  const groupSizes: Record<string, number> = {};
  if (query.groupBy !== 'date') for (const row of rows) groupSizes[row.groupKey!] = row.groupSize;
  // Past the last page there are no rows to carry the total: count once more.
  const total =
    rows[0]?.total ??
    (query.offset === 0
      ? 0
      : (vault.db
          .prepare(
            `SELECT count(*) FROM (${AGENDA_SOURCES}) AS item JOIN children c ON c.id = item.childId
             WHERE ${conditions.join(' AND ')}`,
            { pluck: true },
          )
          .get(params) as number));
  return {
    items: rows.map((row) => ({
      childId: row.childId,
      caseCode: row.case_code,
      alias: row.alias,
      kind: row.kind,
      category: row.category,
      id: row.id,
      title: row.title,
      date: row.date,
    })),
    total,
    groupSizes,
    today,
  };
}

interface AgendaRow extends Omit<AgendaItem, 'caseCode' | 'alias'> {
  case_code: string;
  alias: string;
  groupKey: string | null;
  groupSize: number;
  total: number;
}
