import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../../shared/children/contract';
import { formatCalendarDate, formatInstant } from '../../../i18n/format';
import { useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { useTimelineTexts } from '../../../frame/contributions';
import { CaseSection } from '../../../ui/CaseSection';
import { FormAlert } from '../../../ui/FormAlert';

/**
 * Everything that happened on the case, newest first, in the vault's time zone; each domain
 * words its own kinds of entry (RendererDomain.timelineTexts).
 */
export function TimelineSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const texts = useTimelineTexts();
  const timeline = useApiQuery('children.timeline', { id: file.child.id });
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
              <span>{texts[entry.kind]?.(t, entry.params) ?? t('children.timeline.other')}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </CaseSection>
  );
}
