// Recording a follow-up visit: date and who visited, whether the child was seen (and alone), the
// safety checks, school attendance, observations, the risk since the last visit and follow-up.
import { useTranslation } from 'react-i18next';
import type { AftercareVisit, VisitRecordInput } from '../../../../shared/reintegration/contract';
import { visitRecordSchema } from '../../../../shared/reintegration/contract';
import {
  RISK_CHANGES,
  SAFETY_CHECKS,
  SCHOOL_ATTENDANCE,
  needsUrgentTask,
} from '../../../../shared/reintegration/monitoring';
import { todayIn } from '../../../../shared/time';
import { formatCalendarDate } from '../../../i18n/format';
import { useApiMutation } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { useApiForm } from '../../../forms/useApiForm';
import { errorText } from '../../../i18n';
import { Checkbox } from '../../../ui/Checkbox';
import { ChoiceField } from '../../../ui/ChoiceField';
import { Field } from '../../../ui/Field';
import { FormDialog } from '../../../ui/FormDialog';
import { reintegrationStale } from '../stale';

export function VisitDialog({
  visit,
  onClose,
  onSaved,
}: {
  visit: AftercareVisit;
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const { t } = useTranslation();
  const { settings, displayName } = useSession();
  const record = useApiMutation('reintegration.recordVisit', {
    // The urgent tasks are on the case file's plan and the agenda.
    stale: () => [...reintegrationStale(), 'children.get', 'dashboard.agenda'],
  });
  const { register, errors, dialogFor, showError } = useApiForm({
    schema: visitRecordSchema,
    defaultValues: {
      id: visit.id,
      visitedOn: todayIn(settings.timeZone),
      visitedBy: displayName,
      childSeen: true,
      seenAlone: false,
      safetyChecks: { noOffenderContact: true, childFeelsSafe: true, noSignsOfHarm: true },
      observations: '',
      followUp: '',
    },
    fields: ['visitedOn', 'visitedBy', 'seenAlone', 'schoolAttendance', 'riskChange'],
  });
  const send = (input: VisitRecordInput) =>
    record.mutate(input, {
      onSuccess: () =>
        onSaved(
          needsUrgentTask(input)
            ? t('reintegration.visits.urgent')
            : t('reintegration.visits.saved'),
        ),
      onError: showError,
    });
  const dialog = dialogFor({ isPending: record.isPending, mutate: send }, (values) => values);
  return (
    <FormDialog
      title={t('reintegration.visits.dialog', { date: formatCalendarDate(visit.dueOn) })}
      onClose={onClose}
      submitLabel={t('reintegration.visits.save')}
      {...dialog}
    >
      <Field label={t('reintegration.visits.visitedOn')} error={errors.visitedOn}>
        {(a) => (
          <input {...a} type="date" max={todayIn(settings.timeZone)} {...register('visitedOn')} />
        )}
      </Field>
      <Field label={t('reintegration.visits.visitedBy')} error={errors.visitedBy}>
        {(a) => <input {...a} {...register('visitedBy')} />}
      </Field>
      <Checkbox label={t('reintegration.visits.childSeen')} {...register('childSeen')} />
      <Checkbox label={t('reintegration.visits.seenAlone')} {...register('seenAlone')} />
      {errors.seenAlone ? (
        <p className="field-error">{errorText(errors.seenAlone.message ?? 'invalid')}</p>
      ) : null}
      <fieldset>
        <legend>{t('reintegration.visits.safetyChecks')}</legend>
        {SAFETY_CHECKS.map((check) => (
          <Checkbox
            key={check}
            label={t(`reintegration.visits.checks.${check}`)}
            {...register(`safetyChecks.${check}`)}
          />
        ))}
      </fieldset>
      <ChoiceField
        label={t('reintegration.visits.school')}
        error={errors.schoolAttendance}
        registration={register('schoolAttendance')}
        values={SCHOOL_ATTENDANCE}
        optionText={(v) => t(`reintegration.visits.schoolAttendance.${v}`)}
      />
      <Field label={t('reintegration.visits.observations')} error={errors.observations}>
        {(a) => <textarea {...a} rows={3} {...register('observations')} />}
      </Field>
      <ChoiceField
        label={t('reintegration.visits.riskChange')}
        error={errors.riskChange}
        registration={register('riskChange')}
        values={RISK_CHANGES}
        optionText={(v) => t(`reintegration.visits.risk.${v}`)}
      />
      <Field label={t('reintegration.visits.followUp')} error={errors.followUp}>
        {(a) => <textarea {...a} rows={2} {...register('followUp')} />}
      </Field>
    </FormDialog>
  );
}
