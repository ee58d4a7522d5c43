import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { optionalText, safeText } from '../../../../shared/text';
import {
  planFieldsSchema,
  type TherapistSummary,
  type TherapyPlan,
} from '../../../../shared/therapy/contract';
import {
  FREQUENCIES,
  MODALITIES,
  PLAN_STATUSES,
  PLANNED_SESSIONS,
  SESSION_MINUTES,
  THERAPIST_GENDERS,
  TIMES_OF_DAY,
} from '../../../../shared/therapy/vocabulary';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { therapyStale } from '../stale';
import { useSession } from '../../../auth/AuthContext';
import { todayIn } from '../../../../shared/time';
import { ChoiceField } from '../../../ui/ChoiceField';
import { Dialog } from '../../../ui/Dialog';
import { DialogActions } from '../../../ui/DialogActions';
import { Field } from '../../../ui/Field';
import { FormAlert } from '../../../ui/FormAlert';
import { FormDialog } from '../../../ui/FormDialog';
import {
  frequencyText,
  genderText,
  modalityText,
  planStatusText,
  therapyOverrideTexts,
  timeOfDayText,
} from '../labels';
import { OverrideFields } from '../../../ui/OverrideFields';
import { useApiForm } from '../../../forms/useApiForm';
import { useTherapyFormOptions } from '../formOptions';

/** The form's plain values: '' for an empty select or text, NaN for an empty number. */
const planFormShape = z.object({
  modality: z.union([z.literal(''), z.enum(MODALITIES)]),
  therapistId: z.string(),
  goals: z.string(),
  frequency: z.enum(FREQUENCIES),
  customFrequency: z.string(),
  sessionMinutes: z.number(),
  plannedSessions: z.number(),
  preferences: z.object({
    therapistGender: z.enum(THERAPIST_GENDERS),
    language: z.string(),
    timeOfDay: z.enum(TIMES_OF_DAY),
  }),
  status: z.enum(PLAN_STATUSES),
  startedOn: z.string(),
  overrideReason: safeText({ multiline: true }).max(500, 'tooLong'),
});
type PlanFormValues = z.input<typeof planFormShape>;

const planInputSchema = planFieldsSchema.omit({ id: true, childId: true, overrideReason: true });

/** Blanks left out, then the contract's own schema: the limits and messages are the backend's. */
const planFormSchema = planFormShape
  .superRefine((values, ctx) => {
    // "Custom" says how often in words; the other frequencies need none.
    if (values.frequency === 'custom' && values.customFrequency.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['customFrequency'], message: 'required' });
    }
    if (optionalText(200).safeParse(values.customFrequency).error) {
      ctx.addIssue({ code: 'custom', path: ['customFrequency'], message: 'tooLong' });
    }
  })
  .transform(({ overrideReason: _reason, ...values }) => {
    const { language, ...preferences } = values.preferences;
    // '' means "not given": left out, so the contract says 'required' where it must.
    return {
      ...values,
      ...(values.therapistId ? {} : { therapistId: undefined }),
      ...(values.modality ? {} : { modality: undefined }),
      customFrequency:
        values.frequency === 'custom' && values.customFrequency.trim()
          ? values.customFrequency
          : undefined,
      preferences: { ...preferences, ...(language.trim() ? { language } : {}) },
      ...(values.startedOn ? {} : { startedOn: undefined }),
    } as unknown;
  })
  .pipe(planInputSchema);

const PLAN_FIELDS = [
  'modality',
  'therapistId',
  'goals',
  'frequency',
  'customFrequency',
  'sessionMinutes',
  'plannedSessions',
  'preferences.therapistGender',
  'preferences.language',
  'preferences.timeOfDay',
  'status',
  'startedOn',
  'overrideReason',
] as const;

function defaultsOf(plan: TherapyPlan | null, today: string, me: string | null): PlanFormValues {
  return {
    modality: plan?.modality ?? '',
    therapistId: plan?.therapist.id ?? me ?? '',
    goals: plan?.goals ?? '',
    frequency: plan?.frequency ?? 'weekly',
    customFrequency: plan?.customFrequency ?? '',
    sessionMinutes: plan?.sessionMinutes ?? SESSION_MINUTES.default,
    plannedSessions: plan?.plannedSessions ?? Number.NaN,
    preferences: {
      therapistGender: plan?.preferences.therapistGender ?? 'no_preference',
      language: plan?.preferences.language ?? '',
      timeOfDay: plan?.preferences.timeOfDay ?? 'no_preference',
    },
    status: plan?.status ?? 'active',
    startedOn: plan?.startedOn ?? today,
    overrideReason: '',
  };
}

interface PlanDialogProps {
  childId: string;
  plan: TherapyPlan | null;
  onClose: () => void;
  onSaved: (plan: TherapyPlan) => void;
}

/** Create or change a child's therapy plan; every field says what is wrong as it is left. */
export function PlanDialog(props: PlanDialogProps) {
  const { t } = useTranslation();
  const therapists = useApiQuery('therapy.therapists', {});
  const title = props.plan ? t('therapy.plan.editTitle') : t('therapy.plan.addTitle');
  // The therapist select keeps its first value: it is filled only once the choices are there.
  if (!therapists.data) {
    return (
      <Dialog title={title} onClose={props.onClose}>
        {therapists.isError ? (
          <FormAlert message={{ key: therapists.error.message }} />
        ) : (
          <p role="status">{t('therapy.loading')}</p>
        )}
        <DialogActions onClose={props.onClose} />
      </Dialog>
    );
  }
  return <PlanForm {...props} title={title} therapists={therapists.data} />;
}

