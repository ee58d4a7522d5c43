import { FormDialog } from '../../../ui/FormDialog';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordSchema, procedures, type UserSummary } from '../../../../shared/contract';
import { ROLES } from '../../../../shared/roles';
import { useApiMutation } from '../../../api/queries';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Field } from '../../../ui/Field';
import { PasswordStrength } from '../../../ui/PasswordStrength';
import { addStrengthIssue, alwaysCheck } from '../../../forms/schema';
import { messageFor, type FormMessage } from '../../../forms/useServerErrors';
import { useApiForm } from '../../../forms/useApiForm';
import { ShelterScopeInput } from './ShelterScopeInput';

interface DialogProps {
  user: UserSummary;
  onClose: () => void;
  onDone: (message: string) => void;
}

function resetSchema(user: UserSummary) {
  return z.strictObject({ temporaryPassword: passwordSchema }).superRefine((value, ctx) => {
    addStrengthIssue(ctx, 'temporaryPassword', value.temporaryPassword, [
      user.username,
      user.displayName,
    ]);
  }, alwaysCheck);
}

export function ResetPasswordDialog({ user, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const strengthId = useId();
  const schema = useMemo(() => resetSchema(user), [user]);
  const { form, formError, showError, submit } = useApiForm({
    schema: schema,
    defaultValues: { temporaryPassword: '' },
    fields: ['temporaryPassword'],
  });
  const reset = useApiMutation('users.resetPassword', {
    stale: () => ['users.list'],
    onSuccess: () => onDone(t('users.reset.done', { name: user.displayName })),
    onError: showError,
  });
  const onSubmit = submit((values) => {
    reset.mutate({ userId: user.id, temporaryPassword: values.temporaryPassword });
  });
  const password = form.watch('temporaryPassword');

  return (
    <FormDialog
      title={t('users.reset.title', { name: user.displayName })}
      onClose={onClose}
      onSubmit={onSubmit}
      formError={formError}
      pending={reset.isPending}
      submitLabel={t('users.reset.submit')}
      intro={t('users.reset.body', { name: user.displayName })}
    >
      <Field
        label={t('users.reset.temporaryPassword')}
        hint={t('password.hint')}
        error={form.formState.errors.temporaryPassword}
        describedBy={strengthId}
      >
        {(a) => (
          <input
            {...a}
            {...form.register('temporaryPassword')}
            type="text"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <PasswordStrength
        id={strengthId}
        password={password}
        personal={[user.username, user.displayName]}
      />
    </FormDialog>
  );
}

export function DisableUserDialog({ user, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const disable = useApiMutation('users.disable', {
    stale: () => ['users.list'],
    onSuccess: () => onDone(t('users.disableDialog.done', { name: user.displayName })),
    onError: (error) => setFormError(messageFor(error)),
  });
  return (
    <ConfirmDialog
      title={t('users.disableDialog.title', { name: user.displayName })}
      body={[
        t('users.disableDialog.body', { name: user.displayName }),
        t('users.disableDialog.rotateAdvice'),
      ]}
      confirmLabel={t('users.disableDialog.confirm')}
      pending={disable.isPending}
      error={formError}
      onConfirm={() => {
        setFormError(null);
        disable.mutate({ userId: user.id });
      }}
      onClose={onClose}
    />
  );
}

const editAccessSchema = procedures['users.update'].input.omit({ userId: true });
const EDIT_FIELDS = ['role', 'shelterScope'] as const;

/** Role and shelters of an active account; the backend refuses a change to one's own role. */
export function EditAccessDialog({ user, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: editAccessSchema,
    defaultValues: { role: user.role, shelterScope: user.shelterScope },
    fields: EDIT_FIELDS,
  });
  const update = useApiMutation('users.update', {
    stale: () => ['users.list'],
    onSuccess: () => onDone(t('users.edit.done', { name: user.displayName })),
    onError: showError,
  });
  const onSubmit = submit((values) => {
    update.mutate({ userId: user.id, ...values });
  });

  return (
    <FormDialog
      title={t('users.edit.title', { name: user.displayName })}
      onClose={onClose}
      onSubmit={onSubmit}
      formError={formError}
      pending={update.isPending}
      submitLabel={t('users.edit.submit')}
      intro={t('users.edit.body', { name: user.displayName })}
    >
      <Field label={t('users.edit.role')} error={errors.role}>
        {(a) => (
          <select {...a} {...form.register('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ShelterScopeInput control={form.control} error={errors.shelterScope} />
    </FormDialog>
  );
}
