import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { FormAlert } from '../../ui/FormAlert';
import { childText, modalityText, progressText } from './labels';
import { canSchedule } from './roles';
import './therapy.css';

/** The children in therapy the user may see, each with their active plans and progress. */
export function CaseloadScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('therapy.caseload.title'));
  const caseload = useApiQuery('therapy.caseload', {});
  const rows = caseload.data ?? [];
  const schedules = canSchedule(useSession().role);
  return (
    <>
      <h1>{t('therapy.caseload.title')}</h1>
      {schedules ? <UnplannedPanel /> : null}
      <p className="lead-text">{t('therapy.caseload.intro')}</p>
      {caseload.isError ? <FormAlert message={{ key: caseload.error.message }} /> : null}
      {caseload.isPending ? <p role="status">{t('therapy.loading')}</p> : null}
      {caseload.data && rows.length === 0 ? (
        <p className="muted">{t('therapy.caseload.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('therapy.caseload.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('therapy.caseload.child')}</th>
                <th scope="col">{t('therapy.caseload.plans')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.child.id}>
                  <td>
                    <Link to={`/therapy/children/${row.child.id}`}>{childText(t, row.child)}</Link>
                  </td>
                  <td className="cell-text">
                    {row.plans.length === 0
                      ? t('therapy.caseload.noActivePlan')
                      : row.plans
                          .map((p) =>
                            t('therapy.caseload.planLine', {
                              modality: modalityText(t, p.modality),
                              therapist: p.therapistName,
                              progress: progressText(t, p.progress),
                            }),
                          )
                          .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/** Where a first plan starts: the children placed in the user's shelters without an active plan. */
function UnplannedPanel() {
  const { t } = useTranslation();
  const unplanned = useApiQuery('therapy.unplanned', {});
  const rows = unplanned.data?.rows ?? [];
  return (
    <section className="panel" aria-labelledby="therapy-unplanned-heading">
      <h2 id="therapy-unplanned-heading">{t('therapy.caseload.unplanned.title')}</h2>
      <p className="muted">{t('therapy.caseload.unplanned.intro')}</p>
      {unplanned.isError ? <FormAlert message={{ key: unplanned.error.message }} /> : null}
      {unplanned.data && rows.length === 0 ? (
        <p className="muted">{t('therapy.caseload.unplanned.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="link-list">
          {rows.map((child) => (
            <li key={child.id}>
              <Link to={`/therapy/children/${child.id}`}>
                {t('therapy.caseload.unplanned.open', { child: childText(t, child) })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {unplanned.data && unplanned.data.total > rows.length ? (
        <p className="muted">
          {t('therapy.caseload.unplanned.more', {
            shown: rows.length,
            total: unplanned.data.total,
          })}
        </p>
      ) : null}
    </section>
  );
}
