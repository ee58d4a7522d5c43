import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  backupUnlockSchema,
  RETENTION,
  retentionSchema,
  type BackupStatus,
  type BackupSummary,
} from '../../../shared/backup/contract';
import { formatInstant } from '../../i18n/format';
import { useQueryClient } from '@tanstack/react-query';
import { queryKey, useApiMutation, useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useApiForm } from '../../forms/useApiForm';
import { messageFor, type FormMessage } from '../../forms/useServerErrors';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';
import { WorkProgress } from '../../ui/WorkProgress';
import {
  BackupUnlockFields,
  NO_UNLOCK,
  UNLOCK_FIELDS,
  type UnlockValues,
} from './BackupUnlockFields';
import { procedures } from '../../../shared/contract';

/** The administrator's backups: make one now, or restore the vault from one. */
export function BackupsScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('backups.title'));
  return (
    <>
      <h1>{t('backups.title')}</h1>
      <BackUpNow />
      <AutomaticBackups />
      <RestoreBackup />
    </>
  );
}

function BackUpNow() {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: procedures['backup.create'].input,
    defaultValues: { folder: '' },
    fields: ['folder'],
  });
  const create = useApiMutation('backup.create', { onError: showError });
  const onSubmit = submit((values) => create.mutate(values));
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="form panel"
      aria-labelledby="backup-now-heading"
    >
      <h2 id="backup-now-heading">{t('backups.nowHeading')}</h2>
      <p>{t('backups.nowBody')}</p>
      <FormAlert message={formError} />
      <Field label={t('backups.folder')} hint={t('backups.folderHint')} error={errors.folder}>
        {(a) => <input {...a} {...form.register('folder')} autoComplete="off" spellCheck={false} />}
      </Field>
      <SubmitButton pending={create.isPending} pendingText={t('backups.backingUp')}>
        {t('backups.backUpNow')}
      </SubmitButton>
      {create.isPending ? (
        <WorkProgress procedure="backup.create" label={t('backups.backingUp')} />
      ) : null}
      <StatusMessage version={create.submittedAt}>
        {create.data
          ? t('backups.made', {
              path: create.data.path,
              when: formatInstant(create.data.createdAt, timeZone),
              size: megabytes(create.data.bytes),
            })
          : null}
      </StatusMessage>
    </form>
  );
}

function AutomaticBackups() {
  const { t } = useTranslation();
  const status = useApiQuery('backup.status', {});
  return (
    <section className="panel" aria-labelledby="backup-auto-heading">
      <h2 id="backup-auto-heading">{t('backups.autoHeading')}</h2>
      {status.isError ? <FormAlert message={{ key: status.error.message }} /> : null}
      {status.data ? <RetentionForm status={status.data} /> : null}
    </section>
  );
}

