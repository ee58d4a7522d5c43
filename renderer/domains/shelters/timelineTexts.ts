// Words for the shelters domain's kinds of timeline entry (admitted, transferred, discharged).
import type { TFunction } from 'i18next';
import type { TimelineKinds } from '../../../shared/case-file';
import { DISCHARGE_DESTINATIONS } from '../../../shared/shelters/vocabulary';
import { isOneOf } from '../../../shared/text';
import type { TimelineText } from '../../frame/contributions';
import { bedName } from './format';

/** The bed's name as the bed board writes it ("Room A · Bed 3"). */
function bedOf(t: TFunction, p: Record<string, string>): string {
  return bedName(t, { room: p.room || null, label: p.bed ?? '' });
}

export const sheltersTimelineTexts = {
  admitted: (t, p) =>
    t('shelters.timeline.admitted', { shelter: p.shelter ?? '', bed: bedOf(t, p) }),
  transferred: (t, p) =>
    t('shelters.timeline.transferred', {
      from: p.fromShelter ?? '',
      to: p.toShelter ?? '',
      bed: bedOf(t, p),
    }),
  discharged: (t, p) =>
    isOneOf(DISCHARGE_DESTINATIONS, p.destination)
      ? t('shelters.timeline.dischargedTo', {
          shelter: p.shelter ?? '',
          destination: t(`shelters.timeline.destination.${p.destination}`),
        })
      : t('shelters.timeline.discharged', { shelter: p.shelter ?? '' }),
} satisfies Record<TimelineKinds['shelters'], TimelineText>;
