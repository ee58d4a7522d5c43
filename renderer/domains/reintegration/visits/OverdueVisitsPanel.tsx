// Overdue follow-up visits of the children the user sees, oldest first, each linking to the case
// file: the panel the reintegration domain adds to the Today screen.
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../../shared/time';
import { useApiQuery } from '../../../api/queries';
import { TodayCaseTable } from '../../../ui/TodayCaseTable';

export function OverdueVisitsPanel() {
  const { t } = useTranslation();
  const overdue = useApiQuery('reintegration.overdueVisits', {});
  return (
    <section className="panel" aria-labelledby="overdue-visits-heading">
      <h2 id="overdue-visits-heading">{t('reintegration.overdue.heading')}</h2>
      <TodayCaseTable
        query={overdue}
        caption={t('reintegration.overdue.caption')}
        none={t('reintegration.overdue.none')}
        caseColumn={t('reintegration.overdue.columns.caseCode')}
        open={(visit) => ({
          to: `/cases/${visit.childId}`,
          label: t('reintegration.overdue.open', { caseCode: visit.caseCode }),
        })}
        rowKey={(visit) => visit.id}
        columns={[
          {
            header: t('reintegration.overdue.columns.due'),
            cell: (visit) => formatCalendarDate(visit.dueOn),
          },
          { header: t('reintegration.overdue.columns.days'), cell: (visit) => visit.daysOverdue },
        ]}
      />
    </section>
  );
}
