// Words for the care domain's kinds of timeline entry: the kind only, never what happened.
import type { TimelineKinds } from '../../../shared/case-file';
import {
  AWAY_KINDS,
  CONTACT_KINDS,
  DOCUMENT_KINDS,
  INCIDENT_KINDS,
} from '../../../shared/care/vocabulary';
import { isOneOf } from '../../../shared/text';
import type { TimelineText } from '../../frame/contributions';

export const careTimelineTexts = {
  incident: (t, p) =>
    isOneOf(INCIDENT_KINDS, p.kind)
      ? t('care.timeline.incident', { kind: t(`care.incidentKind.${p.kind}`) })
      : t('care.timeline.incidentOther'),
  awayStarted: (t, p) =>
    isOneOf(AWAY_KINDS, p.kind)
      ? t('care.timeline.awayStarted', { kind: t(`care.awayKind.${p.kind}`) })
      : t('care.timeline.awayOther'),
  awayReturned: (t, p) =>
    isOneOf(AWAY_KINDS, p.kind)
      ? t('care.timeline.awayReturned', { kind: t(`care.awayKind.${p.kind}`) })
      : t('care.timeline.returnedOther'),
  document: (t, p) =>
    isOneOf(DOCUMENT_KINDS, p.kind)
      ? t('care.timeline.document', { kind: t(`care.documentKind.${p.kind}`) })
      : t('care.timeline.documentOther'),
  contact: (t, p) =>
    isOneOf(CONTACT_KINDS, p.kind)
      ? t('care.timeline.contact', { kind: t(`care.contactKind.${p.kind}`) })
      : t('care.timeline.contactOther'),
} satisfies Record<TimelineKinds['care'], TimelineText>;
