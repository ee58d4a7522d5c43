// The administrator's reintegration policy: how old an approved readiness assessment may be at
// discharge, the follow-up visit cadence (steps of "every n weeks or months until week or month
// m"), when Aftercare Outcomes is due after intake, and the closure threshold.
import { useQueryClient } from '@tanstack/react-query';
import { useFieldArray } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  reintegrationPolicySchema,
  type ReintegrationPolicy,
} from '../../../../shared/reintegration/contract';
import { CADENCE_UNITS, visitSchedule } from '../../../../shared/reintegration/monitoring';
import { queryKey, useApiMutation } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { errorText } from '../../../i18n';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import '../reintegration.css';

/** An empty threshold box means "each instrument's own". */
const thresholdValue = (value: unknown) => (value === '' || value === null ? null : Number(value));

export function PolicyForm({ policy }: { policy: ReintegrationPolicy }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const { form, register, errors, formError, showError, submit } = useApiForm({
    schema: reintegrationPolicySchema,
    defaultValues: policy,
    fields: [
      'assessmentMaxAgeDays',
      'visitCadence',
      'outcomesFirstAfterMonths',
      'outcomesThenEveryMonths',
      'closureThreshold',
    ],
  });
  const steps = useFieldArray({ control: form.control, name: 'visitCadence' });
  const save = useApiMutation('reintegration.setPolicy', {
    onSuccess: (next) => {
      queryClient.setQueryData(queryKey('reintegration.policy', {}), next);
      setStatus(
        t('reintegration.admin.policy.saved', {
          count: visitSchedule('2025-01-01', next.visitCadence).length,
        }),
      );
    },
    onError: showError,
  });
  const number = { valueAsNumber: true } as const;
  return (
    <form
      className="form panel"
      noValidate
      aria-labelledby="reintegration-policy-heading"
      onSubmit={submit((values) => {
        setStatus(null);
        save.mutate(values);
      })}
    >
      <h2 id="reintegration-policy-heading">{t('reintegration.admin.policy.heading')}</h2>
      <FormAlert message={formError} />
      <StatusMessage>{status}</StatusMessage>
      <Field
        label={t('reintegration.admin.policy.maxAge')}
        hint={t('reintegration.admin.policy.maxAgeHint')}
        error={errors.assessmentMaxAgeDays}
      >
        {(a) => (
          <input
            {...a}
            type="number"
            min={1}
            max={365}
            className="input-short"
            {...register('assessmentMaxAgeDays', number)}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t('reintegration.admin.policy.cadence')}</legend>
        <p className="field-hint">{t('reintegration.admin.policy.cadenceHint')}</p>
        {errors.visitCadence?.root?.message || errors.visitCadence?.message ? (
          <p className="field-error" role="alert">
            {errorText(errors.visitCadence.root?.message ?? errors.visitCadence.message ?? '')}
          </p>
        ) : null}
        {steps.fields.map((step, i) => {
          const n = i + 1;
          const stepErrors = errors.visitCadence?.[i];
          return (
            <fieldset key={step.id} className="cadence-step">
              <legend>{t('reintegration.admin.policy.step', { n })}</legend>
              <Field label={t('reintegration.admin.policy.every', { n })} error={stepErrors?.every}>
                {(a) => (
                  <input
                    {...a}
                    type="number"
                    min={1}
                    max={12}
                    className="input-short"
                    {...register(`visitCadence.${i}.every`, number)}
                  />
                )}
              </Field>
              <Field label={t('reintegration.admin.policy.unit', { n })} error={stepErrors?.unit}>
                {(a) => (
                  <select {...a} {...register(`visitCadence.${i}.unit`)}>
                    {CADENCE_UNITS.map((unit) => (
                      <option key={unit} value={unit}>
                        {t(`reintegration.admin.policy.units.${unit}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('reintegration.admin.policy.until', { n })} error={stepErrors?.until}>
                {(a) => (
                  <input
                    {...a}
                    type="number"
                    min={1}
                    max={60}
                    className="input-short"
                    {...register(`visitCadence.${i}.until`, number)}
                  />
                )}
              </Field>
              <button
                type="button"
                onClick={() => steps.remove(i)}
                disabled={steps.fields.length === 1}
              >
                {t('reintegration.admin.policy.removeStep', { n })}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          onClick={() => steps.append({ unit: 'month', every: 1, until: 12 })}
          disabled={steps.fields.length >= 6}
        >
          {t('reintegration.admin.policy.addStep')}
        </button>
      </fieldset>
      <Field
        label={t('reintegration.admin.policy.firstAfter')}
        hint={t('reintegration.admin.policy.firstAfterHint')}
        error={errors.outcomesFirstAfterMonths}
      >
        {(a) => (
          <input
            {...a}
            type="number"
            min={1}
            max={24}
            className="input-short"
            {...register('outcomesFirstAfterMonths', number)}
          />
        )}
      </Field>
      <Field
        label={t('reintegration.admin.policy.thenEvery')}
        error={errors.outcomesThenEveryMonths}
      >
        {(a) => (
          <input
            {...a}
            type="number"
            min={1}
            max={36}
            className="input-short"
            {...register('outcomesThenEveryMonths', number)}
          />
        )}
      </Field>
      <Field
        label={t('reintegration.admin.policy.threshold')}
        hint={t('reintegration.admin.policy.thresholdHint')}
        error={errors.closureThreshold}
      >
        {(a) => (
          <input
            {...a}
            type="number"
            step="0.1"
            className="input-short"
            {...register('closureThreshold', { setValueAs: thresholdValue })}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t('reintegration.admin.policy.save')}
        </button>
      </div>
    </form>
  );
}
