import { useTranslation } from 'react-i18next';
import { therapyRulesSchema } from '../../../../shared/therapy/contract';
import type { TherapyRules } from '../../../../shared/therapy/vocabulary';
import { queryKey, useApiMutation, useApiQuery } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { Checkbox } from '../../../ui/Checkbox';
import { Field } from '../../../ui/Field';
import { SettingForm, SettingScreen, useSavedSetting } from '../../../ui/SettingForm';

/** The administrator's settings for the trauma-informed soft rules of scheduling. */
export function TherapyRulesScreen() {
  const { t } = useTranslation();
  const setting = useApiQuery('therapy.rules', {});
  return (
    <SettingScreen
      title={t('therapy.rules.title')}
      intro={t('therapy.rules.intro')}
      setting={setting}
    >
      {(rules) => <RulesForm initial={rules} />}
    </SettingScreen>
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
  const { form, register, errors, formError, showError, submit } = useApiForm({
    schema: therapyRulesSchema,
    defaultValues: initial,
    fields: FIELDS,
    validateOnLeave: true,
  });
  const { saved, onSaved } = useSavedSetting(queryKey('therapy.rules', {}), (next: TherapyRules) =>
    form.reset(next),
  );
  const save = useApiMutation('therapy.saveRules', { onSuccess: onSaved, onError: showError });
  const number = { valueAsNumber: true } as const;
  return (
    <SettingForm
      label={t('therapy.rules.title')}
      onSubmit={submit((values) => save.mutate(values))}
      formError={formError}
      saved={saved}
      savedText={t('therapy.rules.saved')}
      pending={save.isPending}
      saveLabel={t('therapy.rules.save')}
    >
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
    </SettingForm>
  );
}
