// Case conference reviews due within a week (or late), of the children the user sees, each
// linking to the case file: the panel the casework domain adds to Today.
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../shared/time';
import { useApiQuery } from '../../api/queries';
import { TodayCaseTable } from '../../ui/TodayCaseTable';

export function ReviewsDuePanel() {
  const { t } = useTranslation();
  const due = useApiQuery('conferences.reviewsDue', {});
  return (
    <section className="panel" aria-labelledby="reviews-due-heading">
      <h2 id="reviews-due-heading">{t('casework.reviewsDue.heading')}</h2>
      <TodayCaseTable
        query={due}
        caption={t('casework.reviewsDue.caption')}
        none={t('casework.reviewsDue.none')}
        caseColumn={t('casework.reviewsDue.caseCode')}
        open={(review) => ({
          to: `/cases/${review.childId}`,
          label: t('casework.reviewsDue.open', { caseCode: review.caseCode }),
        })}
        rowKey={(review) => review.conferenceId}
        columns={[
          {
            header: t('casework.reviewsDue.due'),
            cell: (review) => formatCalendarDate(review.nextReviewOn),
          },
          {
            header: t('casework.reviewsDue.last'),
            cell: (review) => formatCalendarDate(review.heldOn),
          },
          {
            header: t('casework.reviewsDue.late'),
            cell: (review) =>
              review.late ? (
                <strong className="not-safe">{t('casework.reviewsDue.lateYes')}</strong>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </section>
  );
}
