// A child's outcome scores: per instrument a chart with its cut-offs and the same figures as a
// table; therapists enter new scores here. Coordinators see totals and bands when allowed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normFor, type Instrument, type OutcomeScore } from '../../../../shared/therapy/measures';
import { useApiQuery } from '../../../api/queries';
import { isApiError } from '../../../api/client';
import { useSession } from '../../../auth/AuthContext';
import { StatusMessage } from '../../../ui/FormAlert';
import { ScoreChart } from './ScoreChart';
import { ScoreEntryForm } from './ScoreEntryForm';
import { ScoreTable } from './ScoreTable';
import './measures.css';

interface Group {
  instrument: Instrument;
  scores: OutcomeScore[];
}

/** Scores grouped by instrument version, in the order they were first given. */
function groupByInstrument(instruments: Instrument[], scores: OutcomeScore[]): Group[] {
  const groups: Group[] = [];
  for (const score of scores) {
    let group = groups.find(
      (g) =>
        g.instrument.code === score.instrumentCode &&
        g.instrument.version === score.instrumentVersion,
    );
    if (!group) {
      const instrument = instruments.find(
        (i) => i.code === score.instrumentCode && i.version === score.instrumentVersion,
      );
      if (!instrument) continue;
      group = { instrument, scores: [] };
      groups.push(group);
    }
    group.scores.push(score);
  }
  return groups;
}

export function ScoresPanel({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const history = useApiQuery('measures.history', { childId });
  const [status, setStatus] = useState<string | null>(null);
  const [entering, setEntering] = useState(false);

  if (history.isPending) return <p>{t('therapy.measures.loading')}</p>;
  if (history.isError) {
    const notShared = isApiError(history.error) && history.error.code === 'FORBIDDEN';
    return <p>{notShared ? t('therapy.measures.notShared') : t('therapy.measures.loadFailed')}</p>;
  }
  const { instruments, scores, subscalesShown } = history.data;
  const groups = groupByInstrument(instruments, scores);
  return (
    <div className="scores-panel">
      <StatusMessage>{status}</StatusMessage>
      {role === 'therapist' ? (
        entering ? (
          <ScoreEntryForm
            childId={childId}
            onCancel={() => setEntering(false)}
            onSaved={() => {
              setEntering(false);
              setStatus(t('therapy.measures.saved'));
            }}
          />
        ) : (
          <button type="button" onClick={() => setEntering(true)}>
            {t('therapy.measures.enter')}
          </button>
        )
      ) : (
        <p>{t('therapy.measures.totalsOnly')}</p>
      )}
      {groups.length === 0 ? <p>{t('therapy.measures.none')}</p> : null}
      {groups.map(({ instrument, scores: own }) => {
        const latest = own.at(-1)!;
        const norm = normFor(instrument, latest.informant, latest.normKey);
        return (
          <section
            key={`${instrument.code}@${instrument.version}`}
            aria-labelledby={`scores-${instrument.code}-${instrument.version}`}
            className="score-group"
          >
            <h3 id={`scores-${instrument.code}-${instrument.version}`}>
              {t('therapy.measures.groupHeading', {
                name: instrument.name,
                version: instrument.version,
              })}
            </h3>
            {norm ? <p className="field-hint">{norm.label}</p> : null}
            <ScoreChart instrument={instrument} norm={norm} scores={own} />
            <ScoreTable instrument={instrument} scores={own} subscalesShown={subscalesShown} />
          </section>
        );
      })}
      {groups.length > 0 ? (
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('therapy.measures.print')}
        </button>
      ) : null}
    </div>
  );
}
