import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAPER_SIZES, vaultSettingsSchema, type VaultSettings } from '../../../shared/settings';
import { formatInstant } from '../../i18n/format';
import { queryKey, useApiMutation, useApiQuery } from '../../api/queries';
import { useAuth, useSession } from '../../auth/AuthContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';

import { messageFor, type FormMessage } from '../../forms/useServerErrors';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useApiForm } from '../../forms/useApiForm';

export function SettingsScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.title'));
  const settings = useApiQuery('settings.get', {});
  return (
    <>
      <h1>{t('settings.title')}</h1>
      {settings.isError ? <FormAlert message={{ key: settings.error.message }} /> : null}
      {settings.data ? <SettingsForm initial={settings.data} /> : null}
      <RotateKeySection />
    </>
  );
}

const FIELDS = ['idleLockMinutes', 'timeZone', 'paperSize'] as const;

function SettingsForm({ initial }: { initial: VaultSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { settingsChanged } = useAuth();
  const [saved, setSaved] = useState(false);
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: vaultSettingsSchema,
    defaultValues: initial,
    fields: FIELDS,
  });
  const { register } = form;
  const update = useApiMutation('settings.update', {
    onSuccess: (next) => {
      queryClient.setQueryData(queryKey('settings.get', {}), next);
      // The session carries the settings the screens use (e.g. the time zone for dates).
      settingsChanged(next);
      form.reset(next);
      setSaved(true);
    },
    onError: showError,
  });
  const onSubmit = submit((values) => {
    setSaved(false);
    update.mutate(values);
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="form panel"
      aria-labelledby="settings-vault-heading"
    >
      <h2 id="settings-vault-heading">{t('settings.vaultHeading')}</h2>
      <FormAlert message={formError} />
      <Field
        label={t('settings.idleLockMinutes')}
        hint={t('settings.idleLockHint')}
        error={errors.idleLockMinutes}
      >
        {(a) => (
          <input
            {...a}
            {...register('idleLockMinutes', { valueAsNumber: true })}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            step={1}
            className="input-short"
          />
        )}
      </Field>
      <Field label={t('timeZone.label')} hint={t('timeZone.hint')} error={errors.timeZone}>
        {(a) => <TimeZoneSelect {...a} {...register('timeZone')} include={[initial.timeZone]} />}
      </Field>
      <Field label={t('settings.paperSize')} error={errors.paperSize}>
        {(a) => (
          <select {...a} {...register('paperSize')}>
            {PAPER_SIZES.map((size) => (
              <option key={size} value={size}>
                {t(`settings.paper.${size}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pending={update.isPending} pendingText={t('settings.saving')}>
        {t('settings.save')}
      </SubmitButton>
      <StatusMessage version={update.submittedAt}>
        {saved ? t('settings.saved') : null}
      </StatusMessage>
    </form>
  );
}

function RotateKeySection() {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<FormMessage | null>(null);
  const rotate = useApiMutation('vault.rotateKey', {
    onSuccess: () => setConfirming(false),
    onError: (e) => setError(messageFor(e)),
  });
  return (
    <section className="panel" aria-labelledby="settings-rotate-heading">
      <h2 id="settings-rotate-heading">{t('settings.rotateHeading')}</h2>
      <p>{t('settings.rotateBody')}</p>
      <div className="form-actions">
        <button
          type="button"
          onClick={() => {
            setError(null);
            rotate.reset();
            setConfirming(true);
          }}
        >
          {t('settings.rotateOpen')}
        </button>
      </div>
      <StatusMessage>
        {rotate.data
          ? t('settings.rotated', { when: formatInstant(rotate.data.rotatedAt, timeZone) })
          : null}
      </StatusMessage>
      {confirming ? (
        <ConfirmDialog
          title={t('settings.rotateDialogTitle')}
          body={t('settings.rotateDialogBody')}
          confirmLabel={t('settings.rotateConfirm')}
          tone="primary"
          pending={rotate.isPending}
          progress="vault.rotateKey"
          error={error}
          onConfirm={() => {
            setError(null);
            rotate.mutate({});
          }}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
