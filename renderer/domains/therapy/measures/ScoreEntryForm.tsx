// Entering one administration: the instrument (latest version of each), the date, who answered
// and who gave it, then each subscale's sum. A score outside its subscale's range is refused at
// its field as it is typed; the backend checks the same again.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  scoreProblems,
  subscaleRange,
  type Informant,
  type Instrument,
} from '../../../../shared/therapy/measures';
import { todayIn } from '../../../../shared/time';
import { isApiError } from '../../../api/client';
import { queryKey, useApiMutation, useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import { FormAlert } from '../../../ui/FormAlert';
import type { FormMessage } from '../../../forms/useServerErrors';
import { informantText } from './labels';

/** The newest version of each instrument: what new scores use. */
function latestVersions(instruments: Instrument[]): Instrument[] {
  const latest = new Map<string, Instrument>();
  for (const i of instruments) {
    const seen = latest.get(i.code);
    if (!seen || seen.version < i.version) latest.set(i.code, i);
  }
  return [...latest.values()];
}

const err = (message: string | undefined) => (message ? { message } : undefined);

export function ScoreEntryForm({
  childId,
  onCancel,
  onSaved,
}: {
  childId: string;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const instruments = useApiQuery('measures.instruments', {});
  const choices = useMemo(() => latestVersions(instruments.data ?? []), [instruments.data]);
  const [code, setCode] = useState('');
  const instrument = choices.find((i) => i.code === code) ?? null;
  const [date, setDate] = useState(() => todayIn(session.settings.timeZone));
  const [informant, setInformant] = useState<Informant | ''>('');
  const [administeredBy, setAdministeredBy] = useState(session.displayName);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const save = useApiMutation('measures.record');

  const numbers = Object.fromEntries(
    Object.entries(typed)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, Number(v)]),
  );
  const problems = instrument ? scoreProblems(instrument, numbers) : {};
  /** A range problem shows as soon as it is typed; a blank one only after Save. */
  const scoreError = (key: string) =>
    serverErrors[`scores.${key}`] ??
    (problems[key] && (problems[key] !== 'required' || submitted) ? problems[key] : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setServerErrors({});
    const missing: Record<string, string> = {};
    if (!instrument) missing.instrumentCode = 'required';
    if (!informant) missing.informant = 'required';
    if (!date) missing.administeredOn = 'required';
    if (!administeredBy.trim()) missing.administeredBy = 'required';
    if (
      Object.keys(missing).length > 0 ||
      Object.keys(problems).length > 0 ||
      !instrument ||
      !informant
    ) {
      setServerErrors(missing);
      setFormError({ key: 'validation' });
      return;
    }
    save.mutate(
      {
        childId,
        instrumentCode: instrument.code,
        instrumentVersion: instrument.version,
        administeredOn: date,
        informant,
        administeredBy,
        scores: numbers,
      },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries({
            queryKey: queryKey('measures.history', { childId }),
          });
          onSaved();
        },
        onError: (error) => {
          setServerErrors(isApiError(error) ? error.fields : {});
          setFormError({ key: isApiError(error) ? error.message : 'internal' });
        },
      },
    );
  };

  return (
    <form className="form score-entry" onSubmit={submit} noValidate>
      <h3>{t('therapy.measures.entryHeading')}</h3>
      <FormAlert message={formError} />
      <Field label={t('therapy.measures.instrument')} error={err(serverErrors.instrumentCode)}>
        {(a) => (
          <select
            {...a}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setTyped({});
              setInformant('');
            }}
          >
            <option value="">{t('therapy.measures.choose')}</option>
            {choices.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('therapy.measures.date')} error={err(serverErrors.administeredOn)}>
        {(a) => <input {...a} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field label={t('therapy.measures.informant')} error={err(serverErrors.informant)}>
        {(a) => (
          <select
            {...a}
            value={informant}
            onChange={(e) => setInformant(e.target.value as Informant | '')}
          >
            <option value="">{t('therapy.measures.choose')}</option>
            {(instrument?.informants ?? []).map((i) => (
              <option key={i} value={i}>
                {informantText(t, i)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('therapy.measures.administeredBy')}
        hint={t('therapy.measures.administeredByHelp')}
        error={err(serverErrors.administeredBy)}
      >
        {(a) => (
          <input
            {...a}
            value={administeredBy}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => setAdministeredBy(e.target.value)}
          />
        )}
      </Field>
      {instrument ? (
        <fieldset className="score-fields">
          <legend>{t('therapy.measures.subscales')}</legend>
          {instrument.subscales.map((s) => {
            const range = subscaleRange(s);
            return (
              <Field
                key={s.key}
                label={s.label}
                hint={t('therapy.measures.range', {
                  min: range.min,
                  max: range.max,
                  items: s.items,
                })}
                error={err(scoreError(s.key))}
              >
                {(a) => (
                  <input
                    {...a}
                    type="number"
                    inputMode="numeric"
                    min={range.min}
                    max={range.max}
                    step={1}
                    className="input-short"
                    value={typed[s.key] ?? ''}
                    onChange={(e) => setTyped({ ...typed, [s.key]: e.target.value })}
                  />
                )}
              </Field>
            );
          })}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {t('therapy.measures.cancel')}
        </button>
        <button type="submit" disabled={save.isPending}>
          {t('therapy.measures.save')}
        </button>
      </div>
    </form>
  );
}
