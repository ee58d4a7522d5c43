// The administrator's reintegration settings: the policy, the instruments in Aruga (shipped and
// imported, each version kept), and importing an organisation's own definition.
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/queries';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { FormAlert } from '../../../ui/FormAlert';
import { ImportInstrumentForm } from './ImportInstrumentForm';
import { PolicyForm } from './PolicyForm';

function InstrumentList() {
  const { t } = useTranslation();
  const instruments = useApiQuery('reintegration.instruments', {});
  return (
    <section className="panel" aria-labelledby="instrument-list-heading">
      <h2 id="instrument-list-heading">{t('reintegration.admin.instruments.heading')}</h2>
      {instruments.isError ? <FormAlert message={{ key: instruments.error.message }} /> : null}
      {instruments.data ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">
              {t('reintegration.admin.instruments.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('reintegration.admin.instruments.name')}</th>
                <th scope="col">{t('reintegration.admin.instruments.code')}</th>
                <th scope="col">{t('reintegration.admin.instruments.version')}</th>
                <th scope="col">{t('reintegration.admin.instruments.source')}</th>
              </tr>
            </thead>
            <tbody>
              {instruments.data.map((i) => (
                <tr key={`${i.code}@${i.version}`}>
                  <td>{i.name}</td>
                  <td>{i.code}</td>
                  <td>{i.version}</td>
                  <td>
                    {i.builtIn
                      ? t('reintegration.admin.instruments.builtIn')
                      : t('reintegration.admin.instruments.imported')}
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

export function ReintegrationAdminScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('reintegration.admin.title'));
  const policy = useApiQuery('reintegration.policy', {});
  return (
    <div className="screen">
      <h1>{t('reintegration.admin.title')}</h1>
      {policy.isError ? <FormAlert message={{ key: policy.error.message }} /> : null}
      {policy.data ? <PolicyForm policy={policy.data} /> : <p>{t('reintegration.loading')}</p>}
      <InstrumentList />
      <ImportInstrumentForm />
    </div>
  );
}
