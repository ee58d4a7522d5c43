// Overdue follow-up visits of the children the user sees, oldest first, each linking to the case
// file: the panel the reintegration domain adds to the Today screen.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../../../shared/time';
import { useApiQuery } from '../../../api/queries';
import { FormAlert } from '../../../ui/FormAlert';

export function OverdueVisitsPanel() {
  const { t } = useTranslation();
  const overdue = useApiQuery('reintegration.overdueVisits', {});
  return (
    <section className="panel" aria-labelledby="overdue-visits-heading">
      <h2 id="overdue-visits-heading">{t('reintegration.overdue.heading')}</h2>
      {overdue.isError ? <FormAlert message={{ key: overdue.error.message }} /> : null}
      {overdue.data && overdue.data.length === 0 ? (
        <p className="muted">{t('reintegration.overdue.none')}</p>
      ) : null}
      {overdue.data && overdue.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('reintegration.overdue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reintegration.overdue.columns.caseCode')}</th>
                <th scope="col">{t('reintegration.overdue.columns.due')}</th>
                <th scope="col">{t('reintegration.overdue.columns.days')}</th>
              </tr>
            </thead>
            <tbody>
              {overdue.data.map((visit) => (
                <tr key={visit.id}>
                  <td>
                    <Link
                      to={`/cases/${visit.childId}`}
                      aria-label={t('reintegration.overdue.open', { caseCode: visit.caseCode })}
                    >
                      {visit.caseCode}
                    </Link>
                  </td>
                  <td>{formatCalendarDate(visit.dueOn)}</td>
                  <td>{visit.daysOverdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
