import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { idSchema } from '../../../shared/ids';
import type {
  ChildScheduling,
  TherapyPlan,
  TherapySession,
} from '../../../shared/therapy/contract';
import { formatCalendarDate, formatTimeOfDay } from '../../i18n/format';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { childText, modalityText } from './labels';
import { PlanDialog } from './plan/PlanDialog';
import { PlanSummary } from './plan/PlanSummary';
import { SeriesDialog } from './series/SeriesDialog';
import { ScheduleOneDialog } from './session/ScheduleOneDialog';
import { SessionActionDialog } from './session/SessionActionDialog';
import { SessionTable, type SessionAction } from './session/SessionTable';
import { canSchedule } from './roles';
import { SafetyLine } from '../children';
import { ChildHealthSection } from '../casework';
import './therapy.css';

type Open =
  | { kind: 'plan'; plan: TherapyPlan | null }
  | { kind: 'series' | 'one'; plan: TherapyPlan }
  | { kind: SessionAction; session: TherapySession };

/** therapy/children/:id — a child's therapy: plans, what scheduling needs to know, sessions. */
export function ChildTherapyScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle(t('therapy.child.documentTitle'));
  if (!idSchema.safeParse(id).success) {
    return (
      <>
        <h1>{t('therapy.child.documentTitle')}</h1>
        <FormAlert message={{ key: 'notFound' }} />
      </>
    );
  }
  return <ChildTherapy key={id} childId={id} />;
}

