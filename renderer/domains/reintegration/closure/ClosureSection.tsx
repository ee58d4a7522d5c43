// The case file's closure, the one way a case is closed: for a case in aftercare, whether
// monitoring has ended and the last Aftercare Outcomes assessment meets the threshold; the proposals made (reason, note, the child's and the family's
// views, the decision), and the next step for this user: propose, approve or decline (a
// coordinator other than the proposer), or reopen a closed case.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseClosure } from '../../../../shared/reintegration/contract';
import { formatInstant } from '../../../i18n/format';
import { isApiError } from '../../../api/client';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { CaseSection } from '../../../ui/CaseSection';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { DeclineClosureDialog, ProposeClosureDialog, ReopenCaseDialog } from './ClosureDialogs';
import { closureStale } from './stale';

type Open = 'propose' | 'decline' | 'reopen' | null;

function ClosureRecord({ closure }: { closure: CaseClosure }) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const when = (at: string) => formatInstant(at, settings.timeZone, 'date');
  const unknown = t('reintegration.review.unknownName');
  return (
    <article aria-label={t(`reintegration.closure.status.${closure.status}`)}>
      <h3>{t(`reintegration.closure.status.${closure.status}`)}</h3>
      <dl>
        <dt>{t('reintegration.closure.proposedBy')}</dt>
        <dd>
          {t('reintegration.closure.byOn', {
            name: closure.proposedByName ?? unknown,
            date: when(closure.proposedAt),
          })}
        </dd>
        <dt>{t('reintegration.closure.reason')}</dt>
        <dd>{closure.reason}</dd>
        <dt>{t('reintegration.closure.closingNote')}</dt>
        <dd>{closure.closingNote}</dd>
        <dt>{t('reintegration.closure.childView')}</dt>
        <dd>{closure.childView}</dd>
        <dt>{t('reintegration.closure.familyView')}</dt>
        <dd>{closure.familyView}</dd>
        {closure.decidedAt ? (
          <>
            <dt>{t('reintegration.closure.decidedBy')}</dt>
            <dd>
              {t('reintegration.closure.byOn', {
                name: closure.decidedByName ?? unknown,
                date: when(closure.decidedAt),
              })}
            </dd>
          </>
        ) : null}
        {closure.declineComment ? (
          <>
            <dt>{t('reintegration.closure.declineComment')}</dt>
            <dd>{closure.declineComment}</dd>
          </>
        ) : null}
        {closure.reopenedAt ? (
          <>
            <dt>{t('reintegration.closure.reopenedBy')}</dt>
            <dd>
              {t('reintegration.closure.byOn', {
                name: closure.reopenedByName ?? unknown,
                date: when(closure.reopenedAt),
              })}
            </dd>
            <dt>{t('reintegration.closure.reopenReason')}</dt>
            <dd>{closure.reopenReason}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}

export function ClosureSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const closure = useApiQuery('reintegration.closure', { childId });
  const approve = useApiMutation('reintegration.approveClosure', { stale: closureStale });
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const saved = (text: string) => {
    setOpen(null);
    setError(null);
    setStatus(text);
  };
  const state = closure.data;
  const latest = state?.closures[0];
  // Open, not in aftercare, nothing to propose, decide or reopen: the child is still in care.
  const inCare =
    state !== undefined &&
    !state.monitored &&
    !state.canPropose &&
    !state.canReopen &&
    latest?.status !== 'proposed';
  const canDecide =
    latest?.status === 'proposed' &&
    session.role === 'coordinator' &&
    latest.proposedBy !== session.userId;
  return (
    <CaseSection id="case-closure" title={t('reintegration.closure.heading')}>
      <StatusMessage>{status}</StatusMessage>
      {closure.isError ? <FormAlert message={{ key: closure.error.message }} /> : null}
      <FormAlert message={error ? { key: error } : null} />
      {state ? (
        <>
          {state.monitored ? (
            <ul>
              <li>
                {state.monitoringEnded
                  ? t('reintegration.closure.monitoringEnded')
                  : t('reintegration.closure.monitoringRunning')}
              </li>
              <li>
                {state.lastOutcomes === null
                  ? t('reintegration.closure.noOutcomes')
                  : state.lastOutcomes.meetsClosure
                    ? t('reintegration.closure.outcomesMet')
                    : t('reintegration.closure.outcomesNotMet')}
              </li>
            </ul>
          ) : null}
          {inCare ? <p className="muted">{t('reintegration.closure.inCare')}</p> : null}
          {state.canPropose ? (
            <button type="button" onClick={() => setOpen('propose')}>
              {t('reintegration.closure.propose')}
            </button>
          ) : null}
          {latest?.status === 'proposed' && !canDecide ? (
            <p>{t('reintegration.closure.waiting')}</p>
          ) : null}
          {canDecide ? (
            <div className="form-actions">
              <button
                type="button"
                disabled={approve.isPending}
                onClick={() =>
                  approve.mutate(
                    { childId },
                    {
                      onSuccess: () => saved(t('reintegration.closure.approved')),
                      onError: (e) => setError(isApiError(e) ? e.message : 'internal'),
                    },
                  )
                }
              >
                {t('reintegration.closure.approve')}
              </button>
              <button type="button" onClick={() => setOpen('decline')}>
                {t('reintegration.closure.decline')}
              </button>
            </div>
          ) : null}
          {state.canReopen ? (
            <button type="button" onClick={() => setOpen('reopen')}>
              {t('reintegration.closure.reopen')}
            </button>
          ) : null}
          {state.closures.map((c) => (
            <ClosureRecord key={c.id} closure={c} />
          ))}
        </>
      ) : null}
      {open === 'propose' ? (
        <ProposeClosureDialog childId={childId} onClose={() => setOpen(null)} onSaved={saved} />
      ) : null}
      {open === 'decline' ? (
        <DeclineClosureDialog childId={childId} onClose={() => setOpen(null)} onSaved={saved} />
      ) : null}
      {open === 'reopen' ? (
        <ReopenCaseDialog childId={childId} onClose={() => setOpen(null)} onSaved={saved} />
      ) : null}
    </CaseSection>
  );
}
