// An assessment's result: each domain's score as a table, the overall score and its band, and
// every reason it is "not safe" (a safety item, a band, a flag on the household), named.
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../shared/reintegration/contract';
import type { ReintegrationInstrument } from '../../../../shared/reintegration/instruments';
import { reasonText } from '../labels';

export function ScoreSummary({
  assessment,
  instrument,
}: {
  assessment: Assessment;
  instrument: ReintegrationInstrument;
}) {
  const { t } = useTranslation();
  const { score } = assessment;
  const band = instrument.bands.find((b) => b.key === score.bandKey);
  const shown = (value: number | null) =>
    value === null ? t('reintegration.score.unscored') : value.toFixed(2);
  return (
    <section aria-labelledby="assessment-result-heading" className="panel">
      <h2 id="assessment-result-heading">{t('reintegration.score.heading')}</h2>
      {score.notSafe ? (
        <div className="not-safe-box">
          <p>
            <strong>{t('reintegration.score.notSafe')}</strong>
          </p>
          <ul>
            {score.notSafeReasons.map((reason, i) => (
              <li key={i}>{reasonText(t, reason, instrument)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {band ? <p>{t('reintegration.score.band', { band: band.label })}</p> : null}
      {score.meetsClosure === null ? null : (
        <p>
          {score.meetsClosure
            ? t('reintegration.score.closureMet')
            : t('reintegration.score.closureNotMet')}
        </p>
      )}
      <table className="data-table">
        <caption>{t('reintegration.score.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reintegration.score.domain')}</th>
            <th scope="col">{t('reintegration.score.score')}</th>
          </tr>
        </thead>
        <tbody>
          {instrument.domains.map((domain) => (
            <tr key={domain.key}>
              <th scope="row">{domain.label}</th>
              <td>{shown(score.domains[domain.key] ?? null)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('reintegration.score.overall')}</th>
            <td>{shown(score.overall)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
