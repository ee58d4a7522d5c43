// Aftercare Outcomes assessments past due or due soon, of the children the user sees, soonest
// first, each linking to the case file: the second panel reintegration adds to Today.
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../i18n/format';
import { TodayPanel } from '../../../ui/TodayPanel';

export function OutcomesDuePanel() {
  const { t } = useTranslation();
  return (
    <TodayPanel
      procedure="reintegration.outcomesDue"
      id="outcomes-due-heading"
      heading={t('reintegration.outcomesDue.heading')}
      caption={t('reintegration.outcomesDue.caption')}
      none={t('reintegration.outcomesDue.none')}
      caseColumn={t('reintegration.outcomesDue.columns.caseCode')}
      openLabel={(d) => t('reintegration.outcomesDue.open', { caseCode: d.caseCode })}
      rowKey={(d) => d.childId}
      columns={[
        {
          header: t('reintegration.outcomesDue.columns.administration'),
          cell: (d) =>
            d.administration === 0
              ? t('reintegration.outcomesDue.atIntake')
              : t('reintegration.outcomesDue.followUp', { count: d.administration }),
        },
        {
          header: t('reintegration.outcomesDue.columns.due'),
          cell: (d) => formatCalendarDate(d.dueOn),
        },
        {
          header: t('reintegration.outcomesDue.columns.when'),
          cell: (d) =>
            d.daysOverdue > 0
              ? t('reintegration.outcomesDue.overdue', { count: d.daysOverdue })
              : d.daysOverdue === 0
                ? t('reintegration.outcomesDue.today')
                : t('reintegration.outcomesDue.inDays', { count: -d.daysOverdue }),
        },
      ]}
    />
  );
}
