import { useTranslation } from 'react-i18next';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { backupUnlockSchema } from '../../../shared/backup/contract';
import { Field } from '../../ui/Field';

export type UnlockValues = z.input<typeof backupUnlockSchema>;
export const UNLOCK_FIELDS = ['file', 'username', 'password', 'recoveryKey'] as const;
export const NO_UNLOCK: UnlockValues = {
  file: '',
  unlockWith: 'password',
  username: '',
  password: '',
  recoveryKey: '',
};

/**
 * The backup file and what opens it: a username and password from when it was made, or the
 * recovery key. `who` words the password way (any account, or an administrator's).
 */
export function BackupUnlockFields({
  form,
  who,
}: {
  form: UseFormReturn<UnlockValues>;
  who: 'anyone' | 'administrator';
}) {
  const { t } = useTranslation();
  const errors = form.formState.errors;
  const unlockWith = form.watch('unlockWith');
  return (
    <>
      <Field label={t('backups.file')} hint={t('backups.fileHint')} error={errors.file}>
        {(a) => <input {...a} {...form.register('file')} autoComplete="off" spellCheck={false} />}
      </Field>
      <fieldset className="field">
        <legend>{t('backups.unlockWith')}</legend>
        <label className="radio">
          <input type="radio" value="password" {...form.register('unlockWith')} />
          {who === 'anyone' ? t('backups.withPassword') : t('backups.withAdminPassword')}
        </label>
        <label className="radio">
          <input type="radio" value="recoveryKey" {...form.register('unlockWith')} />
          {t('backups.withRecoveryKey')}
        </label>
      </fieldset>
      {unlockWith === 'password' ? (
        <>
          <Field label={t('backups.username')} error={errors.username}>
            {(a) => <input {...a} {...form.register('username')} autoComplete="off" />}
          </Field>
          <Field
            label={t('backups.password')}
            hint={t('backups.passwordHint')}
            error={errors.password}
          >
            {(a) => (
              <input {...a} {...form.register('password')} type="password" autoComplete="off" />
            )}
          </Field>
        </>
      ) : (
        <Field label={t('backups.recoveryKey')} error={errors.recoveryKey}>
          {(a) => (
            <input {...a} {...form.register('recoveryKey')} autoComplete="off" spellCheck={false} />
          )}
        </Field>
      )}
    </>
  );
}
