// The administrator's clinical-records policy: whose notes therapists read, whether coordinators
// see outcome totals, which norm bands each instrument, and importing an instrument definition.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { measuresProcedures } from '../../../../shared/therapy/measures';
import {
  clinicalPolicySchema,
  THERAPIST_NOTE_ACCESS,
  type ClinicalPolicy,
} from '../../../../shared/therapy/notes';
import { queryKey, useApiMutation, useApiQuery } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { Checkbox } from '../../../ui/Checkbox';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { SubmitButton } from '../../../ui/SubmitButton';

function PolicyForm({ policy }: { policy: ClinicalPolicy }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const instruments = useApiQuery('measures.instruments', {});
  const [status, setStatus] = useState<string | null>(null);
  // Radios, a checkbox and selects: nothing to type wrong, so a refusal goes to the alert.
  const { form, register, formError, showError, submit } = useApiForm({
    schema: clinicalPolicySchema,
    defaultValues: policy,
    fields: [],
  });
  const save = useApiMutation('notes.setPolicy', {
    onSuccess: (next) => {
      queryClient.setQueryData(queryKey('notes.policy', {}), next);
      form.reset(next);
      setStatus(t('therapy.notes.policy.saved'));
    },
    onError: showError,
  });
  const withChoices = (instruments.data ?? []).filter((i) => i.norms.length > 1);
  return (
    <form
      className="form panel"
      noValidate
      onSubmit={submit((values) => {
        setStatus(null);
        save.mutate(values);
      })}
    >
      <FormAlert message={formError} />
      <StatusMessage>{status}</StatusMessage>
      <fieldset>
        <legend>{t('therapy.notes.policy.access')}</legend>
        {THERAPIST_NOTE_ACCESS.map((value) => (
          <label key={value} className="radio">
            <input type="radio" value={value} {...register('therapistNoteAccess')} />
            {t(`therapy.notes.policy.accessOptions.${value}`)}
          </label>
        ))}
      </fieldset>
      <Checkbox
        label={t('therapy.notes.policy.coordinatorTotals')}
        {...register('coordinatorsSeeScoreTotals')}
      />
      {/* Instrument codes may hold dots, so the choices are one value, not a field per code. */}
      <Controller
        control={form.control}
        name="normChoices"
        render={({ field }) => (
          <>
            {withChoices.map((instrument) => (
              <Field
                key={`${instrument.code}@${instrument.version}`}
                label={t('therapy.notes.policy.norm', {
                  name: instrument.name,
                  version: instrument.version,
                })}
              >
                {(a) => (
                  <select
                    {...a}
                    value={field.value[instrument.code] ?? instrument.norms[0]!.key}
                    onChange={(e) =>
                      field.onChange({ ...field.value, [instrument.code]: e.target.value })
                    }
                  >
                    {instrument.norms.map((n) => (
                      <option key={n.key} value={n.key}>
                        {n.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </>
        )}
      />
      <SubmitButton pending={save.isPending} pendingText={t('common.working')}>
        {t('therapy.notes.policy.save')}
      </SubmitButton>
    </form>
  );
}

function ImportInstrument() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const { form, register, errors, formError, showError, submit } = useApiForm({
    schema: measuresProcedures['measures.importInstrument'].input,
    defaultValues: { definition: '' },
    fields: ['definition'],
  });
  const importing = useApiMutation('measures.importInstrument', {
    stale: () => ['measures.instruments'],
    onSuccess: (instrument) => {
      form.reset({ definition: '' });
      setStatus(
        t('therapy.measures.imported', { name: instrument.name, version: instrument.version }),
      );
    },
    onError: showError,
  });
  return (
    <form
      className="form panel"
      noValidate
      onSubmit={submit((values) => {
        setStatus(null);
        importing.mutate(values);
      })}
    >
      <h2>{t('therapy.measures.importHeading')}</h2>
      <FormAlert message={formError} />
      <StatusMessage>{status}</StatusMessage>
      <Field
        label={t('therapy.measures.importLabel')}
        hint={t('therapy.measures.importHelp')}
        error={errors.definition}
      >
        {(a) => <textarea {...a} rows={10} spellCheck={false} {...register('definition')} />}
      </Field>
      <SubmitButton pending={importing.isPending} pendingText={t('common.working')}>
        {t('therapy.measures.import')}
      </SubmitButton>
    </form>
  );
}

export function ClinicalPolicyScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('therapy.notes.policy.title'));
  const policy = useApiQuery('notes.policy', {});
  return (
    <div className="screen">
      <h1>{t('therapy.notes.policy.title')}</h1>
      {policy.data ? <PolicyForm policy={policy.data} /> : <p>{t('therapy.notes.loading')}</p>}
      <ImportInstrument />
    </div>
  );
}
