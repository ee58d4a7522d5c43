import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ChildScheduling, TherapyPlan } from '../../../../shared/therapy/contract';
import { PRACTICE_COMPONENTS, SESSION_KINDS } from '../../../../shared/therapy/vocabulary';
import { safeText } from '../../../../shared/text';
import { zonedInstant } from '../../../../shared/time';
import { useApiMutation } from '../../../api/queries';
import { therapyStale } from '../stale';
import { Checkbox } from '../../../ui/Checkbox';
import { FormDialog } from '../../../ui/FormDialog';
import { childText, componentText, therapyOverrideTexts } from '../labels';
import { OverrideFields } from '../../../ui/OverrideFields';
import { useApiForm } from '../../../forms/useApiForm';
import { useTherapyFormOptions } from '../formOptions';
import {
  kindIssues,
  participantsOf,
  SESSION_KIND_DEFAULTS,
  SessionKindFields,
} from './SessionKindFields';
import { RoomField, SessionTimeFields, slotIssues } from './SessionSlotFields';

const oneSchema = z
  .object({
    kind: z.enum(SESSION_KINDS),
    caregiverId: z.string(),
    groupChildIds: z.array(z.string()),
    date: z.string().min(1, 'required'),
    startTime: z.string(),
    durationMinutes: z.number(),
    room: safeText().trim().max(80, 'tooLong'),
    plannedComponents: z.array(z.enum(PRACTICE_COMPONENTS)),
    overrideReason: safeText({ multiline: true }).max(500, 'tooLong'),
  })
  .superRefine((values, ctx) => {
    for (const issue of slotIssues(values)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
    for (const issue of kindIssues(values)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  });

/** One session outside any series; a clash is refused and named, a soft rule asks for a reason. */
export function ScheduleOneDialog({
  plan,
  scheduling,
  timeZone,
  onClose,
  onDone,
}: {
  plan: TherapyPlan;
  scheduling: ChildScheduling;
  timeZone: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const kit = useApiForm({
    ...useTherapyFormOptions(),
    schema: oneSchema,
    defaultValues: {
      ...SESSION_KIND_DEFAULTS,
      date: '',
      startTime: '',
      durationMinutes: plan.sessionMinutes,
      room: '',
      plannedComponents: [],
      overrideReason: '',
    },
    fields: [
      'kind',
      'caregiverId',
      'groupChildIds',
      'date',
      'startTime',
      'durationMinutes',
      'room',
      'overrideReason',
    ],
  });
  const { register, errors } = kit;
  const kind = kit.form.watch('kind');
  const save = useApiMutation('therapy.schedule', {
    stale: therapyStale,
    onSuccess: () => {
      onDone(t('therapy.schedule.scheduled'));
    },
    onError: kit.onError,
  });
  return (
    <FormDialog
      title={t('therapy.schedule.oneTitle')}
      intro={t('therapy.series.intro', { child: childText(t, plan.child) })}
      onClose={onClose}
      submitLabel={t('therapy.schedule.oneSave')}
      {...kit.dialogFor(save, (values) => ({
        therapistId: plan.therapist.id,
        planId: plan.id,
        ...participantsOf(values, plan.child.id),
        durationMinutes: values.durationMinutes,
        ...(values.room ? { room: values.room } : {}),
        plannedComponents: values.plannedComponents,
        startAt: zonedInstant(values.date, values.startTime, timeZone),
        ...kit.overrideReason(kit.form.getValues()),
      }))}
    >
      <SessionKindFields
        kind={kind}
        childId={plan.child.id}
        scheduling={scheduling}
        registration={{
          kind: register('kind'),
          caregiverId: register('caregiverId'),
          groupChildIds: register('groupChildIds'),
        }}
        errors={errors}
      />
      <SessionTimeFields
        timeZone={timeZone}
        date={{
          label: t('therapy.schedule.date'),
          registration: register('date'),
          error: errors.date,
        }}
        startTime={{ label: t('therapy.schedule.startTime'), registration: register('startTime') }}
        durationMinutes={register('durationMinutes', { valueAsNumber: true })}
        errors={errors}
      />
      <RoomField registration={register('room')} error={errors.room} />
      {plan.modality === 'tf_cbt' ? (
        <fieldset className="fieldset">
          <legend>{t('therapy.series.plannedComponents')}</legend>
          <div className="checkbox-list">
            {PRACTICE_COMPONENTS.map((c) => (
              <Checkbox
                key={c}
                value={c}
                label={componentText(t, c)}
                {...register('plannedComponents')}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <OverrideFields
        texts={therapyOverrideTexts(t)}
        warnings={kit.warnings}
        registration={register('overrideReason')}
        error={errors.overrideReason}
      />
    </FormDialog>
  );
}
