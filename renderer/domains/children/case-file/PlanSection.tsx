import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GOAL_STATUSES, PLAN_DOMAINS } from '../../../../shared/children/vocabulary';
import { procedures } from '../../../../shared/contract';
import type { CaseFile, PlanGoal, PlanTask } from '../../../../shared/children/contract';
import { todayIn } from '../../../../shared/time';
import { formatCalendarDate } from '../../../i18n/format';
import { useApiMutation } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { messageFor, type FormMessage } from '../../../forms/useServerErrors';
import { childStale } from '../caseQueries';
import { fromForm } from '../formValues';
import { domainText, goalStatusText } from '../labels';
import { CaseSection } from '../../../ui/CaseSection';
import { ChoiceField } from '../../../ui/ChoiceField';
import { FormDialog } from '../../../ui/FormDialog';
import { RecordTable } from '../../../ui/RecordTable';
import { useSectionDialogs } from '../../../ui/RowActions';
import { useApiForm } from '../../../forms/useApiForm';

type Open = { kind: 'goal'; goal: PlanGoal | null } | { kind: 'task'; task: PlanTask | null };

/** The case plan: goals in the six domains, in the child's own words, and tasks with due dates. */
export function PlanSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const session = useSession();
  const today = todayIn(session.settings.timeZone);
  const { open, setOpen, close, status, setStatus, done } = useSectionDialogs<Open>();
  const [error, setError] = useState<FormMessage | null>(null);
  const childId = file.child.id;
  const goalText = new Map(file.goals.map((g) => [g.id, g.goalInChildWords]));
  const markDone = useApiMutation('plan.saveTask', {
    stale: () => childStale(childId),
    onSuccess: (task) => setStatus(t('children.plan.taskDone', { title: task.title })),
    onError: (e) => setError(messageFor(e)),
  });

  return (
    <CaseSection id="case-plan" title={t('children.plan.heading')}>
      <StatusMessage>{status}</StatusMessage>
      <FormAlert message={error} />
      <h3 id="plan-goals-heading">{t('children.plan.goals')}</h3>
      <RecordTable
        records={file.goals}
        label={{ labelledBy: 'plan-goals-heading' }}
        columns={[
          t('children.plan.domain'),
          t('children.plan.goalInChildWords'),
          t('children.plan.responsible'),
          t('children.plan.targetDate'),
          t('children.plan.status'),
        ]}
        emptyText={t('children.plan.noGoals')}
        add={{
          label: t('children.plan.addGoal'),
          onClick: () => setOpen({ kind: 'goal', goal: null }),
        }}
      >
        {(goal) => (
          <tr key={goal.id}>
            <td>{domainText(t, goal.domain)}</td>
            <td className="cell-text child-words">{goal.goalInChildWords}</td>
            <td>{goal.responsible}</td>
            <td>{goal.targetDate ? formatCalendarDate(goal.targetDate) : '—'}</td>
            <td>{goalStatusText(t, goal.status)}</td>
            <td>
              <button
                type="button"
                aria-label={t('children.plan.editGoalOne', {
                  domain: domainText(t, goal.domain),
                })}
                onClick={() => setOpen({ kind: 'goal', goal })}
              >
                {t('children.edit')}
              </button>
            </td>
          </tr>
        )}
      </RecordTable>

      <h3 id="plan-tasks-heading">{t('children.plan.tasks')}</h3>
      <RecordTable
        records={file.tasks}
        label={{ labelledBy: 'plan-tasks-heading' }}
        columns={[
          t('children.plan.task'),
          t('children.plan.dueDate'),
          t('children.plan.responsible'),
          t('children.plan.forGoal'),
          t('children.plan.status'),
        ]}
        emptyText={t('children.plan.noTasks')}
        add={{
          label: t('children.plan.addTask'),
          onClick: () => setOpen({ kind: 'task', task: null }),
        }}
      >
        {(task) => (
          <tr key={task.id} className={task.doneOn ? 'row-muted' : undefined}>
            <td className="cell-text">{task.title}</td>
            <td>{formatCalendarDate(task.dueDate)}</td>
            <td>{task.responsible ?? '—'}</td>
            <td className="cell-text">{task.goalId ? (goalText.get(task.goalId) ?? '—') : '—'}</td>
            <td>
              {task.doneOn ? (
                <span className="badge badge-ok">
                  {t('children.plan.doneOn', { date: formatCalendarDate(task.doneOn) })}
                </span>
              ) : task.dueDate < today ? (
                <span className="badge badge-caution">{t('children.plan.overdue')}</span>
              ) : (
                <span className="badge">{t('children.plan.open')}</span>
              )}
            </td>
            <td>
              <div className="row-actions">
                {task.doneOn ? null : (
                  <button
                    type="button"
                    disabled={markDone.isPending}
                    aria-label={t('children.plan.markDoneOne', { title: task.title })}
                    onClick={() => {
                      setError(null);
                      setStatus(null);
                      markDone.mutate(taskInput(task, { doneOn: today }));
                    }}
                  >
                    {t('children.plan.markDone')}
                  </button>
                )}
                <button
                  type="button"
                  aria-label={t('children.plan.editTaskOne', { title: task.title })}
                  onClick={() => setOpen({ kind: 'task', task })}
                >
                  {t('children.edit')}
                </button>
              </div>
            </td>
          </tr>
        )}
      </RecordTable>

      {open?.kind === 'goal' ? (
        <GoalDialog
          childId={childId}
          goal={open.goal}
          onClose={close}
          onDone={() =>
            done(open.goal ? t('children.plan.goalUpdated') : t('children.plan.goalAdded'))
          }
        />
      ) : null}
      {open?.kind === 'task' ? (
        <TaskDialog
          childId={childId}
          task={open.task}
          goals={file.goals}
          onClose={close}
          onDone={() =>
            done(open.task ? t('children.plan.taskUpdated') : t('children.plan.taskAdded'))
          }
        />
      ) : null}
    </CaseSection>
  );
}

