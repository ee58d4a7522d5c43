import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { procedures } from '../../../shared/contract';
import { DEFAULT_TIME_ZONE } from '../../../shared/settings';
import { useApiMutation } from '../../api/queries';
import { useAuth } from '../../auth/AuthContext';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { GateLayout } from '../../ui/GateLayout';
import { SubmitButton } from '../../ui/SubmitButton';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';
import { addMismatchIssue, addStrengthIssue, alwaysCheck } from '../../forms/schema';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useApiForm } from '../../forms/useApiForm';

const setupSchema = procedures['vault.create'].input
  .extend({ confirmPassword: z.string() })
  .superRefine((value, ctx) => {
    addStrengthIssue(ctx, 'adminPassword', value.adminPassword, [
      value.adminUsername,
      value.adminDisplayName,
    ]);
    addMismatchIssue(ctx, 'confirmPassword', value.adminPassword, value.confirmPassword);
  }, alwaysCheck);

const FIELDS = ['adminDisplayName', 'adminUsername', 'adminPassword', 'timeZone'] as const;

/** `onJoin`: the other way in, joining an organisation with a join file (the sync domain's). */
export function SetupScreen({ onJoin }: { onJoin: () => void }) {
  const { t } = useTranslation();
  const { state, vaultCreated } = useAuth();
  useDocumentTitle(t('setup.title'));
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: setupSchema,
    defaultValues: {
      adminDisplayName: '',
      adminUsername: '',
      adminPassword: '',
      confirmPassword: '',
      timeZone: DEFAULT_TIME_ZONE,
    },
    fields: FIELDS,
  });
  const { register, watch } = form;
  const create = useApiMutation('vault.create', { onSuccess: vaultCreated, onError: showError });

  const onSubmit = submit((values) => {
    const { confirmPassword: _confirm, ...input } = values;
    create.mutate(input);
  });

  const [password, username, displayName] = watch([
    'adminPassword',
    'adminUsername',
    'adminDisplayName',
  ]);

  return (
    <GateLayout>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <section aria-labelledby="setup-join-heading" className="panel">
        <h2 id="setup-join-heading">{t('sync.join.offerHeading')}</h2>
        <p>{t('sync.join.offerBody')}</p>
        <button type="button" onClick={onJoin}>
          {t('sync.join.offer')}
        </button>
      </section>
      <section aria-labelledby="setup-folder-heading" className="panel">
        <h2 id="setup-folder-heading">{t('setup.dataFolderHeading')}</h2>
        <p className="data-folder">
          <code>{state.dataFolder}</code>
        </p>
        <p>{t('setup.dataFolderBody')}</p>
      </section>
      <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="setup-account-heading">
        <h2 id="setup-account-heading">{t('setup.accountHeading')}</h2>
        <FormAlert message={formError} />
        <Field label={t('setup.displayName')} error={errors.adminDisplayName}>
          {(a) => <input {...a} {...register('adminDisplayName')} autoComplete="name" />}
        </Field>
        <Field
          label={t('setup.username')}
          hint={t('setup.usernameHint')}
          error={errors.adminUsername}
        >
          {(a) => (
            <input
              {...a}
              {...register('adminUsername')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
            />
          )}
        </Field>
        <NewPasswordFields
          password={register('adminPassword')}
          confirm={register('confirmPassword')}
          value={password}
          errors={{ password: errors.adminPassword, confirm: errors.confirmPassword }}
          labels={{ password: t('setup.password'), confirm: t('setup.confirmPassword') }}
          personal={[username, displayName]}
        />
        <Field label={t('timeZone.label')} hint={t('timeZone.hint')} error={errors.timeZone}>
          {(a) => <TimeZoneSelect {...a} {...register('timeZone')} include={[DEFAULT_TIME_ZONE]} />}
        </Field>
        <SubmitButton pending={create.isPending} pendingText={t('setup.submitting')}>
          {t('setup.submit')}
        </SubmitButton>
      </form>
    </GateLayout>
  );
}
