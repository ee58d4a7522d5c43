import { useTranslation } from 'react-i18next';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { backupUnlockSchema, vaultUnlockSchema } from '../../../shared/backup/contract';
import { Field } from '../../ui/Field';

export type UnlockValues = z.input<typeof backupUnlockSchema>;
/** What opens the vault's own keyring (no backup file). */
export type WayValues = z.input<typeof vaultUnlockSchema>;
export const WAY_FIELDS = ['username', 'password', 'recoveryKey'] as const;
export const NO_WAY: WayValues = {
  unlockWith: 'password',
  username: '',
  password: '',
  recoveryKey: '',
};
export const UNLOCK_FIELDS = ['file', 'username', 'password', 'recoveryKey'] as const;
export const NO_UNLOCK: UnlockValues = {
  file: '',
  unlockWith: 'password',
  username: '',
  password: '',
  recoveryKey: '',
};

const PASSWORD_WAY = {
  anyone: 'backups.withPassword',
  administrator: 'backups.withAdminPassword',
  vaultAdministrator: 'backups.withVaultAdminPassword',
} as const;

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
  return (
    <>
      <Field
        label={t('backups.file')}
        hint={t('backups.fileHint')}
        error={form.formState.errors.file}
      >
        {(a) => <input {...a} {...form.register('file')} autoComplete="off" spellCheck={false} />}
      </Field>
      <UnlockWayFields form={form} who={who} />
    </>
  );
}

/** A username and password, or the recovery key, with the choice between them. */
export function UnlockWayFields({
  form,
  who,
}: {
  form: UseFormReturn<UnlockValues> | UseFormReturn<WayValues>;
  /** Any account's password in a backup, an administrator's in a backup, or in this vault. */
  who: 'anyone' | 'administrator' | 'vaultAdministrator';
}) {
  const { t } = useTranslation();
  // Both forms hold these fields under the same names; only their types differ by `file`.
  const way = form as UseFormReturn<WayValues>;
  const errors = way.formState.errors;
  const unlockWith = way.watch('unlockWith');
  return (
    <>
      <fieldset className="field">
        <legend>{t('backups.unlockWith')}</legend>
        <label className="radio">
          <input type="radio" value="password" {...way.register('unlockWith')} />
          {t(PASSWORD_WAY[who])}
        </label>
        <label className="radio">
          <input type="radio" value="recoveryKey" {...way.register('unlockWith')} />
          {t('backups.withRecoveryKey')}
        </label>
      </fieldset>
      {unlockWith === 'password' ? (
        <>
          <Field label={t('backups.username')} error={errors.username}>
            {(a) => <input {...a} {...way.register('username')} autoComplete="off" />}
          </Field>
          <Field
            label={t('backups.password')}
            hint={who === 'vaultAdministrator' ? undefined : t('backups.passwordHint')}
            error={errors.password}
          >
            {(a) => (
              <input {...a} {...way.register('password')} type="password" autoComplete="off" />
            )}
          </Field>
        </>
      ) : (
        <Field label={t('backups.recoveryKey')} error={errors.recoveryKey}>
          {(a) => (
            <input {...a} {...way.register('recoveryKey')} autoComplete="off" spellCheck={false} />
          )}
        </Field>
      )}
    </>
  );
}
