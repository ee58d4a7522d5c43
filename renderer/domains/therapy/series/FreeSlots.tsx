import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../../../../shared/therapy/contract';
import { isApiError } from '../../../api/client';
import { errorText } from '../../../i18n';
import { dayOf, timeRange } from '../calendar/format';

/**
 * "Find a free slot": the next times the therapist, the child and the room are all free, each a
 * button that takes it (date and time in the vault's zone).
 */
export function FreeSlots({
  label,
  find,
  timeZone,
  onPick,
}: {
  label: string;
  find: () => Promise<Slot[]>;
  timeZone: string;
  onPick: (date: string, time: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const search = async () => {
    setBusy(true);
    setError(null);
    try {
      setSlots(await find());
    } catch (caught) {
      setError(errorText(isApiError(caught) ? caught.message : 'internal', 'internal'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="free-slots">
      <button type="button" onClick={() => void search()} disabled={busy}>
        {label}
      </button>
      <span role="status" className="pending-text">
        {busy ? t('common.working') : null}
      </span>
      {error ? <p className="field-error">{error}</p> : null}
      {slots !== null ? (
        <section aria-labelledby={headingId}>
          <h4 id={headingId}>{t('therapy.series.freeSlots', { count: slots.length })}</h4>
          {slots.length === 0 ? (
            <p className="muted">{t('therapy.series.noFreeSlots')}</p>
          ) : (
            <ul className="slot-list">
              {slots.map((slot) => {
                const start = new TZDate(slot.startAt, timeZone);
                const when = `${dayOf(slot.startAt, timeZone)}, ${timeRange(slot.startAt, slot.endAt, timeZone)}`;
                return (
                  <li key={slot.startAt}>
                    <button
                      type="button"
                      aria-label={t('therapy.series.takeSlot', { when })}
                      onClick={() => onPick(format(start, 'yyyy-MM-dd'), format(start, 'HH:mm'))}
                    >
                      {when}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
