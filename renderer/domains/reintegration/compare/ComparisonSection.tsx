// Assessments over time: for each instrument (and household), every submitted or approved
// administration's domain scores, drawn as lines (Recharts; hidden from screen readers) beside
// the same figures as a table, with each domain's change from the first administration.
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { Assessment } from '../../../../shared/reintegration/contract';
import type { InstrumentEntry } from '../../../../shared/reintegration/instruments';
import { formatCalendarDate } from '../../../i18n/format';
import { useApiQuery } from '../../../api/queries';
import { CaseSection } from '../../../ui/CaseSection';
import { FormAlert } from '../../../ui/FormAlert';
import { WhenVisible } from '../../../ui/WhenVisible';
import '../reintegration.css';

const COLOURS = ['#1d4f91', '#8a1c1c', '#2d6a3e', '#6b3fa0', '#7a5200', '#005f73', '#444444'];

interface Series {
  key: string;
  instrument: InstrumentEntry;
  household: string;
  administrations: Assessment[];
}

/** Submitted and approved assessments, oldest first, grouped by instrument version and household. */
export function seriesOf(
  assessments: readonly Assessment[],
  instruments: readonly InstrumentEntry[],
): Series[] {
  const series = new Map<string, Series>();
  const counted = assessments
    .filter((a) => a.status === 'submitted' || a.status === 'approved')
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  for (const a of counted) {
    const instrument = instruments.find(
      (i) => i.code === a.instrumentCode && i.version === a.instrumentVersion,
    );
    if (!instrument) continue;
    const household = a.household?.label ?? '';
    const key = `${a.instrumentCode}@${a.instrumentVersion}|${household}`;
    const entry = series.get(key) ?? { key, instrument, household, administrations: [] };
    entry.administrations.push(a);
    series.set(key, entry);
  }
  return [...series.values()];
}

/** When an administration was made: its last home visit, else its submission date. */
const dateOf = (a: Assessment) =>
  formatCalendarDate(a.visitDates.at(-1) ?? (a.submittedAt ?? '').slice(0, 10));

const shown = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value.toFixed(2);

function change(first: number | null | undefined, last: number | null | undefined): string {
  if (first === null || first === undefined || last === null || last === undefined) return '—';
  const delta = last - first;
  return `${delta > 0 ? '+' : ''}${delta.toFixed(2)}`;
}

function SeriesView({ series }: { series: Series }) {
  const { t } = useTranslation();
  const { instrument, administrations } = series;
  const first = administrations[0]!;
  const last = administrations.at(-1)!;
  const data = administrations.map((a) => ({ date: dateOf(a), ...a.score.domains }));
  const values = instrument.scale.map((p) => p.value);
  const title = t('reintegration.compare.title', {
    instrument: instrument.name,
    household: series.household || '—',
  });
  return (
    <article aria-label={title}>
      <h3>{title}</h3>
      <div aria-hidden="true" data-testid="comparison-chart">
        <WhenVisible minHeight={280}>
          <LineChart width={640} height={280} data={data} accessibilityLayer={false}>
            <CartesianGrid stroke="#d0d4da" strokeDasharray="3 3" />
            <XAxis dataKey="date" stroke="#333" />
            <YAxis domain={[values[0]!, values.at(-1)!]} stroke="#333" />
            {instrument.domains.map((domain, i) => (
              <Line
                key={domain.key}
                type="linear"
                dataKey={domain.key}
                name={domain.label}
                stroke={COLOURS[i % COLOURS.length]}
                strokeWidth={2}
                dot={{ r: 4 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </WhenVisible>
        {/* A plain list, not Recharts' Legend: that one measures itself with a forced layout of
            the whole case file each time the file opens. */}
        <ul className="chart-legend">
          {instrument.domains.map((domain, i) => (
            <li key={domain.key}>
              <span
                className="chart-legend-swatch"
                style={{ backgroundColor: COLOURS[i % COLOURS.length] }}
              />
              {domain.label}
            </li>
          ))}
        </ul>
      </div>
      <div className="table-wrap">
        <table className="data-table">
          <caption>{t('reintegration.compare.caption', { instrument: instrument.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reintegration.compare.domain')}</th>
              {administrations.map((a) => (
                <th scope="col" key={a.id}>
                  {dateOf(a)}
                </th>
              ))}
              <th scope="col">{t('reintegration.compare.change')}</th>
            </tr>
          </thead>
          <tbody>
            {instrument.domains.map((domain) => (
              <tr key={domain.key}>
                <th scope="row">{domain.label}</th>
                {administrations.map((a) => (
                  <td key={a.id}>{shown(a.score.domains[domain.key])}</td>
                ))}
                <td>{change(first.score.domains[domain.key], last.score.domains[domain.key])}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('reintegration.compare.overall')}</th>
              {administrations.map((a) => (
                <td key={a.id}>{shown(a.score.overall)}</td>
              ))}
              <td>{change(first.score.overall, last.score.overall)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </article>
  );
}

export function ComparisonSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const assessments = useApiQuery('reintegration.list', { childId });
  const instruments = useApiQuery('reintegration.instruments', {});
  const series =
    assessments.data && instruments.data ? seriesOf(assessments.data, instruments.data) : null;
  return (
    <CaseSection id="case-comparison" title={t('reintegration.compare.heading')}>
      {assessments.isError ? <FormAlert message={{ key: assessments.error.message }} /> : null}
      {series && series.length === 0 ? (
        <p className="muted">{t('reintegration.compare.none')}</p>
      ) : null}
      {(series ?? []).map((s) => (
        <SeriesView key={s.key} series={s} />
      ))}
    </CaseSection>
  );
}
