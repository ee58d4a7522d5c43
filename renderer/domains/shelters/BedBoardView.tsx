import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BedBoard, BedBoardBed, BedState } from '../../../shared/shelters/contract';
import { formatCalendarDate } from '../../i18n/format';
import { isApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { messageFor, type FormMessage } from '../../forms/useServerErrors';
import { bedName, childLabel, instantDate } from './format';
import { BEDS_STALE } from './stale';
import { ReserveBedDialog } from './ReserveBedDialog';
import { BedClashMarker } from './ClashNotice';

/** A shape as well as a word for each state, so state never rests on colour alone. */
const STATE_ICON: Record<BedState, string> = { vacant: '○', occupied: '●', reserved: '◐' };

interface Room {
  name: string | null;
  beds: BedBoardBed[];
}

/** Beds grouped by room, in the backend's natural order. */
function roomsOf(board: BedBoard): Room[] {
  const rooms: Room[] = [];
  for (const bed of board.beds) {
    const last = rooms.at(-1);
    if (last && last.name === bed.room) last.beds.push(bed);
    else rooms.push({ name: bed.room, beds: [bed] });
  }
  return rooms;
}

export function BedBoardView({
  shelterId,
  asOf,
  today,
  boardMode = false,
}: {
  shelterId: string;
  asOf: string;
  today: string;
  /**
   * For a wall screen: bed states and case codes only; no shelter name, date, counts, aliases
   * or actions, since any of them beside a case code helps a passer-by place a child.
   */
  boardMode?: boolean;
}) {
  const { t } = useTranslation();
  const board = useApiQuery('beds.board', { shelterId, asOf });
  const [reserving, setReserving] = useState<BedBoardBed | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<FormMessage | null>(null);
  const release = useApiMutation('beds.reserve', {
    stale: () => BEDS_STALE,
    onError: (e) => setError(messageFor(e)),
  });
  const rooms = useMemo(() => (board.data ? roomsOf(board.data) : []), [board.data]);

  if (board.isPending) return <p role="status">{t('shelters.common.loading')}</p>;
  if (board.isError) {
    const notInScope = isApiError(board.error) && board.error.code === 'NOT_FOUND';
    return notInScope ? (
      <p className="notice">{t('shelters.board.notInScope')}</p>
    ) : (
      <FormAlert message={{ key: board.error.message }} />
    );
  }

  const data = board.data;
  const count = (state: BedState) => data.beds.filter((b) => b.state === state).length;
  const canReserve = asOf === today && !boardMode;
  const onRelease = (bed: BedBoardBed) => {
    setError(null);
    setStatus(null);
    release.mutate(
      { bedId: bed.id, childId: null },
      {
        onSuccess: () => setStatus(t('shelters.board.released', { bed: bedName(t, bed) })),
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="bed-board-heading">
      <h2 id="bed-board-heading">
        {boardMode
          ? t('shelters.board.boardModeHeading')
          : t('shelters.board.heading', {
              shelter: data.shelterName,
              date: formatCalendarDate(asOf),
            })}
      </h2>
      {boardMode ? null : (
        <p>
          {t('shelters.board.summary', {
            count: data.beds.length,
            capacity: data.capacity,
            occupied: count('occupied'),
            reserved: count('reserved'),
            vacant: count('vacant'),
          })}
        </p>
      )}
      <StatusMessage>{status}</StatusMessage>
      <FormAlert message={error} />
      {data.beds.length === 0 ? <p>{t('shelters.board.noBeds')}</p> : null}
      {rooms.map((room, index) => {
        const roomName = room.name ?? t('shelters.common.noRoom');
        const headingId = `bed-room-${index}`;
        return (
          <section key={room.name ?? ''} className="bed-room" aria-labelledby={headingId}>
            <h3 id={headingId}>{roomName}</h3>
            <ul className="bed-grid" aria-label={t('shelters.board.roomBeds', { room: roomName })}>
              {room.beds.map((bed) => (
                <BedCard
                  key={bed.id}
                  bed={bed}
                  onReserve={canReserve ? () => setReserving(bed) : null}
                  onRelease={canReserve ? () => onRelease(bed) : null}
                  releasing={release.isPending}
                  boardMode={boardMode}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {reserving ? (
        <ReserveBedDialog
          bed={reserving}
          onClose={() => setReserving(null)}
          onDone={(message) => {
            setReserving(null);
            setError(null);
            setStatus(message);
          }}
        />
      ) : null}
    </section>
  );
}

function BedCard({
  bed,
  onReserve,
  onRelease,
  releasing,
  boardMode,
}: {
  bed: BedBoardBed;
  onReserve: (() => void) | null;
  onRelease: (() => void) | null;
  releasing: boolean;
  boardMode: boolean;
}) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const name = bedName(t, bed);
  return (
    <li className={`bed-card bed-${bed.state}${bed.clash ? ' bed-clashing' : ''}`}>
      <p className="bed-label">{bed.label}</p>
      <p className="bed-state">
        <span className="bed-icon" aria-hidden="true">
          {STATE_ICON[bed.state]}
        </span>{' '}
        {t(`shelters.bedStates.${bed.state}`)}
      </p>
      {bed.occupant?.away ? <AwayLine away={bed.occupant.away} boardMode={boardMode} /> : null}
      {bed.occupant && boardMode ? (
        <p className="bed-child">{bed.occupant.caseCode}</p>
      ) : bed.occupant ? (
        <>
          <p className="bed-child">
            <Link to={`/cases/${bed.occupant.childId}`}>{childLabel(t, bed.occupant)}</Link>
          </p>
          <p className="bed-meta">
            {t('shelters.board.since', { date: instantDate(bed.occupant.since, timeZone) })}
            <br />
            {t('shelters.common.days', { count: bed.occupant.lengthOfStayDays })}
          </p>
        </>
      ) : null}
      {bed.clash ? <BedClashMarker clash={bed.clash} boardMode={boardMode} /> : null}
      {bed.reservedFor && !boardMode ? (
        <p className="bed-child">
          {t('shelters.board.reservedFor')}{' '}
          <Link to={`/cases/${bed.reservedFor.childId}`}>{childLabel(t, bed.reservedFor)}</Link>
        </p>
      ) : null}
      {bed.state === 'vacant' && onReserve ? (
        <button
          type="button"
          className="bed-action"
          aria-label={t('shelters.board.reserveBed', { bed: name })}
          onClick={onReserve}
        >
          {t('shelters.board.reserve')}
        </button>
      ) : null}
      {bed.state === 'reserved' && onRelease ? (
        <button
          type="button"
          className="bed-action"
          aria-label={t('shelters.board.releaseBed', { bed: name })}
          disabled={releasing}
          onClick={onRelease}
        >
          {t('shelters.board.release')}
        </button>
      ) : null}
    </li>
  );
}

type BedAway = NonNullable<NonNullable<BedBoardBed['occupant']>['away']>;

/** Away while keeping the bed; a wall screen says only "Away", never why. */
function AwayLine({ away, boardMode }: { away: BedAway; boardMode: boolean }) {
  const { t } = useTranslation();
  if (boardMode) return <p className="bed-away">{t('shelters.board.awayPlain')}</p>;
  return (
    <p className={away.overdue ? 'bed-away bed-away-overdue' : 'bed-away'}>
      {t(`shelters.board.away.${away.kind}`)}
      {away.plannedReturnOn ? (
        <>
          <br />
          {t(away.overdue ? 'shelters.board.returnOverdue' : 'shelters.board.returnPlanned', {
            date: formatCalendarDate(away.plannedReturnOn),
          })}
        </>
      ) : null}
    </p>
  );
}
