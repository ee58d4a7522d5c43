import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaItem } from '../../../shared/contract-cases';
import { formatCalendarDate } from '../../../shared/time';
import { useApiQuery } from '../../api/queries';
import { FormAlert } from '../../components/FormAlert';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { agendaKindText } from './labels';
import './cases.css';

/** The caseworker's and coordinator's home: what is overdue, and what is due this week. */
export function TodayScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('cases.today.title'));
  const agenda = useApiQuery('dashboard.agenda', {});
  return (
    <>
      <div className="screen-heading">
        <h1>{t('cases.today.title')}</h1>
        <Link className="button-link button-primary" to="/cases/new">
          {t('cases.list.register')}
        </Link>
      </div>
      <p className="lead-text">{t('cases.today.intro')}</p>
      {agenda.isError ? <FormAlert message={{ key: agenda.error.message }} /> : null}
      {agenda.isPending ? <p role="status">{t('cases.loading')}</p> : null}
      {agenda.isSuccess ? (
        <>
          <AgendaTable
            id="agenda-overdue"
            heading={t('cases.today.overdue')}
            empty={t('cases.today.noneOverdue')}
            items={agenda.data.overdue}
            overdue
          />
          <AgendaTable
            id="agenda-upcoming"
            heading={t('cases.today.upcoming')}
            empty={t('cases.today.noneUpcoming')}
            items={agenda.data.upcoming}
          />
        </>
      ) : null}
    </>
  );
}

function AgendaTable({
  id,
  heading,
  empty,
  items,
  overdue = false,
}: {
  id: string;
  heading: string;
  empty: string;
  items: AgendaItem[];
  overdue?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {heading}{' '}
        <span className="count-badge">{t('cases.today.count', { count: items.length })}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table agenda-table">
            <thead>
              <tr>
                <th scope="col">{t('cases.today.columns.date')}</th>
                <th scope="col">{t('cases.today.columns.child')}</th>
                <th scope="col">{t('cases.today.columns.kind')}</th>
                <th scope="col">{t('cases.today.columns.what')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.kind}-${item.id}`}>
                  <td className={overdue ? 'date-overdue' : undefined}>
                    {formatCalendarDate(item.date)}
                  </td>
                  <td>
                    <Link to={`/cases/${item.childId}`}>
                      {t('cases.childLink', { caseCode: item.caseCode, initials: item.initials })}
                    </Link>
                  </td>
                  <td>{agendaKindText(t, item)}</td>
                  <td className="cell-text">{item.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