function RetentionForm({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const queryClient = useQueryClient();
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: retentionSchema,
    defaultValues: { keepDaily: status.keepDaily, keepWeekly: status.keepWeekly },
    fields: ['keepDaily', 'keepWeekly'],
  });
  const save = useApiMutation('backup.setRetention', {
    onSuccess: (next) => queryClient.setQueryData(queryKey('backup.status', {}), next),
    onError: showError,
  });
  const last = status.lastAutomatic;
  return (
    <form onSubmit={submit((values) => save.mutate(values))} noValidate className="form">
      <p>{t('backups.autoBody', { folder: status.folder })}</p>
      <p>
        {last === null
          ? t('backups.lastNone')
          : last.ok
            ? t('backups.lastOk', { when: formatInstant(last.at, timeZone) })
            : null}
      </p>
      <FormAlert message={formError} />
      <Field label={t('backups.keepDaily')} error={errors.keepDaily}>
        {(a) => (
          <input
            {...a}
            {...form.register('keepDaily', { valueAsNumber: true })}
            type="number"
            min={RETENTION.daily.min}
            max={RETENTION.daily.max}
            className="input-short"
          />
        )}
      </Field>
      <Field label={t('backups.keepWeekly')} error={errors.keepWeekly}>
        {(a) => (
          <input
            {...a}
            {...form.register('keepWeekly', { valueAsNumber: true })}
            type="number"
            min={RETENTION.weekly.min}
            max={RETENTION.weekly.max}
            className="input-short"
          />
        )}
      </Field>
      <SubmitButton pending={save.isPending} pendingText={t('backups.savingRetention')}>
        {t('backups.saveRetention')}
      </SubmitButton>
      <StatusMessage version={save.submittedAt}>
        {save.isSuccess ? t('backups.retentionSaved') : null}
      </StatusMessage>
    </form>
  );
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function RestoreBackup() {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const [checked, setChecked] = useState<{ input: UnlockValues; summary: BackupSummary } | null>(
    null,
  );
  const [confirming, setConfirming] = useState(false);
  const [restoreError, setRestoreError] = useState<FormMessage | null>(null);
  const { form, formError, showError, submit } = useApiForm({
    schema: backupUnlockSchema,
    defaultValues: NO_UNLOCK,
    fields: UNLOCK_FIELDS,
  });
  const inspect = useApiMutation('backup.inspect', {
    onSuccess: (summary, input) => setChecked({ input, summary }),
    onError: showError,
  });
  // Success locks Aruga: the sign-in screen follows, for the restored vault's accounts.
  const restore = useApiMutation('backup.restore', {
    onError: (e) => setRestoreError(messageFor(e)),
  });
  const onSubmit = submit((values) => {
    setChecked(null);
    inspect.mutate(values);
  });

  return (
    <section className="panel" aria-labelledby="backup-restore-heading">
      <h2 id="backup-restore-heading">{t('backups.restoreHeading')}</h2>
      <p>{t('backups.restoreBody')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormAlert message={formError} />
        <BackupUnlockFields form={form} who="anyone" />
        <SubmitButton pending={inspect.isPending} pendingText={t('backups.checking')}>
          {t('backups.check')}
        </SubmitButton>
        {inspect.isPending ? (
          <WorkProgress procedure="backup.inspect" label={t('backups.checking')} />
        ) : null}
      </form>
      {checked ? (
        <div className="backup-summary">
          <h3>{t('backups.summaryHeading')}</h3>
          <dl>
            <dt>{t('backups.summary.createdAt')}</dt>
            <dd>{formatInstant(checked.summary.createdAt, timeZone)}</dd>
            <dt>{t('backups.summary.version')}</dt>
            <dd>
              {t('backups.summary.versionValue', {
                app: checked.summary.appVersion,
                schema: checked.summary.schemaVersion,
              })}
            </dd>
            <dt>{t('backups.summary.children')}</dt>
            <dd>{checked.summary.counts.children}</dd>
            <dt>{t('backups.summary.placements')}</dt>
            <dd>{checked.summary.counts.placements}</dd>
            <dt>{t('backups.summary.shelters')}</dt>
            <dd>{checked.summary.counts.shelters}</dd>
            <dt>{t('backups.summary.users')}</dt>
            <dd>{checked.summary.counts.users}</dd>
          </dl>
          <div className="form-actions">
            <button
              type="button"
              className="button-danger"
              onClick={() => {
                setRestoreError(null);
                setConfirming(true);
              }}
            >
              {t('backups.restore')}
            </button>
          </div>
        </div>
      ) : null}
      {confirming && checked ? (
        <ConfirmDialog
          title={t('backups.confirmTitle')}
          body={t('backups.confirmBody', {
            when: formatInstant(checked.summary.createdAt, timeZone),
          })}
          confirmLabel={t('backups.confirmRestore')}
          pending={restore.isPending}
          progress="backup.restore"
          error={restoreError}
          onConfirm={() => restore.mutate(checked.input)}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
