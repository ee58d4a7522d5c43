// Words for the casework domain's kinds of timeline entry: a health record's kind, never what it
// says.
import type { TimelineKinds } from '../../../shared/case-file';
import { HEALTH_KINDS } from '../../../shared/casework/vocabulary';
import { isOneOf } from '../../../shared/text';
import type { TimelineText } from '../../frame/contributions';

export const caseworkTimelineTexts = {
  health: (t, p) =>
    isOneOf(HEALTH_KINDS, p.kind)
      ? t('casework.timeline.health', { kind: t(`casework.healthKind.${p.kind}`) })
      : t('casework.timeline.healthOther'),
} satisfies Record<TimelineKinds['casework'], TimelineText>;