/** plan.saveTask replaces the task: send every field, changing only `patch`. */
function taskInput(task: PlanTask, patch: { doneOn?: string }) {
  return {
    id: task.id,
    childId: task.childId,
    title: task.title,
    dueDate: task.dueDate,
    ...(task.goalId ? { goalId: task.goalId } : {}),
    ...(task.responsible ? { responsible: task.responsible } : {}),
    ...(task.doneOn ? { doneOn: task.doneOn } : {}),
    ...patch,
  };
}

const goalShape = z.object({
  domain: z.union([z.literal(''), z.enum(PLAN_DOMAINS)]),
  goalInChildWords: z.string(),
  responsible: z.string(),
  targetDate: z.string(),
  status: z.enum(GOAL_STATUSES),
});
const GOAL_FIELDS = ['domain', 'goalInChildWords', 'responsible', 'targetDate', 'status'] as const;
const goalSchema = fromForm(
  goalShape,
  procedures['plan.saveGoal'].input.omit({ id: true, childId: true }),
);

function GoalDialog({
  childId,
  goal,
  onClose,
  onDone,
}: {
  childId: string;
  goal: PlanGoal | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: goalSchema,
    defaultValues: {
      domain: goal?.domain ?? '',
      goalInChildWords: goal?.goalInChildWords ?? '',
      responsible: goal?.responsible ?? '',
      targetDate: goal?.targetDate ?? '',
      status: goal?.status ?? 'not_started',
    },
    fields: GOAL_FIELDS,
  });
  const save = useApiMutation('plan.saveGoal', {
    stale: () => childStale(childId),
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({
    ...values,
    childId,
    ...(goal ? { id: goal.id } : {}),
  }));

  return (
    <FormDialog
      title={goal ? t('children.plan.editGoalTitle') : t('children.plan.addGoalTitle')}
      onClose={onClose}
      {...dialog}
      submitLabel={t('children.plan.saveGoal')}
    >
      <ChoiceField
        label={t('children.plan.domain')}
        error={errors.domain}
        registration={register('domain')}
        values={PLAN_DOMAINS}
        optionText={(v) => domainText(t, v)}
      />
      <Field
        label={t('children.plan.goalInChildWords')}
        hint={t('children.plan.goalInChildWordsHint')}
        error={errors.goalInChildWords}
      >
        {(a) => <textarea {...a} {...register('goalInChildWords')} rows={3} />}
      </Field>
      <Field label={t('children.plan.responsible')} error={errors.responsible}>
        {(a) => <input {...a} {...register('responsible')} autoComplete="off" />}
      </Field>
      <Field label={t('children.plan.targetDate')} error={errors.targetDate}>
        {(a) => <input {...a} {...register('targetDate')} type="date" />}
      </Field>
      <Field label={t('children.plan.status')} error={errors.status}>
        {(a) => (
          <select {...a} {...register('status')}>
            {GOAL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {goalStatusText(t, status)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}

const taskShape = z.object({
  title: z.string(),
  dueDate: z.string(),
  responsible: z.string(),
  goalId: z.string(),
  doneOn: z.string(),
});
const TASK_FIELDS = ['title', 'dueDate', 'responsible', 'goalId', 'doneOn'] as const;

function taskSchema(today: string) {
  const target = procedures['plan.saveTask'].input
    .omit({ id: true, childId: true })
    .superRefine((value, ctx) => {
      if (value.doneOn && value.doneOn > today) {
        ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'date.future' });
      }
    });
  return fromForm(taskShape, target);
}

function TaskDialog({
  childId,
  task,
  goals,
  onClose,
  onDone,
}: {
  childId: string;
  task: PlanTask | null;
  goals: PlanGoal[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const today = todayIn(session.settings.timeZone);
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: taskSchema(today),
    defaultValues: {
      title: task?.title ?? '',
      dueDate: task?.dueDate ?? '',
      responsible: task?.responsible ?? '',
      goalId: task?.goalId ?? '',
      doneOn: task?.doneOn ?? '',
    },
    fields: TASK_FIELDS,
  });
  const save = useApiMutation('plan.saveTask', {
    stale: () => childStale(childId),
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({
    ...values,
    childId,
    ...(task ? { id: task.id } : {}),
  }));

  return (
    <FormDialog
      title={task ? t('children.plan.editTaskTitle') : t('children.plan.addTaskTitle')}
      onClose={onClose}
      {...dialog}
      submitLabel={t('children.plan.saveTask')}
    >
      <Field label={t('children.plan.task')} error={errors.title}>
        {(a) => <input {...a} {...register('title')} autoComplete="off" />}
      </Field>
      <Field label={t('children.plan.dueDate')} error={errors.dueDate}>
        {(a) => <input {...a} {...register('dueDate')} type="date" />}
      </Field>
      <Field label={t('children.plan.responsible')} error={errors.responsible}>
        {(a) => <input {...a} {...register('responsible')} autoComplete="off" />}
      </Field>
      <Field label={t('children.plan.forGoal')} error={errors.goalId}>
        {(a) => (
          <select {...a} {...register('goalId')}>
            <option value="">{t('children.plan.noGoal')}</option>
            {goals.map((goal) => (
              <option key={goal.id} value={goal.id}>
                {t('children.plan.goalOption', {
                  domain: domainText(t, goal.domain),
                  goal: goal.goalInChildWords,
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {task ? (
        <Field
          label={t('children.plan.doneOnLabel')}
          hint={t('children.plan.doneOnHint')}
          error={errors.doneOn}
        >
          {(a) => <input {...a} {...register('doneOn')} type="date" max={today} />}
        </Field>
      ) : null}
    </FormDialog>
  );
}
