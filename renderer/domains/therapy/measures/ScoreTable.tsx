// The scores as a table: what screen readers read instead of the chart, and what prints.
import { useTranslation } from 'react-i18next';
import type { Instrument, OutcomeScore } from '../../../../shared/therapy/measures';
import { formatCalendarDate } from '../../../i18n/format';
import { bandText, informantText } from './labels';

export function ScoreTable({
  instrument,
  scores,
  subscalesShown,
}: {
  instrument: Instrument;
  scores: readonly OutcomeScore[];
  subscalesShown: boolean;
}) {
  const { t } = useTranslation();
  const subscales = subscalesShown ? instrument.subscales : [];
  return (
    <table className="score-table">
      <caption>{t('therapy.measures.tableCaption', { instrument: instrument.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('therapy.measures.columns.date')}</th>
          <th scope="col">{t('therapy.measures.columns.informant')}</th>
          <th scope="col">{t('therapy.measures.columns.administeredBy')}</th>
          {subscales.map((s) => (
            <th scope="col" key={s.key}>
              {s.label}
            </th>
          ))}
          <th scope="col">
            {t('therapy.measures.columns.total', {
              min: instrument.total.min,
              max: instrument.total.max,
            })}
          </th>
          <th scope="col">{t('therapy.measures.columns.band')}</th>
        </tr>
      </thead>
      <tbody>
        {scores.map((score) => (
          <tr key={score.id}>
            <td>{formatCalendarDate(score.administeredOn)}</td>
            <td>{informantText(t, score.informant)}</td>
            <td>{score.administeredBy}</td>
            {subscales.map((s) => (
              <td key={s.key}>{score.subscales?.[s.key] ?? '—'}</td>
            ))}
            <td>{score.total}</td>
            <td>{bandText(t, score.band)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
