// The dialogs of one session: attendance (and what it covered), a change or move, and a
// cancellation with its reason. A session of a series asks how far the change reaches.
import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { TherapySession } from '../../../../shared/therapy/contract';
import {
  CANCELLED_STATUSES,
  PRACTICE_COMPONENTS,
  SERIES_SCOPES,
  needsCancellationReason,
  type SessionStatus,
} from '../../../../shared/therapy/vocabulary';
import { safeText } from '../../../../shared/text';
import { TZDate } from '@date-fns/tz';
import { differenceInMinutes, format } from 'date-fns';
import { useApiMutation } from '../../../api/queries';
import { therapyStale } from '../stale';
import { Checkbox } from '../../../ui/Checkbox';
import { Field } from '../../../ui/Field';
import { FormDialog } from '../../../ui/FormDialog';
import { componentText, sessionStatusText, therapyOverrideTexts } from '../labels';
import { OverrideFields } from '../../../ui/OverrideFields';
import { useApiForm } from '../../../forms/useApiForm';
import { useTherapyFormOptions } from '../formOptions';
import { sessionName } from './SessionTable';
import { RoomField, SessionTimeFields, slotIssues } from './SessionSlotFields';

/** What attendance can record: a session that took place, or why it did not. */
const RECORD_STATUSES = [
  'attended',
  'no_show',
  'late_cancelled',
  'cancelled',
  'clinician_cancelled',
] as const satisfies readonly SessionStatus[];

const reasonText = safeText({ multiline: true }).trim().max(500, 'tooLong');

/** How far a change to an occurrence of a series reaches: this one, the following, or all. */
function ScopeChoice({
  session,
  registration,
  legend,
}: {
  session: TherapySession;
  registration: UseFormRegisterReturn;
  legend: string;
}) {
  const { t } = useTranslation();
  if (!session.seriesId) return null;
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {SERIES_SCOPES.map((scope) => (
        <label key={scope} className="radio">
          <input type="radio" value={scope} {...registration} />{' '}
          {t(`therapy.schedule.scope.${scope}`)}
        </label>
      ))}
    </fieldset>
  );
}

// ---- attendance -------------------------------------------------------------------------------

const recordSchema = z
  .object({
    status: z.union([z.literal(''), z.enum(RECORD_STATUSES)]),
    reason: reasonText,
    components: z.array(z.enum(PRACTICE_COMPONENTS)),
    overrideReason: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.status === '') {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'required' });
    } else if (needsCancellationReason(values.status) && values.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'therapy.reasonRequired' });
    }
  });

export function RecordDialog({
  session,
  timeZone,
  showComponents,
  onClose,
  onDone,
}: {
  session: TherapySession;
  timeZone: string;
  /** A TF-CBT session records the PRACTICE components it covered. */
  showComponents: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const statusId = useId();
  const kit = useApiForm({
    ...useTherapyFormOptions(),
    schema: recordSchema,
    defaultValues: {
      status:
        session.status === 'scheduled' ? '' : (session.status as (typeof RECORD_STATUSES)[number]),
      reason: session.statusReason ?? '',
      components: session.components.length ? session.components : session.plannedComponents,
      overrideReason: '',
    },
    fields: ['status', 'reason', 'components'],
  });
  const { register, errors } = kit;
  const save = useApiMutation('therapy.recordSession', {
    stale: therapyStale,
    onSuccess: () => {
      onDone(t('therapy.schedule.recorded'));
    },
    onError: kit.onError,
  });
  const onSubmit = kit.form.handleSubmit((values) => {
    kit.clearAlerts();
    if (values.status === '') return;
    save.mutate({
      sessionId: session.id,
      status: values.status,
      ...(values.reason ? { reason: values.reason } : {}),
      // Only a session that took place covered anything.
      components: showComponents && values.status === 'attended' ? values.components : [],
    });
  });
  return (
    <FormDialog
      title={t('therapy.schedule.recordTitle')}
      intro={sessionName(session, timeZone)}
      onClose={onClose}
      onSubmit={onSubmit}
      formError={kit.formError}
      alertText={kit.refusal}
      pending={save.isPending}
      submitLabel={t('therapy.schedule.recordSave')}
    >
      <fieldset
        className={errors.status ? 'fieldset field-invalid' : 'fieldset'}
        aria-describedby={errors.status ? `${statusId}-error` : undefined}
      >
        <legend>{t('therapy.schedule.attendance')}</legend>
        {RECORD_STATUSES.map((status) => (
          <label key={status} className="radio">
            <input type="radio" value={status} {...register('status')} />{' '}
            {sessionStatusText(t, status)}
          </label>
        ))}
        {errors.status ? (
          <p className="field-error" id={`${statusId}-error`}>
            {t('therapy.schedule.chooseAttendance')}
          </p>
        ) : null}
      </fieldset>
      <Field
        label={t('therapy.schedule.reason')}
        hint={t('therapy.schedule.reasonHint')}
        error={errors.reason}
      >
        {(a) => <textarea {...a} {...register('reason')} rows={2} maxLength={500} />}
      </Field>
      {showComponents ? (
        <fieldset className="fieldset">
          <legend>{t('therapy.schedule.componentsCovered')}</legend>
          <div className="checkbox-list">
            {PRACTICE_COMPONENTS.map((c) => (
              <Checkbox key={c} value={c} label={componentText(t, c)} {...register('components')} />
            ))}
          </div>
        </fieldset>
      ) : null}
    </FormDialog>
  );
}

// ---- change or move ---------------------------------------------------------------------------

const changeSchema = z
  .object({
    scope: z.enum(SERIES_SCOPES),
    date: z.string(),
    startTime: z.string(),
    durationMinutes: z.number(),
    room: safeText().trim().max(80, 'tooLong'),
    overrideReason: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.scope === 'one' && values.date === '') {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'required' });
    }
    for (const issue of slotIssues(values)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  });

