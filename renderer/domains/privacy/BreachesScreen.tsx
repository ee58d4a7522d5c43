// The administrator's breach register: the open breaches with their 72-hour notification (an
// overdue one said plainly), then the closed ones; recording, correcting and closing a breach.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breach } from '../../../shared/privacy/contract';
import { formatCalendarDate, formatInstant } from '../../i18n/format';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { BreachDialog, CloseBreachDialog } from './BreachDialogs';
import './privacy.css';

type Open = { kind: 'add' } | { kind: 'edit' | 'close'; breach: Breach } | null;

export function BreachesScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.breaches.title'));
  const breaches = useApiQuery('breaches.list', {});
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<{ text: string; at: number } | null>(null);
  const finish = (text: string) => {
    setOpen(null);
    setDone({ text, at: Date.now() });
  };
  const all = breaches.data ?? [];
  const openOnes = all.filter((b) => b.closedAt === null);
  const closed = all.filter((b) => b.closedAt !== null);
  return (
    <>
      <div className="screen-heading">
        <h1>{t('privacy.breaches.title')}</h1>
        <button type="button" className="button-primary" onClick={() => setOpen({ kind: 'add' })}>
          {t('privacy.breaches.record')}
        </button>
      </div>
      <p className="lead-text">{t('privacy.breaches.intro')}</p>
      <StatusMessage version={done?.at}>{done?.text ?? null}</StatusMessage>
      {breaches.isError ? <FormAlert message={{ key: breaches.error.message }} /> : null}
      <section aria-labelledby="breaches-open">
        <h2 id="breaches-open">{t('privacy.breaches.openHeading')}</h2>
        {breaches.isSuccess && openOnes.length === 0 ? (
          <p className="muted">{t('privacy.breaches.noneOpen')}</p>
        ) : null}
        {openOnes.map((breach) => (
          <BreachRecord
            key={breach.id}
            breach={breach}
            onEdit={() => setOpen({ kind: 'edit', breach })}
            onClose={() => setOpen({ kind: 'close', breach })}
          />
        ))}
      </section>
      {closed.length > 0 ? (
        <section aria-labelledby="breaches-closed">
          <h2 id="breaches-closed">{t('privacy.breaches.closedHeading')}</h2>
          {closed.map((breach) => (
            <BreachRecord key={breach.id} breach={breach} />
          ))}
        </section>
      ) : null}
      {open?.kind === 'add' || open?.kind === 'edit' ? (
        <BreachDialog
          breach={open.kind === 'edit' ? open.breach : null}
          onClose={() => setOpen(null)}
          onSaved={() => finish(t('privacy.breaches.saved'))}
        />
      ) : null}
      {open?.kind === 'close' ? (
        <CloseBreachDialog
          breach={open.breach}
          onClose={() => setOpen(null)}
          onClosed={() => finish(t('privacy.breaches.closedDone'))}
        />
      ) : null}
    </>
  );
}

function BreachRecord({
  breach,
  onEdit,
  onClose,
}: {
  breach: Breach;
  onEdit?: () => void;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const when = (at: string) => formatInstant(at, settings.timeZone);
  const headingId = `breach-${breach.id}`;
  return (
    <article className="panel breach" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('privacy.breaches.discovered', { when: when(breach.discoveredAt) })}
      </h3>
      {breach.closedAt === null ? <NotificationLine breach={breach} /> : null}
      <dl>
        <dt>{t('privacy.breaches.summary')}</dt>
        <dd className="preserve-lines">{breach.summary}</dd>
        <dt>{t('privacy.breaches.notified')}</dt>
        <dd className="preserve-lines">{breach.notified}</dd>
        {breach.closedAt !== null ? (
          <>
            <dt>{t('privacy.breaches.closedOn', { when: when(breach.closedAt) })}</dt>
            <dd className="preserve-lines">{breach.closingNote}</dd>
          </>
        ) : null}
      </dl>
      <p className="muted">
        {t('privacy.breaches.recordedBy', {
          name: breach.recordedByName ?? t('privacy.breaches.unknownStaff'),
        })}
      </p>
      {onEdit && onClose ? (
        <p className="section-actions">
          <button type="button" onClick={onEdit}>
            {t('privacy.breaches.edit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('privacy.breaches.close')}
          </button>
        </p>
      ) : null}
    </article>
  );
}

function NotificationLine({ breach }: { breach: Breach }) {
  const { t } = useTranslation();
  const { settings } = useSession();
  if (breach.npcNotifiedOn !== null)
    return (
      <p>{t('privacy.breaches.npcDone', { date: formatCalendarDate(breach.npcNotifiedOn) })}</p>
    );
  const when = formatInstant(breach.npcDueAt, settings.timeZone);
  return breach.overdue ? (
    <p className="breach-overdue">
      <strong>{t('privacy.breaches.npcOverdue', { when })}</strong>
    </p>
  ) : (
    <p>{t('privacy.breaches.npcDue', { when })}</p>
  );
}
