// The administrator's clinical-records policy: whose notes therapists read, whether coordinators
// see outcome totals, which norm bands each instrument, and importing an instrument definition.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { THERAPIST_NOTE_ACCESS, type ClinicalPolicy } from '../../../../shared/therapy/notes';
import { isApiError } from '../../../api/client';
import { queryKey, useApiMutation, useApiQuery } from '../../../api/queries';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import type { FormMessage } from '../../../forms/useServerErrors';

function PolicyForm({ policy }: { policy: ClinicalPolicy }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const instruments = useApiQuery('measures.instruments', {});
  const [draft, setDraft] = useState(policy);
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const save = useApiMutation('notes.setPolicy');
  useEffect(() => setDraft(policy), [policy]);
  const withChoices = (instruments.data ?? []).filter((i) => i.norms.length > 1);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(draft, {
          onSuccess: (next) => {
            queryClient.setQueryData(queryKey('notes.policy', {}), next);
            setFormError(null);
            setStatus(t('therapy.notes.policy.saved'));
          },
          onError: (e) => setFormError({ key: isApiError(e) ? e.message : 'internal' }),
        });
      }}
    >
      <FormAlert message={formError} />
      <StatusMessage>{status}</StatusMessage>
      <fieldset>
        <legend>{t('therapy.notes.policy.access')}</legend>
        {THERAPIST_NOTE_ACCESS.map((value) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="therapistNoteAccess"
              checked={draft.therapistNoteAccess === value}
              onChange={() => setDraft({ ...draft, therapistNoteAccess: value })}
            />
            {t(`therapy.notes.policy.accessOptions.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.coordinatorsSeeScoreTotals}
          onChange={(e) => setDraft({ ...draft, coordinatorsSeeScoreTotals: e.target.checked })}
        />
        {t('therapy.notes.policy.coordinatorTotals')}
      </label>
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
              value={draft.normChoices[instrument.code] ?? instrument.norms[0]!.key}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  normChoices: { ...draft.normChoices, [instrument.code]: e.target.value },
                })
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
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t('therapy.notes.policy.save')}
        </button>
      </div>
    </form>
  );
}

function ImportInstrument() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const importing = useApiMutation('measures.importInstrument');
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        importing.mutate(
          { definition: text },
          {
            onSuccess: (instrument) => {
              void queryClient.invalidateQueries({
                queryKey: queryKey('measures.instruments', {}),
              });
              setText('');
              setError(undefined);
              setFormError(null);
              setStatus(
                t('therapy.measures.imported', {
                  name: instrument.name,
                  version: instrument.version,
                }),
              );
            },
            onError: (e) => {
              setError(isApiError(e) ? e.fields.definition : undefined);
              setFormError({ key: isApiError(e) ? e.message : 'internal' });
            },
          },
        );
      }}
    >
      <h2>{t('therapy.measures.importHeading')}</h2>
      <FormAlert message={formError} />
      <StatusMessage>{status}</StatusMessage>
      <Field
        label={t('therapy.measures.importLabel')}
        hint={t('therapy.measures.importHelp')}
        error={error ? { message: error } : undefined}
      >
        {(a) => (
          <textarea
            {...a}
            rows={10}
            value={text}
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={importing.isPending}>
          {t('therapy.measures.import')}
        </button>
      </div>
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
