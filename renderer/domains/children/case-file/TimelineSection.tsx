import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CHILD_STATUSES,
  CONSENT_GIVERS,
  CONSENT_TYPES,
  GOAL_STATUSES,
  LEGAL_EVENT_KINDS,
  PLAN_DOMAINS,
} from '../../../../shared/children/vocabulary';
import { DISCHARGE_DESTINATIONS } from '../../../../shared/shelters/vocabulary';
import type { TimelineEntry } from '../../../../shared/children/contract';
import { formatCalendarDate, formatInstant } from '../../../../shared/time';
import { useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { FormAlert } from '../../../ui/FormAlert';
import {
  consentGiverText,
  consentTypeText,
  destinationText,
  domainText,
  goalStatusText,
  isOneOf,
  legalKindText,
  statusText,
} from '../labels';
import { bedName } from '../../shelters';
import { CaseSection } from './CaseSection';

/** Everything that happened on the case, newest first, in the vault's time zone. */
export function TimelineSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const timeline = useApiQuery('children.timeline', { id: childId });
  return (
    <CaseSection id="case-timeline" title={t('children.timeline.heading')}>
      {timeline.isError ? <FormAlert message={{ key: timeline.error.message }} /> : null}
      {timeline.isPending ? <p role="status">{t('children.loading')}</p> : null}
      {timeline.isSuccess && timeline.data.length === 0 ? (
        <p className="muted">{t('children.timeline.empty')}</p>
      ) : null}
      {timeline.isSuccess && timeline.data.length > 0 ? (
        <ol className="timeline">
          {timeline.data.map((entry, index) => (
            <li key={`${entry.at}-${entry.kind}-${index}`}>
              <time dateTime={entry.at} className="timeline-date">
                {entry.at.length === 10
                  ? formatCalendarDate(entry.at)
                  : formatInstant(entry.at, timeZone)}
              </time>
              <span>{timelineText(t, entry)}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </CaseSection>
  );
}

/** Params are codes or short names; codes are turned into words, anything unknown shown as-is. */
/** The bed's name as the bed board writes it ("Room A · Bed 3"). */
function bedOf(t: TFunction, p: TimelineEntry['params']): string {
  return bedName(t, { room: p.room || null, label: p.bed ?? '' });
}

function timelineText(t: TFunction, { kind, params: p }: TimelineEntry): string {
  const status = (code: string | undefined) =>
    isOneOf(CHILD_STATUSES, code) ? statusText(t, code) : (code ?? '');
  switch (kind) {
    case 'registered':
      return t('children.timeline.registered', { caseCode: p.caseCode ?? '' });
    case 'status':
      return t('children.timeline.status', { from: status(p.from), to: status(p.to) });
    case 'admitted':
      return t('children.timeline.admitted', { shelter: p.shelter ?? '', bed: bedOf(t, p) });
    case 'transferred':
      return t('children.timeline.transferred', {
        from: p.fromShelter ?? '',
        to: p.toShelter ?? '',
        bed: bedOf(t, p),
      });
    case 'discharged':
      return isOneOf(DISCHARGE_DESTINATIONS, p.destination)
        ? t('children.timeline.dischargedTo', {
            shelter: p.shelter ?? '',
            destination: destinationText(t, p.destination),
          })
        : t('children.timeline.discharged', { shelter: p.shelter ?? '' });
    case 'legal':
      return t('children.timeline.legal', {
        kind: isOneOf(LEGAL_EVENT_KINDS, p.kind) ? legalKindText(t, p.kind) : (p.kind ?? ''),
        court: p.court ?? '',
      });
    case 'goal':
      return t('children.timeline.goal', {
        domain: isOneOf(PLAN_DOMAINS, p.domain) ? domainText(t, p.domain) : (p.domain ?? ''),
        status: isOneOf(GOAL_STATUSES, p.status) ? goalStatusText(t, p.status) : (p.status ?? ''),
      });
    case 'task':
      return p.done === 'true'
        ? t('children.timeline.taskDone', { title: p.title ?? '' })
        : t('children.timeline.taskDue', { title: p.title ?? '' });
    case 'consent': {
      const type = isOneOf(CONSENT_TYPES, p.type) ? consentTypeText(t, p.type) : (p.type ?? '');
      if (p.change === 'withdrawn') return t('children.timeline.consentWithdrawn', { type });
      return isOneOf(CONSENT_GIVERS, p.givenBy)
        ? t('children.timeline.consentGivenBy', { type, by: consentGiverText(t, p.givenBy) })
        : t('children.timeline.consentGiven', { type });
    }
    case 'intake':
      return t('children.timeline.intake');
  }
}
