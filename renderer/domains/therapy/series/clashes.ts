// Hard conflicts put into words: what clashes, and when, in the vault's time zone.
import type { TFunction } from 'i18next';
import type { Clash } from '../../../../shared/therapy/contract';
import { HARD_CONFLICTS, type HardConflict } from '../../../../shared/therapy/vocabulary';
import { ApiError } from '../../../api/client';
import { timeRange } from '../calendar/format';
import { childText } from '../labels';

export function clashText(t: TFunction, clash: Clash, timeZone: string): string {
  const time = timeRange(clash.startAt, clash.endAt, timeZone);
  switch (clash.kind) {
    case 'therapistBusy':
      return t('therapy.schedule.clash.therapistBusy', { time });
    case 'childBusy':
      return clash.child
        ? t('therapy.schedule.clash.childBusy', {
            child: clash.child.initials ? childText(t, clash.child) : clash.child.caseCode,
            time,
          })
        : t('therapy.schedule.clash.childBusyUnnamed', { time });
    case 'roomBusy':
      return t('therapy.schedule.clash.roomBusy', { room: clash.room ?? '', time });
    case 'outsideHours':
      return t('therapy.schedule.clash.outsideHours', { time });
    case 'onLeave':
      return clash.leaveKind === 'blocked'
        ? t('therapy.schedule.clash.blocked', { time })
        : t('therapy.schedule.clash.onLeave', { time });
  }
}

function isHardConflict(value: unknown): value is HardConflict {
  return typeof value === 'string' && (HARD_CONFLICTS as readonly string[]).includes(value);
}

/** A CONFLICT refusal named from its details ("Refused: …"), or null for any other error. */
export function refusalText(t: TFunction, error: unknown, timeZone: string): string | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const { clash, startAt, endAt, caseCode, room } = error.details;
  if (!isHardConflict(clash) || typeof startAt !== 'string' || typeof endAt !== 'string') {
    return null;
  }
  const words = clashText(
    t,
    {
      kind: clash,
      startAt,
      endAt,
      child: typeof caseCode === 'string' ? { id: '', caseCode, initials: '' } : null,
      room: typeof room === 'string' ? room : null,
      leaveKind: null,
    },
    timeZone,
  );
  return t('therapy.schedule.refused', { clash: words });
}
