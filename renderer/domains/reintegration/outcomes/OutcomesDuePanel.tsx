// Aftercare Outcomes assessments past due or due soon, of the children the user sees, soonest
// first, each linking to the case file: the second panel reintegration adds to Today.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../../../shared/time';
import { useApiQuery } from '../../../api/queries';
import { FormAlert } from '../../../ui/FormAlert';

export function OutcomesDuePanel() {
  const { t } = useTranslation();
  const due = useApiQuery('reintegration.outcomesDue', {});
  return (
    <section className="panel" aria-labelledby="outcomes-due-heading">
      <h2 id="outcomes-due-heading">{t('reintegration.outcomesDue.heading')}</h2>
      {due.isError ? <FormAlert message={{ key: due.error.message }} /> : null}
      {due.data && due.data.length === 0 ? (
        <p className="muted">{t('reintegration.outcomesDue.none')}</p>
      ) : null}
      {due.data && due.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('reintegration.outcomesDue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reintegration.outcomesDue.columns.caseCode')}</th>
                <th scope="col">{t('reintegration.outcomesDue.columns.administration')}</th>
                <th scope="col">{t('reintegration.outcomesDue.columns.due')}</th>
                <th scope="col">{t('reintegration.outcomesDue.columns.when')}</th>
              </tr>
            </thead>
            <tbody>
              {due.data.map((d) => (
                <tr key={d.childId}>
                  <td>
                    <Link
                      to={`/cases/${d.childId}`}
                      aria-label={t('reintegration.outcomesDue.open', { caseCode: d.caseCode })}
                    >
                      {d.caseCode}
                    </Link>
                  </td>
                  <td>
                    {d.administration === 0
                      ? t('reintegration.outcomesDue.atIntake')
                      : t('reintegration.outcomesDue.followUp', { count: d.administration })}
                  </td>
                  <td>{formatCalendarDate(d.dueOn)}</td>
                  <td>
                    {d.daysOverdue > 0
                      ? t('reintegration.outcomesDue.overdue', { count: d.daysOverdue })
                      : d.daysOverdue === 0
                        ? t('reintegration.outcomesDue.today')
                        : t('reintegration.outcomesDue.inDays', { count: -d.daysOverdue })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
