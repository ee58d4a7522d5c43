// Entering one administration: the instrument (latest version of each), the date, who answered
// and who gave it, then each subscale's sum. A score outside its subscale's range is refused at
// its field as it is typed; the backend checks the same again.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  scoreEntrySchema,
  scoreProblems,
  subscaleRange,
  type Instrument,
  type SubscaleScores,
} from '../../../../shared/therapy/measures';
import { todayIn } from '../../../../shared/time';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { alwaysCheck } from '../../../forms/schema';
import { useApiForm } from '../../../forms/useApiForm';
import { Field } from '../../../ui/Field';
import { FormAlert } from '../../../ui/FormAlert';
import { DialogFormActions } from '../../../ui/DialogActions';
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

/** The scores typed so far as numbers; a blank box is no score. */
function typedScores(typed: Record<string, string> | undefined): SubscaleScores {
  return Object.fromEntries(
    Object.entries(typed ?? {})
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, Number(v)]),
  );
}

const entry = scoreEntrySchema.shape;

/**
 * The form's values checked by the contract's own rules and the chosen instrument's ranges
 * (every problem at once, so each field says what is wrong), then turned into `measures.record`.
 */
function scoreFormSchema(childId: string, choices: readonly Instrument[]) {
  return z
    .object({
      instrumentCode: z.string().min(1),
      administeredOn: z.string().min(1).pipe(entry.administeredOn),
      informant: z.string().pipe(entry.informant),
      administeredBy: entry.administeredBy,
      scores: z.record(z.string(), z.string()),
    })
    .superRefine((values, ctx) => {
      const instrument = choices.find((i) => i.code === values.instrumentCode);
      if (!instrument) return;
      const problems = scoreProblems(instrument, typedScores(values.scores));
      for (const [key, message] of Object.entries(problems)) {
        ctx.addIssue({ code: 'custom', path: ['scores', key], message });
      }
    }, alwaysCheck)
    .transform((values) => {
      const instrument = choices.find((i) => i.code === values.instrumentCode)!;
      return {
        childId,
        instrumentCode: instrument.code,
        instrumentVersion: instrument.version,
        administeredOn: values.administeredOn,
        informant: values.informant,
        administeredBy: values.administeredBy,
        scores: typedScores(values.scores),
      };
    });
}

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
  const instruments = useApiQuery('measures.instruments', {});
  const choices = useMemo(() => latestVersions(instruments.data ?? []), [instruments.data]);
  // The form's resolver follows the schema as the instruments arrive.
  const schema = useMemo(() => scoreFormSchema(childId, choices), [childId, choices]);
  const { form, register, errors, formError, showError, submit } = useApiForm({
    schema,
    defaultValues: {
      instrumentCode: '',
      administeredOn: todayIn(session.settings.timeZone),
      informant: '',
      administeredBy: session.displayName,
      scores: {},
    },
    fields: [
      'instrumentCode',
      'administeredOn',
      'informant',
      'administeredBy',
      ...choices.flatMap((i) => i.subscales.map((s) => `scores.${s.key}` as const)),
    ],
  });
  const save = useApiMutation('measures.record', {
    stale: () => [['measures.history', { childId }]],
    onSuccess: onSaved,
    onError: showError,
  });
  const instrument = choices.find((i) => i.code === form.watch('instrumentCode')) ?? null;
  // A range problem shows as soon as it is typed; a blank box is named only at Save.
  const live = instrument ? scoreProblems(instrument, typedScores(form.watch('scores'))) : {};
  const scoreError = (key: string) => {
    const shown = errors.scores?.[key];
    if (shown) return shown;
    const problem = live[key];
    return problem && problem !== 'required' ? { message: problem } : undefined;
  };

  return (
    <form className="form score-entry" noValidate onSubmit={submit((input) => save.mutate(input))}>
      <h3>{t('therapy.measures.entryHeading')}</h3>
      <FormAlert message={formError} />
      <Field label={t('therapy.measures.instrument')} error={errors.instrumentCode}>
        {(a) => (
          <select
            {...a}
            {...register('instrumentCode', {
              // Another instrument has other subscales and informants: start those afresh.
              onChange: () => {
                form.setValue('scores', {});
                form.setValue('informant', '');
              },
            })}
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
      <Field label={t('therapy.measures.date')} error={errors.administeredOn}>
        {(a) => <input {...a} type="date" {...register('administeredOn')} />}
      </Field>
      <Field label={t('therapy.measures.informant')} error={errors.informant}>
        {(a) => (
          <select {...a} {...register('informant')}>
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
        error={errors.administeredBy}
      >
        {(a) => <input {...a} maxLength={100} autoComplete="off" {...register('administeredBy')} />}
      </Field>
      {instrument ? (
        <fieldset className="score-fields">
          <legend>{t('therapy.measures.subscales')}</legend>
          {instrument.subscales.map((s) => {
            const range = subscaleRange(s);
            return (
              <Field
                key={`${instrument.code}.${s.key}`}
                label={s.label}
                hint={t('therapy.measures.range', {
                  min: range.min,
                  max: range.max,
                  items: s.items,
                })}
                error={scoreError(s.key)}
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
                    {...register(`scores.${s.key}`)}
                  />
                )}
              </Field>
            );
          })}
        </fieldset>
      ) : null}
      <DialogFormActions
        onCancel={onCancel}
        pending={save.isPending}
        submitLabel={t('therapy.measures.save')}
      />
    </form>
  );
}
