// Case conference reviews due within a week (or late), of the children the user sees, each
// linking to the case file: the panel the casework domain adds to Today.
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../i18n/format';
import { TodayPanel } from '../../ui/TodayPanel';

export function ReviewsDuePanel() {
  const { t } = useTranslation();
  return (
    <TodayPanel
      procedure="conferences.reviewsDue"
      id="reviews-due-heading"
      heading={t('casework.reviewsDue.heading')}
      caption={t('casework.reviewsDue.caption')}
      none={t('casework.reviewsDue.none')}
      caseColumn={t('casework.reviewsDue.caseCode')}
      openLabel={(review) => t('casework.reviewsDue.open', { caseCode: review.caseCode })}
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
  );
}
