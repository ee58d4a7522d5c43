// The review: the history of returns and the approval; for a coordinator other than the author,
// Approve or Return with comments on a submitted assessment; and, on an approved readiness
// assessment, the coordinator's override of the age rule (typed reason), which is all that can
// be overridden.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../shared/reintegration/contract';
import { formatInstant } from '../../../i18n/format';
import { isApiError } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { reintegrationStale } from '../stale';

export function ReviewPanel({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const session = useSession();
  const zone = session.settings.timeZone;
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const onError = (e: Error) => {
    setFieldErrors(isApiError(e) ? e.fields : {});
    setFormError(isApiError(e) ? e.message : 'internal');
  };
  const done = (text: string) => () => {
    setFieldErrors({});
    setFormError(null);
    setStatus(text);
  };
  const approve = useApiMutation('reintegration.approve', { stale: reintegrationStale });
  const giveBack = useApiMutation('reintegration.return', { stale: reintegrationStale });
  const override = useApiMutation('reintegration.overrideAge', { stale: reintegrationStale });
  const coordinator = session.role === 'coordinator';
  const own = assessment.createdBy === session.userId;
  const error = (path: string) => (fieldErrors[path] ? { message: fieldErrors[path] } : undefined);
  const date = (at: string) => formatInstant(at, zone, 'date');

  return (
    <section aria-labelledby="assessment-review-heading" className="panel">
      <h2 id="assessment-review-heading">{t('reintegration.review.heading')}</h2>
      <StatusMessage>{status}</StatusMessage>
      <FormAlert message={formError ? { key: formError } : null} />
      {assessment.reviews.length > 0 ? (
        <>
          <h3>{t('reintegration.review.history')}</h3>
          <ul>
            {assessment.reviews.map((review, i) => (
              <li key={i}>
                {review.decision === 'returned'
                  ? t('reintegration.review.entryReturned', {
                      name: review.byName ?? t('reintegration.review.unknownName'),
                      date: date(review.at),
                      comment: review.comment ?? '',
                    })
                  : t('reintegration.review.entryApproved', {
                      name: review.byName ?? t('reintegration.review.unknownName'),
                      date: date(review.at),
                    })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {coordinator && assessment.status === 'submitted' ? (
        own ? (
          <p>{t('reintegration.review.own')}</p>
        ) : (
          <div className="form">
            <Field label={t('reintegration.review.comment')} error={error('comment')}>
              {(a) => (
                <textarea
                  {...a}
                  rows={3}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                />
              )}
            </Field>
            <div className="form-actions">
              <button
                type="button"
                className="button-primary"
                disabled={approve.isPending}
                onClick={() =>
                  approve.mutate(
                    { id: assessment.id },
                    { onSuccess: done(t('reintegration.review.approved')), onError },
                  )
                }
              >
                {t('reintegration.review.approve')}
              </button>
              <button
                type="button"
                disabled={giveBack.isPending}
                onClick={() =>
                  giveBack.mutate(
                    { id: assessment.id, comment },
                    { onSuccess: done(t('reintegration.review.returned')), onError },
                  )
                }
              >
                {t('reintegration.review.return')}
              </button>
            </div>
          </div>
        )
      ) : null}
      {assessment.household && assessment.status === 'approved' ? (
        <>
          <h3>{t('reintegration.override.heading')}</h3>
          {assessment.ageOverride ? (
            <p>
              {t('reintegration.override.done', {
                name: assessment.ageOverride.byName ?? t('reintegration.review.unknownName'),
                date: date(assessment.ageOverride.at),
                reason: assessment.ageOverride.reason,
              })}
            </p>
          ) : null}
          {coordinator && !assessment.ageOverride && !assessment.score.notSafe ? (
            <div className="form">
              <Field
                label={t('reintegration.override.reason')}
                hint={t('reintegration.override.hint')}
                error={error('reason')}
              >
                {(a) => (
                  <textarea
                    {...a}
                    rows={2}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                )}
              </Field>
              <button
                type="button"
                disabled={override.isPending}
                onClick={() =>
                  override.mutate(
                    { id: assessment.id, reason },
                    { onSuccess: done(t('reintegration.override.saved')), onError },
                  )
                }
              >
                {t('reintegration.override.submit')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
