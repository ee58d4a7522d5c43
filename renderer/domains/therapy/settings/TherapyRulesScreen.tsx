import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { therapyRulesSchema } from '../../../../shared/therapy/contract';
import type { TherapyRules } from '../../../../shared/therapy/vocabulary';
import { queryKey, useApiMutation, useApiQuery } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { Checkbox } from '../../../ui/Checkbox';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { SubmitButton } from '../../../ui/SubmitButton';

/** The administrator's settings for the trauma-informed soft rules of scheduling. */
export function TherapyRulesScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('therapy.rules.title'));
  const rules = useApiQuery('therapy.rules', {});
  return (
    <>
      <h1>{t('therapy.rules.title')}</h1>
      <p className="lead-text">{t('therapy.rules.intro')}</p>
      {rules.isError ? <FormAlert message={{ key: rules.error.message }} /> : null}
      {rules.data ? <RulesForm initial={rules.data} /> : null}
    </>
  );
}

const FIELDS = [
  'nearTestimony.days',
  'tooManyPerWeek.max',
  'lateForYoungChild.endAfter',
  'lateForYoungChild.underAge',
] as const;

function RulesForm({ initial }: { initial: TherapyRules }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(0);
  const { form, register, errors, formError, showError, submit } = useApiForm({
    schema: therapyRulesSchema,
    defaultValues: initial,
    fields: FIELDS,
    validateOnLeave: true,
  });
  const save = useApiMutation('therapy.saveRules', {
    onSuccess: (next) => {
      queryClient.setQueryData(queryKey('therapy.rules', {}), next);
      form.reset(next);
      setSaved((n) => n + 1);
    },
    onError: showError,
  });
  const onSubmit = submit((values) => save.mutate(values));
  const number = { valueAsNumber: true } as const;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="form panel"
      aria-label={t('therapy.rules.title')}
    >
      <FormAlert message={formError} />
      <fieldset className="fieldset">
        <legend>{t('therapy.rules.nearTestimony')}</legend>
        <Checkbox label={t('therapy.rules.enabled')} {...register('nearTestimony.enabled')} />
        <Field label={t('therapy.rules.days')} error={errors.nearTestimony?.days}>
          {(a) => (
            <input
              {...a}
              {...register('nearTestimony.days', number)}
              type="number"
              min={0}
              max={14}
              className="input-short"
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('therapy.rules.tooManyPerWeek')}</legend>
        <Checkbox label={t('therapy.rules.enabled')} {...register('tooManyPerWeek.enabled')} />
        <Field label={t('therapy.rules.max')} error={errors.tooManyPerWeek?.max}>
          {(a) => (
            <input
              {...a}
              {...register('tooManyPerWeek.max', number)}
              type="number"
              min={1}
              max={14}
              className="input-short"
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('therapy.rules.therapistChange')}</legend>
        <Checkbox label={t('therapy.rules.enabled')} {...register('therapistChange.enabled')} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('therapy.rules.lateForYoungChild')}</legend>
        <Checkbox label={t('therapy.rules.enabled')} {...register('lateForYoungChild.enabled')} />
        <div className="field-row">
          <Field label={t('therapy.rules.endAfter')} error={errors.lateForYoungChild?.endAfter}>
            {(a) => <input {...a} {...register('lateForYoungChild.endAfter')} type="time" />}
          </Field>
          <Field label={t('therapy.rules.underAge')} error={errors.lateForYoungChild?.underAge}>
            {(a) => (
              <input
                {...a}
                {...register('lateForYoungChild.underAge', number)}
                type="number"
                min={1}
                max={18}
                className="input-short"
              />
            )}
          </Field>
        </div>
      </fieldset>
      <StatusMessage version={saved}>{saved ? t('therapy.rules.saved') : null}</StatusMessage>
      <SubmitButton pending={save.isPending} pendingText={t('common.working')}>
        {t('therapy.rules.save')}
      </SubmitButton>
    </form>
  );
}
