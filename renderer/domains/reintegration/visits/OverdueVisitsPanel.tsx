// Overdue follow-up visits of the children the user sees, oldest first, each linking to the case
// file: the panel the reintegration domain adds to the Today screen.
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../i18n/format';
import { TodayPanel } from '../../../ui/TodayPanel';

export function OverdueVisitsPanel() {
  const { t } = useTranslation();
  return (
    <TodayPanel
      procedure="reintegration.overdueVisits"
      id="overdue-visits-heading"
      heading={t('reintegration.overdue.heading')}
      caption={t('reintegration.overdue.caption')}
      none={t('reintegration.overdue.none')}
      caseColumn={t('reintegration.overdue.columns.caseCode')}
      openLabel={(visit) => t('reintegration.overdue.open', { caseCode: visit.caseCode })}
      rowKey={(visit) => visit.id}
      columns={[
        {
          header: t('reintegration.overdue.columns.due'),
          cell: (visit) => formatCalendarDate(visit.dueOn),
        },
        { header: t('reintegration.overdue.columns.days'), cell: (visit) => visit.daysOverdue },
      ]}
    />
  );
}
