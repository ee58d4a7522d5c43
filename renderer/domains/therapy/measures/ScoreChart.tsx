// Scores over time for one instrument, with its band cut-offs as lines: drawn by Recharts (typed,
// bundled, no network), hidden from screen readers because ScoreTable says the same in words.
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { Instrument, InstrumentNorm, OutcomeScore } from '../../../../shared/therapy/measures';
import { formatCalendarDate } from '../../../i18n/format';
import { bandText } from './labels';

const WIDTH = 720;
const HEIGHT = 260;

interface Props {
  instrument: Instrument;
  /** The norm whose cut-offs are drawn (the one the scores were banded with). */
  norm: InstrumentNorm | null;
  scores: readonly OutcomeScore[];
}

export function ScoreChart({ instrument, norm, scores }: Props) {
  const { t } = useTranslation();
  const data = scores.map((s) => ({ date: formatCalendarDate(s.administeredOn), total: s.total }));
  // A line where each band above the lowest begins.
  const cutOffs = (norm?.bands ?? []).slice(1);
  return (
    <div className="score-chart" aria-hidden="true" data-testid="score-chart">
      <LineChart
        width={WIDTH}
        height={HEIGHT}
        data={data}
        accessibilityLayer={false}
        margin={{ top: 16, right: 180, bottom: 8, left: 0 }}
      >
        <CartesianGrid stroke="#d0d4da" strokeDasharray="3 3" />
        <XAxis dataKey="date" stroke="#333" />
        <YAxis
          domain={[instrument.total.min, instrument.total.max]}
          allowDecimals={false}
          stroke="#333"
        />
        {cutOffs.map((band) => (
          <ReferenceLine
            key={band.level}
            y={band.from}
            stroke="#8a1c1c"
            strokeDasharray="6 3"
            label={{
              value: t('therapy.measures.cutOffLine', {
                band: bandText(t, band.level),
                from: band.from,
              }),
              position: 'right',
              fill: '#5a1010',
              fontSize: 12,
            }}
          />
        ))}
        <Line
          type="linear"
          dataKey="total"
          stroke="#1d4f91"
          strokeWidth={2}
          dot={{ r: 4 }}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