export function ChangeDialog({
  session,
  timeZone,
  onClose,
  onDone,
}: {
  session: TherapySession;
  timeZone: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const start = new TZDate(session.startAt, timeZone);
  const kit = useApiForm({
    ...useTherapyFormOptions(),
    schema: changeSchema,
    defaultValues: {
      scope: 'one',
      date: format(start, 'yyyy-MM-dd'),
      startTime: format(start, 'HH:mm'),
      durationMinutes: differenceInMinutes(new Date(session.endAt), new Date(session.startAt)),
      room: session.room ?? '',
      overrideReason: '',
    },
    fields: ['scope', 'date', 'startTime', 'durationMinutes', 'room', 'overrideReason'],
  });
  const { register, errors } = kit;
  const scope = kit.form.watch('scope');
  const save = useApiMutation('therapy.editSessions', {
    stale: therapyStale,
    onSuccess: (changed) => {
      onDone(t('therapy.schedule.changed', { count: changed.length }));
    },
    onError: kit.onError,
  });
  return (
    <FormDialog
      title={t('therapy.schedule.changeTitle')}
      intro={sessionName(session, timeZone)}
      onClose={onClose}
      submitLabel={t('therapy.schedule.changeSave')}
      {...kit.dialogFor(save, (values) => ({
        sessionId: session.id,
        scope: values.scope,
        ...(values.scope === 'one' ? { date: values.date } : {}),
        startTime: values.startTime,
        durationMinutes: values.durationMinutes,
        room: values.room === '' ? null : values.room,
        ...kit.overrideReason(kit.form.getValues()),
      }))}
    >
      <ScopeChoice
        session={session}
        registration={register('scope')}
        legend={t('therapy.schedule.changeScope')}
      />
      <SessionTimeFields
        timeZone={timeZone}
        date={
          scope === 'one'
            ? {
                label: t('therapy.schedule.date'),
                registration: register('date'),
                error: errors.date,
              }
            : undefined
        }
        startTime={{ label: t('therapy.schedule.startTime'), registration: register('startTime') }}
        durationMinutes={register('durationMinutes', { valueAsNumber: true })}
        errors={errors}
      />
      <RoomField registration={register('room')} error={errors.room} />
      <OverrideFields
        texts={therapyOverrideTexts(t)}
        warnings={kit.warnings}
        registration={register('overrideReason')}
        error={errors.overrideReason}
      />
    </FormDialog>
  );
}

// ---- cancel -----------------------------------------------------------------------------------

const cancelSchema = z.object({
  scope: z.enum(SERIES_SCOPES),
  status: z.enum(CANCELLED_STATUSES),
  reason: reasonText.min(1, 'therapy.reasonRequired'),
  overrideReason: z.string(),
});

export function CancelDialog({
  session,
  timeZone,
  onClose,
  onDone,
}: {
  session: TherapySession;
  timeZone: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const kit = useApiForm({
    ...useTherapyFormOptions(),
    schema: cancelSchema,
    defaultValues: { scope: 'one', status: 'cancelled', reason: '', overrideReason: '' },
    fields: ['scope', 'status', 'reason'],
  });
  const { register, errors } = kit;
  const save = useApiMutation('therapy.cancelSessions', {
    stale: therapyStale,
    onSuccess: (cancelled) => {
      onDone(t('therapy.schedule.cancelled', { count: cancelled.length }));
    },
    onError: kit.onError,
  });
  return (
    <FormDialog
      title={t('therapy.schedule.cancelTitle')}
      intro={sessionName(session, timeZone)}
      onClose={onClose}
      submitLabel={t('therapy.schedule.cancelSave')}
      {...kit.dialogFor(save, (values) => ({
        sessionId: session.id,
        scope: values.scope,
        status: values.status,
        reason: values.reason,
      }))}
    >
      <ScopeChoice
        session={session}
        registration={register('scope')}
        legend={t('therapy.schedule.cancelScope')}
      />
      <Field label={t('therapy.schedule.cancelKind')} error={errors.status}>
        {(a) => (
          <select {...a} {...register('status')}>
            {CANCELLED_STATUSES.map((s) => (
              <option key={s} value={s}>
                {sessionStatusText(t, s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('therapy.schedule.cancelReason')}
        hint={t('therapy.schedule.cancelReasonHint')}
        error={errors.reason}
      >
        {(a) => <textarea {...a} {...register('reason')} rows={3} maxLength={500} />}
      </Field>
    </FormDialog>
  );
}
