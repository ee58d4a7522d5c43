// Small display helpers shared by the bed board, the shelter screens and the placement panel.
import type { TFunction } from 'i18next';
import { zonedFormat } from '../../../shared/time';
import { formatInstant } from '../../i18n/format';

/** "AR-2026-0042 (J.D.)": what lists show of a child instead of a name. */
export function childLabel(t: TFunction, child: { caseCode: string; initials: string }): string {
  return t('shelters.common.child', { caseCode: child.caseCode, initials: child.initials });
}

/** "Room A · Bed 3", or just "Bed 3" for a bed outside any room. */
export function bedName(t: TFunction, bed: { room: string | null; label: string }): string {
  return bed.room ? t('shelters.common.bedInRoom', { room: bed.room, bed: bed.label }) : bed.label;
}

/** MM/DD/YYYY of an instant, in the vault's time zone. */
export function instantDate(iso: string, timeZone: string): string {
  return formatInstant(iso, timeZone, 'date');
}

/** The date (YYYY-MM-DD) and time (HH:mm) inputs' values for an instant in the vault's zone. */
export function zonedParts(iso: string, timeZone: string): { date: string; time: string } {
  return {
    date: zonedFormat(iso, timeZone, 'yyyy-MM-dd'),
    time: zonedFormat(iso, timeZone, 'HH:mm'),
  };
}
