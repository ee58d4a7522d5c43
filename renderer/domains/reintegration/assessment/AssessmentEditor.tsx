// The draft (or returned) assessment: home visits, who was interviewed, each domain's items on
// the instrument's scale with its evidence notes, the child's voice and the recommendation. Every
// change is autosaved; Submit saves first, then names every missing part at its field.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureInput } from '../../../../shared/contract';
import type { Assessment } from '../../../../shared/reintegration/contract';
import {
  NOT_KNOWN,
  type Answer,
  type ReintegrationInstrument,
} from '../../../../shared/reintegration/instruments';
import { RECOMMENDATIONS, type Recommendation } from '../../../../shared/reintegration/vocabulary';
import { todayIn } from '../../../../shared/time';
import { formatCalendarDate } from '../../../i18n/format';
import { isApiError } from '../../../api/client';
import { invalidate, useApiMutation } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import type { FormMessage } from '../../../forms/useServerErrors';
import { ChoiceOptions } from '../../../ui/ChoiceOptions';
import { Field } from '../../../ui/Field';
import { FormAlert } from '../../../ui/FormAlert';
import { SubmitButton } from '../../../ui/SubmitButton';
import { AutosaveStatus } from '../../../ui/AutosaveStatus';
import { useAutosave } from '../../../forms/useAutosave';
import { useApi } from '../../../api/ApiContext';
import { recommendationText } from '../labels';
import { reintegrationStale } from '../stale';
import { PlanFields } from './PlanFields';

const answerValue = (answer: Answer | undefined) => (answer === undefined ? '' : String(answer));
const parseAnswer = (value: string): Answer | undefined =>
  value === '' ? undefined : value === NOT_KNOWN ? NOT_KNOWN : Number(value);

