import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { FormAlert } from '../../../ui/FormAlert';
import { modalityText } from '../labels';
import { PlanSummary } from '../plan/PlanSummary';
import { canSchedule } from '../roles';
import { SessionTable } from '../session/SessionTable';
import '../therapy.css';

/**
 * The case file's therapy section: the plan, the schedule and attendance, for the case team.
 * Session notes are never part of it (nothing here asks for them).
 */
export function TherapyCaseSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(true);
  const plans = useApiQuery('therapy.plans', { childId });
  const history = useApiQuery('therapy.history', { childId });
  const sessions = history.data ?? [];
  return (
    <section className="panel case-section" aria-labelledby="case-therapy-heading">
      <h2 id="case-therapy-heading" className="disclosure-heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls="case-therapy-body"
          onClick={() => setOpen(!open)}
        >
          {t('therapy.caseFile.heading')}
        </button>
      </h2>
      <div id="case-therapy-body" className="case-section-body" hidden={!open}>
        {plans.isError ? <FormAlert message={{ key: plans.error.message }} /> : null}
        {plans.data && plans.data.length === 0 ? (
          <p className="muted">{t('therapy.plan.none')}</p>
        ) : null}
        {(plans.data ?? []).map((plan) => (
          <article key={plan.id} aria-labelledby={`case-plan-${plan.id}`}>
            <h3 id={`case-plan-${plan.id}`}>
              {t('therapy.plan.title', {
                modality: modalityText(t, plan.modality),
                therapist: plan.therapist.displayName,
              })}
            </h3>
            <PlanSummary plan={plan} />
          </article>
        ))}
        <h3>{t('therapy.caseFile.attendance')}</h3>
        {history.isError ? <FormAlert message={{ key: history.error.message }} /> : null}
        {history.data && sessions.length === 0 ? (
          <p className="muted">{t('therapy.child.noSessions')}</p>
        ) : null}
        {sessions.length > 0 ? (
          <SessionTable
            sessions={sessions}
            caption={t('therapy.caseFile.attendance')}
            timeZone={session.settings.timeZone}
            showChildren={false}
          />
        ) : null}
        {canSchedule(session.role) ? (
          <p className="section-actions">
            <Link to={`/therapy/children/${childId}`}>{t('therapy.caseFile.open')}</Link>
          </p>
        ) : null}
      </div>
    </section>
  );
}
