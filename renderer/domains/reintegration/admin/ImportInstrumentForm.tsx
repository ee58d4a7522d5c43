// Importing an organisation's instrument definition: chosen as a JSON file (read in the page,
// never by path) or pasted. A refused definition is named at the field, with the place in the
// file where the first problem is; the typed or loaded text stays.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reintegrationProcedures } from '../../../../shared/reintegration/contract';
import { isApiError } from '../../../api/client';
import { queryKey, useApiMutation } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';

const importSchema = reintegrationProcedures['reintegration.importInstrument'].input;

/** A chosen file's text, read in the page (FileReader works in every engine Aruga runs in). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsText(file);
  });
}

export function ImportInstrumentForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [problemPath, setProblemPath] = useState<string | null>(null);
  const { form, register, errors, formError, showError, submit } = useApiForm({
    schema: importSchema,
    defaultValues: { definition: '' },
    fields: ['definition'],
  });
  const importing = useApiMutation('reintegration.importInstrument', {
    onSuccess: (instrument) => {
      void queryClient.invalidateQueries({ queryKey: queryKey('reintegration.instruments', {}) });
      form.reset({ definition: '' });
      setStatus(
        t('reintegration.admin.import.done', {
          name: instrument.name,
          code: instrument.code,
          version: instrument.version,
        }),
      );
    },
    onError: (error) => {
      const path = isApiError(error) ? error.details.path : null;
      setProblemPath(typeof path === 'string' && path ? path : null);
      showError(error);
    },
  });
  return (
    <form
      className="form panel"
      noValidate
      aria-labelledby="instrument-import-heading"
      onSubmit={submit((values) => {
        setStatus(null);
        setProblemPath(null);
        importing.mutate(values);
      })}
    >
      <h2 id="instrument-import-heading">{t('reintegration.admin.import.heading')}</h2>
      <FormAlert message={formError} />
      <StatusMessage>{status}</StatusMessage>
      <Field label={t('reintegration.admin.import.file')}>
        {(a) => (
          <input
            {...a}
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              void readText(file).then(
                (text) => form.setValue('definition', text),
                () => form.setError('definition', { message: 'reintegration.notJson' }),
              );
            }}
          />
        )}
      </Field>
      <Field
        label={t('reintegration.admin.import.definition')}
        hint={
          problemPath
            ? t('reintegration.admin.import.problemAt', { path: problemPath })
            : t('reintegration.admin.import.hint')
        }
        error={errors.definition}
      >
        {(a) => <textarea {...a} rows={12} spellCheck={false} {...register('definition')} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={importing.isPending}>
          {t('reintegration.admin.import.submit')}
        </button>
      </div>
    </form>
  );
}