function PlanForm({
  childId,
  plan,
  onClose,
  onSaved,
  title,
  therapists,
}: PlanDialogProps & { title: string; therapists: readonly TherapistSummary[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.role === 'therapist' ? session.userId : null;
  const { register, errors, watch, formError, setFormError, warnings, ...formKit } = usePlanForm(
    plan,
    session.settings.timeZone,
    me,
  );
  const save = useApiMutation('therapy.savePlan', {
    stale: therapyStale,
    onSuccess: (saved) => {
      onSaved(saved);
    },
    onError: formKit.onError,
  });
  const onSubmit = formKit.form.handleSubmit((values) => {
    setFormError(null);
    save.mutate({
      ...values,
      childId,
      ...(plan ? { id: plan.id } : {}),
      ...formKit.overrideReason(formKit.form.getValues()),
    });
  });
  const frequency = watch('frequency');

  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={onSubmit}
      formError={formError}
      pending={save.isPending}
      submitLabel={t('therapy.plan.save')}
    >
      <ChoiceField
        label={t('therapy.plan.modalityLabel')}
        error={errors.modality}
        registration={register('modality')}
        values={MODALITIES}
        optionText={(m) => modalityText(t, m)}
      />
      <Field label={t('therapy.plan.therapist')} error={errors.therapistId}>
        {(a) => (
          <select {...a} {...register('therapistId')}>
            <option value="">{t('therapy.choose')}</option>
            {therapists.map((therapist) => (
              <option key={therapist.id} value={therapist.id}>
                {therapist.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('therapy.plan.goals')}
        hint={t('therapy.plan.goalsHint')}
        error={errors.goals}
      >
        {(a) => <textarea {...a} {...register('goals')} rows={4} />}
      </Field>
      <div className="field-row">
        <Field label={t('therapy.plan.frequencyLabel')} error={errors.frequency}>
          {(a) => (
            <select {...a} {...register('frequency')}>
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {frequencyText(t, f)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {frequency === 'custom' ? (
          <Field
            label={t('therapy.plan.customFrequency')}
            hint={t('therapy.plan.customFrequencyHint')}
            error={errors.customFrequency}
          >
            {(a) => <input {...a} {...register('customFrequency')} autoComplete="off" />}
          </Field>
        ) : null}
      </div>
      <div className="field-row">
        <Field
          label={t('therapy.plan.sessionMinutes')}
          hint={t('therapy.plan.sessionMinutesHint', SESSION_MINUTES)}
          error={errors.sessionMinutes}
        >
          {(a) => (
            <input
              {...a}
              {...register('sessionMinutes', { valueAsNumber: true })}
              type="number"
              inputMode="numeric"
              min={SESSION_MINUTES.min}
              max={SESSION_MINUTES.max}
              step={5}
              className="input-short"
            />
          )}
        </Field>
        <Field
          label={t('therapy.plan.plannedSessions')}
          hint={t('therapy.plan.plannedSessionsHint', PLANNED_SESSIONS)}
          error={errors.plannedSessions}
        >
          {(a) => (
            <input
              {...a}
              {...register('plannedSessions', { valueAsNumber: true })}
              type="number"
              inputMode="numeric"
              min={PLANNED_SESSIONS.min}
              max={PLANNED_SESSIONS.max}
              className="input-short"
            />
          )}
        </Field>
      </div>
      <Field label={t('therapy.plan.startedOn')} error={errors.startedOn}>
        {(a) => <input {...a} {...register('startedOn')} type="date" />}
      </Field>
      <fieldset className="fieldset">
        <legend>{t('therapy.plan.preferences')}</legend>
        <div className="field-row">
          <Field
            label={t('therapy.plan.therapistGenderLabel')}
            error={errors.preferences?.therapistGender}
          >
            {(a) => (
              <select {...a} {...register('preferences.therapistGender')}>
                {THERAPIST_GENDERS.map((g) => (
                  <option key={g} value={g}>
                    {genderText(t, g)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('therapy.plan.language')} error={errors.preferences?.language}>
            {(a) => <input {...a} {...register('preferences.language')} autoComplete="off" />}
          </Field>
          <Field label={t('therapy.plan.timeOfDayLabel')} error={errors.preferences?.timeOfDay}>
            {(a) => (
              <select {...a} {...register('preferences.timeOfDay')}>
                {TIMES_OF_DAY.map((d) => (
                  <option key={d} value={d}>
                    {timeOfDayText(t, d)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      {plan ? (
        <Field label={t('therapy.plan.statusLabel')} error={errors.status}>
          {(a) => (
            <select {...a} {...register('status')}>
              {PLAN_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {planStatusText(t, s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <OverrideFields
        texts={therapyOverrideTexts(t)}
        warnings={warnings}
        registration={register('overrideReason')}
        error={errors.overrideReason}
      />
    </FormDialog>
  );
}

function usePlanForm(plan: TherapyPlan | null, timeZone: string, me: string | null) {
  const kit = useApiForm({
    ...useTherapyFormOptions(),
    schema: planFormSchema,
    defaultValues: defaultsOf(plan, todayIn(timeZone), me),
    fields: PLAN_FIELDS,
  });
  return { ...kit, watch: kit.form.watch };
}
