import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { procedures } from '../../../../shared/contract';
import { ROLES } from '../../../../shared/roles';
import { useApiMutation } from '../../../api/queries';
import { Field } from '../../../ui/Field';
import { FormAlert } from '../../../ui/FormAlert';
import { PasswordStrength } from '../../../ui/PasswordStrength';
import { SubmitButton } from '../../../ui/SubmitButton';
import { addStrengthIssue, alwaysCheck } from '../../../forms/schema';

import { ShelterScopeInput } from './ShelterScopeInput';
import { useApiForm } from '../../../forms/useApiForm';

const createUserSchema = procedures['users.create'].input.superRefine((value, ctx) => {
  addStrengthIssue(ctx, 'temporaryPassword', value.temporaryPassword, [
    value.username,
    value.displayName,
  ]);
}, alwaysCheck);

export type CreateUserValues = z.input<typeof createUserSchema>;

const FIELDS = ['displayName', 'username', 'role', 'shelterScope', 'temporaryPassword'] as const;

export function CreateUserForm({ onCreated }: { onCreated: (displayName: string) => void }) {
  const { t } = useTranslation();
  const strengthId = useId();
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: createUserSchema,
    defaultValues: {
      displayName: '',
      username: '',
      role: 'caseworker',
      shelterScope: [],
      temporaryPassword: '',
    },
    fields: FIELDS,
  });
  const { register, watch, control } = form;
  const create = useApiMutation('users.create', {
    stale: () => ['users.list'],
    onSuccess: (user) => {
      form.reset();
      onCreated(user.displayName);
    },
    onError: showError,
  });
  const onSubmit = submit((values) => {
    create.mutate(values);
  });
  const [password, username, displayName] = watch(['temporaryPassword', 'username', 'displayName']);

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('users.create.heading')}</h2>
      <FormAlert message={formError} />
      <Field label={t('users.create.displayName')} error={errors.displayName}>
        {(a) => <input {...a} {...register('displayName')} autoComplete="off" />}
      </Field>
      <Field
        label={t('users.create.username')}
        hint={t('setup.usernameHint')}
        error={errors.username}
      >
        {(a) => (
          <input
            {...a}
            {...register('username')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
          />
        )}
      </Field>
      <Field label={t('users.create.role')} error={errors.role}>
        {(a) => (
          <select {...a} {...register('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ShelterScopeInput control={control} error={errors.shelterScope} />
      <Field
        label={t('users.create.temporaryPassword')}
        hint={t('users.create.temporaryPasswordHint')}
        error={errors.temporaryPassword}
        describedBy={strengthId}
      >
        {(a) => (
          <input
            {...a}
            {...register('temporaryPassword')}
            type="text"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <PasswordStrength id={strengthId} password={password} personal={[username, displayName]} />
      <SubmitButton pending={create.isPending} pendingText={t('users.create.submitting')}>
        {t('users.create.submit')}
      </SubmitButton>
    </form>
  );
}
