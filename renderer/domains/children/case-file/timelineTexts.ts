// Words for the children domain's kinds of timeline entry. Params are codes or short names;
// codes are turned into words, anything unknown shown as it came.
import type { TimelineKinds } from '../../../../shared/case-file';
import {
  CHILD_STATUSES,
  CONSENT_GIVERS,
  CONSENT_TYPES,
  GOAL_STATUSES,
  LEGAL_EVENT_KINDS,
  PLAN_DOMAINS,
} from '../../../../shared/children/vocabulary';
import { isOneOf } from '../../../../shared/text';
import type { TimelineText } from '../../../frame/contributions';
import {
  consentGiverText,
  consentTypeText,
  domainText,
  goalStatusText,
  legalKindText,
  statusText,
} from '../labels';

export const childrenTimelineTexts = {
  registered: (t, p) => t('children.timeline.registered', { caseCode: p.caseCode ?? '' }),
  status: (t, p) => {
    const status = (code: string | undefined) =>
      isOneOf(CHILD_STATUSES, code) ? statusText(t, code) : (code ?? '');
    return t('children.timeline.status', { from: status(p.from), to: status(p.to) });
  },
  legal: (t, p) =>
    t('children.timeline.legal', {
      kind: isOneOf(LEGAL_EVENT_KINDS, p.kind) ? legalKindText(t, p.kind) : (p.kind ?? ''),
      court: p.court ?? '',
    }),
  goal: (t, p) =>
    t('children.timeline.goal', {
      domain: isOneOf(PLAN_DOMAINS, p.domain) ? domainText(t, p.domain) : (p.domain ?? ''),
      status: isOneOf(GOAL_STATUSES, p.status) ? goalStatusText(t, p.status) : (p.status ?? ''),
    }),
  task: (t, p) =>
    p.done === 'true'
      ? t('children.timeline.taskDone', { title: p.title ?? '' })
      : t('children.timeline.taskDue', { title: p.title ?? '' }),
  consent: (t, p) => {
    const type = isOneOf(CONSENT_TYPES, p.type) ? consentTypeText(t, p.type) : (p.type ?? '');
    if (p.change === 'withdrawn') return t('children.timeline.consentWithdrawn', { type });
    return isOneOf(CONSENT_GIVERS, p.givenBy)
      ? t('children.timeline.consentGivenBy', { type, by: consentGiverText(t, p.givenBy) })
      : t('children.timeline.consentGiven', { type });
  },
  intake: (t) => t('children.timeline.intake'),
} satisfies Record<TimelineKinds['children'], TimelineText>;
