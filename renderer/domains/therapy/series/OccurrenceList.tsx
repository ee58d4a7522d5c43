// The conflict check's answer, one date at a time: what clashes (named) or which rules it
// breaks, with Skip, Move (to a time checked first) and "find a free slot" for each.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceCheck, Slot } from '../../../../shared/therapy/contract';
import { zonedInstant } from '../../../../shared/time';
import { errorText } from '../../../i18n';
import { dayAndTime, dayOf, timeRange } from '../calendar/format';
import { clashText } from './clashes';
import { FreeSlots } from './FreeSlots';

/** What the user decided for an occurrence: leave it out, or book it at another time. */
export type Decision =
  { kind: 'skip' } | { kind: 'move'; date: string; time: string; check: OccurrenceCheck | null };

/** Every occurrence, its clashes named and its warnings, with Skip and Move for each. */
export function OccurrenceList({
  occurrences,
  decisions,
  timeZone,
  onDecide,
  checkMove,
  findSlots,
}: {
  occurrences: readonly OccurrenceCheck[];
  decisions: Record<string, Decision>;
  timeZone: string;
  onDecide: (date: string, decision: Decision | null) => void;
  checkMove: (date: string, time: string) => Promise<OccurrenceCheck | null>;
  findSlots: (fromDate: string) => Promise<Slot[]>;
}) {
  const { t } = useTranslation();
  const clashing = occurrences.filter((o) => o.conflicts.length > 0).length;
  const warned = occurrences.filter((o) => o.warnings.length > 0).length;
  return (
    <section aria-labelledby="occurrences-heading">
      <h3 id="occurrences-heading">
        {t('therapy.series.occurrences', { count: occurrences.length })}
      </h3>
      <p role="status">
        {clashing === 0 && warned === 0
          ? t('therapy.series.allClear')
          : t('therapy.series.summary', { clashing, warned })}
      </p>
      <ul className="occurrences">
        {occurrences.map((o) => (
          <OccurrenceRow
            key={o.date}
            occurrence={o}
            decision={decisions[o.date] ?? null}
            timeZone={timeZone}
            onDecide={(d) => onDecide(o.date, d)}
            checkMove={checkMove}
            findSlots={findSlots}
          />
        ))}
      </ul>
    </section>
  );
}

function OccurrenceRow({
  occurrence,
  decision,
  timeZone,
  onDecide,
  checkMove,
  findSlots,
}: {
  occurrence: OccurrenceCheck;
  decision: Decision | null;
  timeZone: string;
  onDecide: (decision: Decision | null) => void;
  checkMove: (date: string, time: string) => Promise<OccurrenceCheck | null>;
  findSlots: (fromDate: string) => Promise<Slot[]>;
}) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState(false);
  const [date, setDate] = useState(occurrence.date);
  const [time, setTime] = useState('');
  const [moveError, setMoveError] = useState<string | null>(null);
  const hard = occurrence.conflicts.length > 0;
  const soft = occurrence.warnings.length > 0;
  const when = `${dayOf(occurrence.startAt, timeZone)}, ${timeRange(occurrence.startAt, occurrence.endAt, timeZone)}`;
  const className = [
    'occurrence',
    hard ? 'occurrence-hard' : '',
    soft && !hard ? 'occurrence-soft' : '',
  ]
    .join(' ')
    .trim();

  const tryMove = async (toDate: string, toTime: string) => {
    setMoveError(null);
    try {
      const check = await checkMove(toDate, toTime);
      if (check && check.conflicts.length > 0) {
        setMoveError(
          t('therapy.schedule.refused', {
            clash: check.conflicts.map((c) => clashText(t, c, timeZone)).join(' '),
          }),
        );
        return;
      }
      onDecide({ kind: 'move', date: toDate, time: toTime, check });
      setMoving(false);
    } catch (error) {
      setMoveError(errorText(error instanceof Error ? error.message : 'internal', 'internal'));
    }
  };

  return (
    <li className={className}>
      <div className="occurrence-head">
        <strong>{when}</strong>
        <span>
          {decision?.kind === 'skip'
            ? t('therapy.series.skipped')
            : decision?.kind === 'move'
              ? t('therapy.series.movedTo', {
                  when: dayAndTime(zonedInstant(decision.date, decision.time, timeZone), timeZone),
                })
              : hard
                ? t('therapy.series.refusedLabel')
                : soft
                  ? t('therapy.series.warningLabel')
                  : t('therapy.series.freeLabel')}
        </span>
      </div>
      {hard || soft ? (
        <ul>
          {occurrence.conflicts.map((c, i) => (
            <li key={`c${i}`}>{clashText(t, c, timeZone)}</li>
          ))}
          {occurrence.warnings.map((w) => (
            <li key={w}>{errorText(w)}</li>
          ))}
        </ul>
      ) : null}
      {decision?.kind === 'move' && decision.check?.warnings.length ? (
        <ul>
          {decision.check.warnings.map((w) => (
            <li key={w}>{errorText(w)}</li>
          ))}
        </ul>
      ) : null}
      {hard || soft || decision ? (
        <div className="row-actions">
          {decision ? (
            <button
              type="button"
              aria-label={t('therapy.series.keepOne', { when })}
              onClick={() => onDecide(null)}
            >
              {t('therapy.series.keep')}
            </button>
          ) : (
            <>
              <button
                type="button"
                aria-label={t('therapy.series.skipOne', { when })}
                onClick={() => onDecide({ kind: 'skip' })}
              >
                {t('therapy.series.skip')}
              </button>
              <button
                type="button"
                aria-expanded={moving}
                aria-label={t('therapy.series.moveOne', { when })}
                onClick={() => setMoving(!moving)}
              >
                {t('therapy.series.move')}
              </button>
            </>
          )}
        </div>
      ) : null}
      {moving && !decision ? (
        <div className="move-panel">
          <div className="field-row">
            <div className="field">
              <label htmlFor={`move-date-${occurrence.date}`}>{t('therapy.series.moveDate')}</label>
              <input
                id={`move-date-${occurrence.date}`}
                type="date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`move-time-${occurrence.date}`}>{t('therapy.series.moveTime')}</label>
              <input
                id={`move-time-${occurrence.date}`}
                type="time"
                value={time}
                onChange={(e) => setTime(e.target.value)}
              />
            </div>
          </div>
          {moveError ? <p className="field-error">{moveError}</p> : null}
          <div className="row-actions">
            <button
              type="button"
              disabled={!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)}
              onClick={() => void tryMove(date, time)}
            >
              {t('therapy.series.moveHere')}
            </button>
          </div>
          <FreeSlots
            label={t('therapy.series.findFor', { when })}
            find={() => findSlots(occurrence.date)}
            timeZone={timeZone}
            onPick={(d, tm) => void tryMove(d, tm)}
          />
        </div>
      ) : null}
    </li>
  );
}
