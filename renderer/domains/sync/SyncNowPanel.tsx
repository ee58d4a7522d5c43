// "Sync now" with a folder: for every signed-in role on a computer that shares. The folder starts
// as the saved one and can be typed (a USB stick may be at another drive letter today).
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { procedures } from '../../../shared/contract';
import type { BundleRefusal, SyncNowResult, SyncStatus } from '../../../shared/sync/contract';
import { useApiMutation } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { Field } from '../../ui/Field';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';

export function SyncNowPanel({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: procedures['sync.now'].input,
    defaultValues: { folder: status.folder ?? '' },
    fields: ['folder'],
  });
  const sync = useApiMutation('sync.now', {
    // A sync can change any record on any screen: every answer is asked for again.
    onSuccess: () => void queryClient.invalidateQueries(),
    onError: showError,
  });
  return (
    <form
      onSubmit={submit((values) => sync.mutate(values))}
      noValidate
      className="form panel"
      aria-labelledby="sync-now-heading"
    >
      <h2 id="sync-now-heading">{t('sync.syncNow.heading')}</h2>
      <p>{t('sync.syncNow.body')}</p>
      <FormAlert message={formError} />
      <Field
        label={t('sync.syncNow.folder')}
        hint={t('sync.syncNow.folderHint')}
        error={errors.folder}
      >
        {(a) => <input {...a} {...form.register('folder')} autoComplete="off" spellCheck={false} />}
      </Field>
      <SubmitButton pending={sync.isPending} pendingText={t('sync.syncNow.syncing')}>
        {t('sync.syncNow.submit')}
      </SubmitButton>
      {sync.isPending ? (
        <progress className="work-progress" aria-label={t('sync.syncNow.syncing')} />
      ) : null}
      <StatusMessage version={sync.submittedAt}>
        {sync.data ? outcome(t, sync.data) : null}
      </StatusMessage>
      {sync.data && sync.data.refused.length > 0 ? <Refusals result={sync.data} /> : null}
    </form>
  );
}

function outcome(t: TFunction, result: SyncNowResult): string {
  return [
    t('sync.syncNow.applied', { count: result.applied }),
    result.written ? t('sync.syncNow.written') : t('sync.syncNow.notWritten'),
    result.deleted > 0 ? t('sync.syncNow.deleted', { count: result.deleted }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Each reason once, with how many files it refused: a stick may hold many of one kind. */
function Refusals({ result }: { result: SyncNowResult }) {
  const { t } = useTranslation();
  const counts = new Map<BundleRefusal, number>();
  for (const { reason } of result.refused) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return (
    <div className="sync-refusals" role="alert">
      <p>{t('sync.syncNow.refusedHeading', { count: result.refused.length })}</p>
      <ul>
        {[...counts].map(([reason, count]) => (
          <li key={reason}>
            {count > 1
              ? t('sync.syncNow.refusalCount', {
                  count,
                  reason: t(`sync.syncNow.refusal.${reason}`),
                })
              : t(`sync.syncNow.refusal.${reason}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
