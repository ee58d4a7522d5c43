// The case plan (goals in the six domains, tasks with due dates) and the dashboard agenda.
import type { GoalStatus, PlanDomain } from '../../../../shared/cases';
import type { AgendaItem, PlanGoal, PlanTask } from '../../../../shared/contract-cases';
import {
  addDaysTo,
  clockFor,
  FieldErrors,
  notFound,
  type CaseActor,
  type CaseVault,
} from './context';
import { requireOwned } from './records';
import { childScope, requireVisibleChild } from './scope';

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

/** How many items of each list the dashboard shows at most. */
export const AGENDA_LIMIT = 200;

/**
 * Open tasks and goal targets that are overdue (before today) or due in the next seven days,
 * and legal events in the next seven days, for the children the actor may see. Closed cases are
 * left out: nothing is due on them.
 */
export function agenda(
  vault: CaseVault,
  actor: CaseActor,
): { overdue: AgendaItem[]; upcoming: AgendaItem[] } {
  const { today } = clockFor(vault, actor);
  const scope = childScope(vault, actor);
  const rows = vault.db
    .prepare(
      `SELECT item.*, c.case_code, c.initials FROM (
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
         FROM children n WHERE n.legal_name = '' AND n.deleted_at IS NULL
       ) AS item
       JOIN children c ON c.id = item.childId
       WHERE c.deleted_at IS NULL AND c.status <> 'closed' AND ${scope.sql}
       ORDER BY item.date, c.case_year, c.case_seq`,
    )
    .all({ today, until: addDaysTo(today, 7), ...scope.params });
  const overdue: AgendaItem[] = [];
  const upcoming: AgendaItem[] = [];
  for (const row of rows as unknown as (Omit<AgendaItem, 'caseCode' | 'initials'> & {
    case_code: string;
    initials: string;
  })[]) {
    const item: AgendaItem = {
      childId: row.childId,
      caseCode: row.case_code,
      initials: row.initials,
      kind: row.kind,
      category: row.category,
      id: row.id,
      title: row.title,
      date: row.date,
    };
    if (row.date < today) overdue.push(item);
    else if (upcoming.length < AGENDA_LIMIT) upcoming.push(item);
  }
  // Most recent misses first, so this week's do not sink under old ones.
  return { overdue: overdue.slice(-AGENDA_LIMIT).reverse(), upcoming };
}
