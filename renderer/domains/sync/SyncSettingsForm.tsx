// The administrator's settings for this computer: its sync folder and when a silent computer is
// flagged on the list.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STALE_DAYS, syncSettingsSchema, type SyncStatus } from '../../../shared/sync/contract';
import { queryKey, useApiMutation } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { Field } from '../../ui/Field';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';

export function SyncSettingsForm({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: syncSettingsSchema,
    defaultValues: { folder: status.folder ?? '', staleDays: status.staleDays },
    fields: ['folder', 'staleDays'],
  });
  const save = useApiMutation('sync.saveSettings', {
    onSuccess: (next) => queryClient.setQueryData(queryKey('sync.status', {}), next),
    onError: showError,
  });
  return (
    <form
      onSubmit={submit((values) => save.mutate(values))}
      noValidate
      className="form panel"
      aria-labelledby="sync-settings-heading"
    >
      <h2 id="sync-settings-heading">{t('sync.computers.settingsHeading')}</h2>
      <FormAlert message={formError} />
      <Field
        label={t('sync.computers.folder')}
        hint={t('sync.computers.folderHint')}
        error={errors.folder}
      >
        {(a) => <input {...a} {...form.register('folder')} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field
        label={t('sync.computers.staleDays')}
        hint={t('sync.computers.staleDaysHint')}
        error={errors.staleDays}
      >
        {(a) => (
          <input
            {...a}
            {...form.register('staleDays', { valueAsNumber: true })}
            type="number"
            inputMode="numeric"
            min={STALE_DAYS.min}
            max={STALE_DAYS.max}
            step={1}
            className="input-short"
          />
        )}
      </Field>
      <SubmitButton pending={save.isPending} pendingText={t('sync.computers.savingSettings')}>
        {t('sync.computers.saveSettings')}
      </SubmitButton>
      <StatusMessage version={save.submittedAt}>
        {save.isSuccess ? t('sync.computers.settingsSaved') : null}
      </StatusMessage>
    </form>
  );
}
