import { useTranslation } from 'react-i18next';
import type { TherapyPlan } from '../../../../shared/therapy/contract';
import { formatCalendarDate } from '../../../i18n/format';
import {
  componentText,
  frequencyText,
  genderText,
  modalityText,
  planStatusText,
  progressText,
  timeOfDayText,
} from '../labels';

/** The course's progress in one line, e.g. "Phase 2 — trauma narrative, session 7 of 14". */
export function PlanProgressLine({ plan }: { plan: TherapyPlan }) {
  const { t } = useTranslation();
  return <p className="plan-progress">{progressText(t, plan.progress)}</p>;
}

/** A plan as everyone who may see it reads it: no clinical note content is part of a plan. */
export function PlanSummary({ plan }: { plan: TherapyPlan }) {
  const { t } = useTranslation();
  const { preferences } = plan;
  const frequency =
    plan.frequency === 'custom' && plan.customFrequency
      ? t('therapy.plan.customFrequencyText', { text: plan.customFrequency })
      : frequencyText(t, plan.frequency);
  return (
    <>
      <PlanProgressLine plan={plan} />
      <dl className="details">
        <dt>{t('therapy.plan.modalityLabel')}</dt>
        <dd>{modalityText(t, plan.modality)}</dd>
        <dt>{t('therapy.plan.therapist')}</dt>
        <dd>{plan.therapist.displayName}</dd>
        <dt>{t('therapy.plan.statusLabel')}</dt>
        <dd>{planStatusText(t, plan.status)}</dd>
        <dt>{t('therapy.plan.frequencyLabel')}</dt>
        <dd>{frequency}</dd>
        <dt>{t('therapy.plan.sessionMinutes')}</dt>
        <dd>{t('therapy.plan.minutes', { count: plan.sessionMinutes })}</dd>
        <dt>{t('therapy.plan.plannedSessions')}</dt>
        <dd>{plan.plannedSessions}</dd>
        <dt>{t('therapy.plan.startedOn')}</dt>
        <dd>{formatCalendarDate(plan.startedOn)}</dd>
        <dt>{t('therapy.plan.preferences')}</dt>
        <dd>
          {t('therapy.plan.preferencesText', {
            gender: genderText(t, preferences.therapistGender),
            language: preferences.language ?? t('therapy.plan.anyLanguage'),
            time: timeOfDayText(t, preferences.timeOfDay),
          })}
        </dd>
        <dt>{t('therapy.plan.goals')}</dt>
        <dd className="cell-text">{plan.goals}</dd>
        {plan.modality === 'tf_cbt' ? (
          <>
            <dt>{t('therapy.plan.covered')}</dt>
            <dd>
              {plan.progress.covered.length
                ? plan.progress.covered.map((c) => componentText(t, c)).join(', ')
                : t('therapy.plan.noneCovered')}
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