export function AssessmentEditor({
  assessment,
  instrument,
  onSubmitted,
}: {
  assessment: Assessment;
  instrument: ReintegrationInstrument;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const api = useApi();
  const queryClient = useQueryClient();
  const autosave = useAutosave(async (draft: ProcedureInput<'reintegration.save'>) => {
    await api.call('reintegration.save', draft);
    // The result above the form (scores, "not safe" and why) follows each saved rating.
    await invalidate(queryClient, [['reintegration.list', { childId: assessment.childId }]]);
  });
  const submit = useApiMutation('reintegration.submit', { stale: reintegrationStale });
  const [visitDates, setVisitDates] = useState(assessment.visitDates);
  const [newVisit, setNewVisit] = useState('');
  const [interviewed, setInterviewed] = useState(assessment.interviewed);
  const [answers, setAnswers] = useState(assessment.answers);
  const [evidence, setEvidence] = useState(assessment.evidence);
  const [consulted, setConsulted] = useState(assessment.childVoice.consulted);
  const [how, setHow] = useState(assessment.childVoice.how);
  const [whyNot, setWhyNot] = useState(assessment.childVoice.whyNot);
  const [wishes, setWishes] = useState(assessment.childVoice.wishes);
  const [recommendation, setRecommendation] = useState(assessment.recommendation);
  const [plan, setPlan] = useState(assessment.plan);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<FormMessage | null>(null);

  const draft = () => ({
    id: assessment.id,
    childId: assessment.childId,
    instrumentCode: assessment.instrumentCode,
    instrumentVersion: assessment.instrumentVersion,
    household: assessment.household,
    visitDates,
    interviewed,
    answers,
    evidence,
    childConsulted: consulted,
    consultedHow: how,
    notConsultedWhy: whyNot,
    childWishes: wishes,
    recommendation,
    plan,
  });
  /** Applies a change to the form and schedules the autosave of the whole draft. */
  const change = (next: Partial<ReturnType<typeof draft>>) => {
    if (next.visitDates) setVisitDates(next.visitDates);
    if (next.interviewed !== undefined) setInterviewed(next.interviewed);
    if (next.answers) setAnswers(next.answers);
    if (next.evidence) setEvidence(next.evidence);
    if (next.childConsulted !== undefined) setConsulted(next.childConsulted);
    if (next.consultedHow !== undefined) setHow(next.consultedHow);
    if (next.notConsultedWhy !== undefined) setWhyNot(next.notConsultedWhy);
    if (next.childWishes !== undefined) setWishes(next.childWishes);
    if (next.recommendation !== undefined) setRecommendation(next.recommendation);
    if (next.plan) setPlan(next.plan);
    autosave.schedule({ ...draft(), ...next });
  };
  const errorOf = (path: string) =>
    fieldErrors[path] ??
    (autosave.state.kind === 'failed' ? autosave.state.fields[path] : undefined);
  const error = (path: string) => {
    const key = errorOf(path);
    return key ? { message: key } : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    autosave.schedule(draft());
    if (!(await autosave.flush())) return;
    submit.mutate(
      { id: assessment.id },
      {
        onSuccess: onSubmitted,
        onError: (e) => {
          setFieldErrors(isApiError(e) ? e.fields : {});
          setFormError({ key: isApiError(e) ? e.message : 'internal' });
        },
      },
    );
  };

  return (
    <form className="form assessment-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <AutosaveStatus
        state={autosave.state}
        texts={{
          saving: t('reintegration.form.autosave.saving'),
          saved: (time) => t('reintegration.form.autosave.saved', { time }),
          failed: (reason) => t('reintegration.form.autosave.failed', { reason }),
        }}
      />
      <FormAlert message={formError} />
      <fieldset>
        <legend>{t('reintegration.form.visits')}</legend>
        {visitDates.length === 0 ? (
          <p className="muted">{t('reintegration.form.noVisits')}</p>
        ) : (
          <ul>
            {visitDates.map((date) => (
              <li key={date}>
                {formatCalendarDate(date)}{' '}
                <button
                  type="button"
                  aria-label={t('reintegration.form.removeVisit', {
                    date: formatCalendarDate(date),
                  })}
                  onClick={() => change({ visitDates: visitDates.filter((d) => d !== date) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <Field label={t('reintegration.form.visitDate')} error={error('visitDates')}>
          {(a) => (
            <input
              {...a}
              type="date"
              max={todayIn(settings.timeZone)}
              value={newVisit}
              onChange={(e) => setNewVisit(e.target.value)}
            />
          )}
        </Field>
        <button
          type="button"
          onClick={() => {
            if (!newVisit || visitDates.includes(newVisit)) return;
            change({ visitDates: [...visitDates, newVisit].sort() });
            setNewVisit('');
          }}
        >
          {t('reintegration.form.addVisit')}
        </button>
      </fieldset>
      <Field label={t('reintegration.form.interviewed')} error={error('interviewed')}>
        {(a) => (
          <textarea
            {...a}
            rows={2}
            value={interviewed}
            onChange={(e) => change({ interviewed: e.target.value })}
          />
        )}
      </Field>
      {instrument.domains.map((domain) => (
        <fieldset key={domain.key}>
          <legend>{domain.label}</legend>
          {domain.items.map((item) => (
            <Field
              key={item.key}
              label={item.label}
              hint={item.guidance}
              error={error(`answers.${item.key}`)}
            >
              {(a) => (
                <select
                  {...a}
                  value={answerValue(answers[item.key])}
                  onChange={(e) => {
                    const { [item.key]: _old, ...rest } = answers;
                    const value = parseAnswer(e.target.value);
                    change({
                      answers: value === undefined ? rest : { ...rest, [item.key]: value },
                    });
                  }}
                >
                  <option value="">{t('reintegration.form.notRated')}</option>
                  {instrument.scale.map((point) => (
                    <option key={point.value} value={String(point.value)}>
                      {t('reintegration.form.scalePoint', {
                        value: point.value,
                        label: point.label,
                      })}
                    </option>
                  ))}
                  {item.notKnownAllowed ? (
                    <option value={NOT_KNOWN}>{t('reintegration.form.notKnown')}</option>
                  ) : null}
                </select>
              )}
            </Field>
          ))}
          <Field
            label={t('reintegration.form.evidence', { domain: domain.label })}
            error={error(`evidence.${domain.key}`)}
          >
            {(a) => (
              <textarea
                {...a}
                rows={3}
                value={evidence[domain.key] ?? ''}
                onChange={(e) =>
                  change({ evidence: { ...evidence, [domain.key]: e.target.value } })
                }
              />
            )}
          </Field>
        </fieldset>
      ))}
      <fieldset>
        <legend>{t('reintegration.form.voice')}</legend>
        <Field label={t('reintegration.form.consulted')} error={error('childConsulted')}>
          {(a) => (
            <select
              {...a}
              value={consulted === null ? '' : consulted ? 'yes' : 'no'}
              onChange={(e) =>
                change({ childConsulted: e.target.value === '' ? null : e.target.value === 'yes' })
              }
            >
              <ChoiceOptions
                values={['yes', 'no'] as const}
                label={(v) =>
                  v === 'yes'
                    ? t('reintegration.form.consultedYes')
                    : t('reintegration.form.consultedNo')
                }
              />
            </select>
          )}
        </Field>
        {consulted === false ? (
          <Field label={t('reintegration.form.notConsultedWhy')} error={error('notConsultedWhy')}>
            {(a) => (
              <textarea
                {...a}
                rows={2}
                value={whyNot}
                onChange={(e) => change({ notConsultedWhy: e.target.value })}
              />
            )}
          </Field>
        ) : (
          <>
            <Field label={t('reintegration.form.consultedHow')} error={error('consultedHow')}>
              {(a) => (
                <textarea
                  {...a}
                  rows={2}
                  value={how}
                  onChange={(e) => change({ consultedHow: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('reintegration.form.wishes')} error={error('childWishes')}>
              {(a) => (
                <textarea
                  {...a}
                  rows={3}
                  value={wishes}
                  onChange={(e) => change({ childWishes: e.target.value })}
                />
              )}
            </Field>
          </>
        )}
      </fieldset>
      <Field label={t('reintegration.form.recommendation')} error={error('recommendation')}>
        {(a) => (
          <select
            {...a}
            value={recommendation ?? ''}
            onChange={(e) =>
              change({ recommendation: (e.target.value || null) as Recommendation | null })
            }
          >
            <ChoiceOptions values={RECOMMENDATIONS} label={(r) => recommendationText(t, r)} />
          </select>
        )}
      </Field>
      {instrument.kind === 'readiness' ? (
        <PlanFields plan={plan} onChange={(next) => change({ plan: next })} error={error} />
      ) : null}
      <SubmitButton pending={submit.isPending} pendingText={t('common.working')}>
        {t('reintegration.form.submit')}
      </SubmitButton>
    </form>
  );
}
