// The case file's access log, for the coordinator: the audit log's entries about this child (the
// file opened, the name shown, the intake account opened, a history printed, each change), newest
// first, a page at a time. Other roles do not see the section and never ask for it.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ChildAccessEntry } from '../../../shared/privacy/contract';
import { isOneOf } from '../../../shared/text';
import { formatInstant } from '../../i18n/format';
import { useApi } from '../../api/ApiContext';
import type { ApiError } from '../../api/client';
import { useSession } from '../../auth/AuthContext';
import { auditActionText } from '../../i18n';
import { CaseSection } from '../../ui/CaseSection';
import { FormAlert } from '../../ui/FormAlert';
import { canReadAccessLog } from './roles';

const SECTIONS = ['name', 'intake', 'placementHistory'] as const;

export function AccessLogSection({ childId }: { childId: string }) {
  const { role } = useSession();
  const { t } = useTranslation();
  if (!canReadAccessLog(role)) return null;
  // Folded at first: the log is asked for when the coordinator opens the section, not on every
  // opening of the file (CaseSection renders a folded body at its first opening).
  return (
    <CaseSection id="case-access-log" title={t('privacy.accessLog.heading')} defaultOpen={false}>
      <AccessLog childId={childId} />
    </CaseSection>
  );
}

function AccessLog({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { settings } = useSession();
  const log = useInfiniteQuery<
    Awaited<ReturnType<typeof api.call<'privacy.childAccessLog'>>>,
    ApiError,
    ChildAccessEntry[],
    readonly ['privacy.childAccessLog', { childId: string }],
    number | undefined
  >({
    queryKey: ['privacy.childAccessLog', { childId }],
    queryFn: ({ pageParam }) =>
      api.call(
        'privacy.childAccessLog',
        pageParam === undefined ? { childId } : { childId, beforeSeq: pageParam },
      ),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.entries),
  });
  const entries = log.data ?? [];
  const staffText = (entry: ChildAccessEntry) => {
    const name = entry.actorName ?? t('privacy.accessLog.unknownStaff');
    return entry.actorRole ? `${name} (${t(`roles.${entry.actorRole}`)})` : name;
  };
  const partText = (section: string | null) =>
    isOneOf(SECTIONS, section) ? t(`privacy.accessLog.sections.${section}`) : '';
  return (
    <>
      <p>{t('privacy.accessLog.intro')}</p>
      {log.isError ? <FormAlert message={{ key: log.error.message }} /> : null}
      {log.isPending ? <p role="status">{t('privacy.accessLog.loading')}</p> : null}
      {log.isSuccess && entries.length === 0 ? (
        <p className="muted">{t('privacy.accessLog.none')}</p>
      ) : null}
      {entries.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('privacy.accessLog.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('privacy.accessLog.when')}</th>
                <th scope="col">{t('privacy.accessLog.who')}</th>
                <th scope="col">{t('privacy.accessLog.what')}</th>
                <th scope="col">{t('privacy.accessLog.part')}</th>
                <th scope="col">{t('privacy.accessLog.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.seq}>
                  <td>{formatInstant(entry.at, settings.timeZone)}</td>
                  <td>{staffText(entry)}</td>
                  <td>{auditActionText(entry.action)}</td>
                  <td>{partText(entry.section)}</td>
                  <td>{t(`privacy.accessLog.outcomes.${entry.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {log.hasNextPage ? (
        <p className="section-actions">
          <button
            type="button"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {t('privacy.accessLog.more')}
          </button>
        </p>
      ) : null}
    </>
  );
}