function ChildTherapy({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const timeZone = session.settings.timeZone;
  const scheduling = useApiQuery('therapy.childScheduling', { childId });
  const plans = useApiQuery('therapy.plans', { childId });
  const history = useApiQuery('therapy.history', { childId });
  const [open, setOpen] = useState<Open | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const done = (message: string) => {
    setOpen(null);
    setStatus(message);
  };
  const schedules = canSchedule(session.role);

  if (scheduling.isError) {
    return (
      <>
        <h1>{t('therapy.child.documentTitle')}</h1>
        <FormAlert message={{ key: scheduling.error.message }} />
      </>
    );
  }
  if (!scheduling.data) {
    return (
      <>
        <h1>{t('therapy.child.documentTitle')}</h1>
        <p role="status">{t('therapy.loading')}</p>
      </>
    );
  }
  const facts = scheduling.data;
  const sessions = history.data ?? [];
  // The next session first, then what has been held, newest first (the history comes newest first).
  const now = new Date().toISOString();
  const coming = sessions.filter((session) => session.endAt >= now).reverse();
  const past = sessions.filter((session) => session.endAt < now);
  const tfCbtPlanIds = new Set(
    (plans.data ?? []).filter((p) => p.modality === 'tf_cbt').map((p) => p.id),
  );

  return (
    <>
      <p className="breadcrumb">
        <Link to="/therapy/caseload">{t('therapy.child.backToCaseload')}</Link>
      </p>
      <h1>{t('therapy.child.title', { child: childText(t, facts.child) })}</h1>
      <StatusMessage>{status}</StatusMessage>
      <SafetyLine childId={childId} />
      <SchedulingFacts facts={facts} />

      <section className="panel" aria-labelledby="therapy-plans-heading">
        <h2 id="therapy-plans-heading">{t('therapy.plan.heading')}</h2>
        {plans.isError ? <FormAlert message={{ key: plans.error.message }} /> : null}
        {plans.isPending ? <p role="status">{t('therapy.loading')}</p> : null}
        {plans.data && plans.data.length === 0 ? (
          <p className="muted">{t('therapy.plan.none')}</p>
        ) : null}
        {(plans.data ?? []).map((plan) => (
          <article key={plan.id} className="plan" aria-labelledby={`plan-${plan.id}`}>
            <h3 id={`plan-${plan.id}`}>
              {t('therapy.plan.title', {
                modality: modalityText(t, plan.modality),
                therapist: plan.therapist.displayName,
              })}
            </h3>
            <PlanSummary plan={plan} />
            {schedules ? (
              <div className="row-actions">
                <button type="button" onClick={() => setOpen({ kind: 'plan', plan })}>
                  {t('therapy.plan.edit')}
                </button>
                {plan.status === 'active' ? (
                  <>
                    <button
                      type="button"
                      className="button-primary"
                      onClick={() => setOpen({ kind: 'series', plan })}
                    >
                      {t('therapy.series.open')}
                    </button>
                    <button type="button" onClick={() => setOpen({ kind: 'one', plan })}>
                      {t('therapy.schedule.oneOpen')}
                    </button>
                  </>
                ) : null}
              </div>
            ) : null}
          </article>
        ))}
        {schedules ? (
          <p className="section-actions">
            <button type="button" onClick={() => setOpen({ kind: 'plan', plan: null })}>
              {t('therapy.plan.add')}
            </button>
          </p>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="therapy-sessions-heading">
        <h2 id="therapy-sessions-heading">{t('therapy.child.sessions')}</h2>
        {history.isError ? <FormAlert message={{ key: history.error.message }} /> : null}
        {history.isPending ? <p role="status">{t('therapy.loading')}</p> : null}
        {history.data && sessions.length === 0 ? (
          <p className="muted">{t('therapy.child.noSessions')}</p>
        ) : null}
        {[
          { caption: t('therapy.child.comingSessions'), rows: coming },
          { caption: t('therapy.child.pastSessions'), rows: past },
        ].map(({ caption, rows }) =>
          rows.length > 0 ? (
            <SessionTable
              key={caption}
              sessions={rows}
              caption={caption}
              timeZone={timeZone}
              showChildren={false}
              {...(schedules ? { onAction: (kind, s) => setOpen({ kind, session: s }) } : {})}
            />
          ) : null,
        )}
      </section>
      {/* The case team reads health in the case file; a therapist here, if the administrator allows. */}
      {session.role === 'therapist' ? <ChildHealthSection childId={childId} /> : null}

      {open?.kind === 'plan' ? (
        <PlanDialog
          childId={childId}
          plan={open.plan}
          onClose={() => setOpen(null)}
          onSaved={() => done(t('therapy.plan.saved'))}
        />
      ) : null}
      {open?.kind === 'series' ? (
        <SeriesDialog
          plan={open.plan}
          scheduling={facts}
          timeZone={timeZone}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
      {open?.kind === 'one' ? (
        <ScheduleOneDialog
          plan={open.plan}
          scheduling={facts}
          timeZone={timeZone}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
      {open?.kind === 'record' || open?.kind === 'change' || open?.kind === 'cancel' ? (
        <SessionActionDialog
          open={open}
          timeZone={timeZone}
          showComponents={(s) => s.planId !== null && tfCbtPlanIds.has(s.planId)}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
    </>
  );
}

/** What scheduling must respect: where the child lives, and the court dates ahead. */
function SchedulingFacts({ facts }: { facts: ChildScheduling }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="therapy-facts-heading">
      <h2 id="therapy-facts-heading">{t('therapy.child.facts')}</h2>
      <dl className="details">
        <dt>{t('therapy.child.age')}</dt>
        <dd>
          {facts.child.ageEstimated
            ? t('therapy.child.ageEstimated', { age: facts.child.age })
            : facts.child.age}
        </dd>
        <dt>{t('therapy.child.shelter')}</dt>
        <dd>{facts.placement?.shelterName ?? t('therapy.child.notPlaced')}</dd>
        <dt>{t('therapy.child.legalEvents')}</dt>
        <dd>
          {facts.legalEvents.length === 0
            ? t('therapy.child.noLegalEvents')
            : facts.legalEvents
                .map((e) =>
                  t('therapy.child.legalEvent', {
                    kind: t(`children.legalKind.${e.kind}`),
                    date: formatCalendarDate(e.date),
                    time: e.time ? formatTimeOfDay(e.time) : '',
                  }).trim(),
                )
                .join('; ')}
        </dd>
      </dl>
    </section>
  );
}
