import { useState } from 'react';
import { Checkbox } from '../../ui/Checkbox';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isoDateSchema } from '../../../shared/ids';
import { todayIn } from '../../../shared/time';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { BedBoardView } from './BedBoardView';
import { OccupancySummary } from './OccupancySummary';
import './shelters.css';

/** Why a typed date is not used: empty, not a date, or later than today. */
function dateProblem(value: string, today: string): string | null {
  if (value === '') return 'required';
  if (!isoDateSchema.safeParse(value).success) return 'invalid';
  return value > today ? 'date.future' : null;
}

/**
 * One shelter's beds as of today or a past date; coordinators also see every shelter's
 * occupancy for the same date. The shelter and date live in the URL, so going back from a case
 * file returns to the same board.
 */
export function BedBoardScreen() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('shelters.board.title'));
  const today = todayIn(session.settings.timeZone);
  const [params, setParams] = useSearchParams();
  const shelters = useApiQuery('shelters.names', {});

  const asOfParam = params.get('asOf');
  const asOf = asOfParam && dateProblem(asOfParam, today) === null ? asOfParam : today;
  const [draft, setDraft] = useState(asOf);
  const [boardMode, setBoardMode] = useState(false);
  const problem = dateProblem(draft, today);
  // Only the shelters the viewer works in have a board for them.
  const list = (shelters.data ?? []).filter((s) => s.inScope);
  const chosen = params.get('shelter');
  const shelterId = list.some((s) => s.id === chosen) ? chosen : (list[0]?.id ?? null);

  const update = (next: { shelter?: string; asOf?: string }) => {
    const values = { shelter: shelterId ?? '', asOf, ...next };
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (values.shelter) copy.set('shelter', values.shelter);
        copy.set('asOf', values.asOf);
        return copy;
      },
      { replace: true },
    );
  };
  const changeDate = (value: string) => {
    setDraft(value);
    if (dateProblem(value, today) === null) update({ asOf: value });
  };

  return (
    <>
      <h1>{t('shelters.board.title')}</h1>
      {shelters.isError ? <FormAlert message={{ key: shelters.error.message }} /> : null}
      <div className="board-controls" role="group" aria-label={t('shelters.board.controlsLabel')}>
        {boardMode ? null : (
          <>
            <Field label={t('shelters.board.shelter')}>
              {(a) => (
                <select
                  {...a}
                  value={shelterId ?? ''}
                  disabled={list.length === 0}
                  onChange={(event) => update({ shelter: event.target.value })}
                >
                  {list.map((shelter) => (
                    <option key={shelter.id} value={shelter.id}>
                      {shelter.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('shelters.board.asOf')}
              hint={t('shelters.board.asOfHint')}
              error={problem ? { message: problem } : undefined}
            >
              {(a) => (
                <input
                  {...a}
                  type="date"
                  className="input-date"
                  value={draft}
                  max={today}
                  onChange={(event) => changeDate(event.target.value)}
                />
              )}
            </Field>
            <button type="button" className="board-today" onClick={() => changeDate(today)}>
              {t('shelters.board.today')}
            </button>
          </>
        )}
        <Checkbox
          label={t('shelters.board.boardMode')}
          checked={boardMode}
          onChange={(event) => setBoardMode(event.target.checked)}
        />
      </div>
      {shelters.isSuccess && list.length === 0 ? <p>{t('shelters.board.noShelters')}</p> : null}
      {shelterId ? (
        <BedBoardView shelterId={shelterId} asOf={asOf} today={today} boardMode={boardMode} />
      ) : null}
      {session.role === 'coordinator' && !boardMode ? <OccupancySummary asOf={asOf} /> : null}
    </>
  );
}
