import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { procedures, type SessionInfo } from '../../../shared/contract';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '../../../shared/languages';
import { useApiMutation } from '../../api/queries';
import { useAuth, useSession } from '../../auth/AuthContext';
import { Field } from '../../ui/Field';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';
import { addMismatchIssue, addStrengthIssue, alwaysCheck } from '../../forms/schema';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useApiForm } from '../../forms/useApiForm';
import { messageFor, type FormMessage } from '../../forms/useServerErrors';

function changePasswordSchema(session: SessionInfo) {
  return procedures['account.changePassword'].input
    .extend({ confirmPassword: z.string() })
    .superRefine((value, ctx) => {
      if (value.newPassword !== '' && value.newPassword === value.currentPassword) {
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'password.sameAsCurrent' });
      } else {
        addStrengthIssue(ctx, 'newPassword', value.newPassword, [
          session.username,
          session.displayName,
        ]);
      }
      addMismatchIssue(ctx, 'confirmPassword', value.newPassword, value.confirmPassword);
    }, alwaysCheck);
}

/** "My account": the user's details and a password change. */
export function AccountScreen() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('account.title'));
  return (
    <>
      <h1>{t('account.title')}</h1>
      <section className="panel" aria-labelledby="account-profile-heading">
        <h2 id="account-profile-heading">{t('account.profileHeading')}</h2>
        <dl className="details">
          <dt>{t('account.displayName')}</dt>
          <dd>{session.displayName}</dd>
          <dt>{t('account.username')}</dt>
          <dd>{session.username}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{t(`roles.${session.role}`)}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="account-language-heading">
        <h2 id="account-language-heading">{t('account.languageHeading')}</h2>
        <LanguagePicker />
      </section>
      <section className="panel" aria-labelledby="account-password-heading">
        <h2 id="account-password-heading">{t('account.changeHeading')}</h2>
        <ChangePasswordForm forced={false} />
      </section>
    </>
  );
}

/** The account's own language: saved with the account, and the screens follow at once. */
function LanguagePicker() {
  const { t } = useTranslation();
  const session = useSession();
  const { sessionChanged } = useAuth();
  const [error, setError] = useState<FormMessage | null>(null);
  const save = useApiMutation('account.setLanguage', {
    onSuccess: (next) => {
      setError(null);
      sessionChanged(next);
    },
    onError: (failure) => setError(messageFor(failure)),
  });
  return (
    <div className="form">
      <FormAlert message={error} />
      <Field label={t('account.language')} hint={t('account.languageHint')}>
        {(a) => (
          <select
            {...a}
            value={session.language}
            disabled={save.isPending}
            onChange={(event) => {
              const language = event.target.value;
              if (isLanguage(language)) save.mutate({ language });
            }}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** Shown instead of every other screen while the user still has a temporary password. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.forcedTitle'));
  // The same centred card as set-up and sign-in: this is still a step before the app.
  return (
    <div className="gate-main">
      <h1>{t('account.forcedTitle')}</h1>
      <p>{t('account.forcedBody')}</p>
      <ChangePasswordForm forced />
    </div>
  );
}

function ChangePasswordForm({ forced }: { forced: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const { sessionChanged } = useAuth();
  const [changed, setChanged] = useState(false);
  const [schema] = useState(() => changePasswordSchema(session));
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: schema,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    fields: ['currentPassword', 'newPassword'],
  });
  const { register, watch } = form;
  const change = useApiMutation('account.changePassword', {
    onSuccess: (next) => {
      form.reset();
      setChanged(true);
      sessionChanged(next);
    },
    onError: showError,
  });
  const onSubmit = submit((values) => {
    setChanged(false);
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={t('account.changeHeading')}>
      <FormAlert message={formError} />
      <Field
        label={forced ? t('account.temporaryPassword') : t('account.currentPassword')}
        error={errors.currentPassword}
      >
        {(a) => (
          <input
            {...a}
            {...register('currentPassword')}
            type="password"
            autoComplete="current-password"
          />
        )}
      </Field>
      <NewPasswordFields
        password={register('newPassword')}
        confirm={register('confirmPassword')}
        value={watch('newPassword')}
        errors={{ password: errors.newPassword, confirm: errors.confirmPassword }}
        labels={{ password: t('account.newPassword'), confirm: t('account.confirmPassword') }}
        personal={[session.username, session.displayName]}
      />
      <SubmitButton pending={change.isPending} pendingText={t('account.submitting')}>
        {t('account.submit')}
      </SubmitButton>
      <StatusMessage>{changed ? t('account.changed') : null}</StatusMessage>
    </form>
  );
}
