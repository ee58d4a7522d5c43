// The recommendation's reintegration plan: each stage's date, status and who is responsible, the
// services arranged for after the return, and the people responsible for the plan. Edited with
// the rest of the draft (autosaved), and shown as recorded once the assessment is submitted.
import { useTranslation } from 'react-i18next';
import type { ReintegrationPlan } from '../../../../shared/reintegration/contract';
import {
  AFTERCARE_SERVICES,
  PLAN_STAGES,
  STAGE_STATUSES,
  type StageStatus,
} from '../../../../shared/reintegration/vocabulary';
import { formatCalendarDate } from '../../../i18n/format';
import { Field } from '../../../ui/Field';

type FieldError = (path: string) => { message: string } | undefined;

export function PlanFields({
  plan,
  onChange,
  error,
}: {
  plan: ReintegrationPlan;
  onChange: (plan: ReintegrationPlan) => void;
  error: FieldError;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('reintegration.plan.heading')}</legend>
      {PLAN_STAGES.map((stage) => {
        const value = plan.stages[stage];
        const setStage = (next: Partial<typeof value>) =>
          onChange({ ...plan, stages: { ...plan.stages, [stage]: { ...value, ...next } } });
        const name = t(`reintegration.plan.stages.${stage}`);
        return (
          <fieldset key={stage}>
            <legend>{name}</legend>
            <Field
              label={t('reintegration.plan.date', { stage: name })}
              error={error(`plan.stages.${stage}.plannedOn`)}
            >
              {(a) => (
                <input
                  {...a}
                  type="date"
                  value={value.plannedOn ?? ''}
                  onChange={(e) => setStage({ plannedOn: e.target.value || null })}
                />
              )}
            </Field>
            <Field
              label={t('reintegration.plan.status', { stage: name })}
              error={error(`plan.stages.${stage}.status`)}
            >
              {(a) => (
                <select
                  {...a}
                  value={value.status}
                  onChange={(e) => setStage({ status: e.target.value as StageStatus })}
                >
                  {STAGE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`reintegration.plan.stageStatus.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('reintegration.plan.stageResponsible', { stage: name })}
              error={error(`plan.stages.${stage}.responsible`)}
            >
              {(a) => (
                <input
                  {...a}
                  value={value.responsible}
                  onChange={(e) => setStage({ responsible: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
        );
      })}
      {AFTERCARE_SERVICES.map((service) => (
        <Field
          key={service}
          label={t(`reintegration.plan.services.${service}`)}
          error={error(`plan.services.${service}`)}
        >
          {(a) => (
            <textarea
              {...a}
              rows={2}
              value={plan.services[service]}
              onChange={(e) =>
                onChange({ ...plan, services: { ...plan.services, [service]: e.target.value } })
              }
            />
          )}
        </Field>
      ))}
      <Field label={t('reintegration.plan.responsible')} error={error('plan.responsible')}>
        {(a) => (
          <textarea
            {...a}
            rows={2}
            value={plan.responsible}
            onChange={(e) => onChange({ ...plan, responsible: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

export function PlanSummary({ plan }: { plan: ReintegrationPlan }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('reintegration.plan.heading')}</h3>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t('reintegration.plan.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reintegration.plan.columns.stage')}</th>
              <th scope="col">{t('reintegration.plan.columns.date')}</th>
              <th scope="col">{t('reintegration.plan.columns.status')}</th>
              <th scope="col">{t('reintegration.plan.columns.responsible')}</th>
            </tr>
          </thead>
          <tbody>
            {PLAN_STAGES.map((stage) => {
              const value = plan.stages[stage];
              return (
                <tr key={stage}>
                  <th scope="row">{t(`reintegration.plan.stages.${stage}`)}</th>
                  <td>{value.plannedOn ? formatCalendarDate(value.plannedOn) : '—'}</td>
                  <td>{t(`reintegration.plan.stageStatus.${value.status}`)}</td>
                  <td>{value.responsible || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <dl>
        {AFTERCARE_SERVICES.map((service) => (
          <div key={service}>
            <dt>{t(`reintegration.plan.services.${service}`)}</dt>
            <dd>{plan.services[service] || '—'}</dd>
          </div>
        ))}
        <dt>{t('reintegration.plan.responsible')}</dt>
        <dd>{plan.responsible || '—'}</dd>
      </dl>
    </>
  );
}
