import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { procedures, type SessionInfo } from '../../../shared/contract';
import { useApiMutation } from '../../api/queries';
import { useAuth } from '../../auth/AuthContext';
import { useHomePath } from '../../frame/contributions';
import type { LockInfo } from '../../auth/state';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { GateLayout } from '../../ui/GateLayout';
import { SubmitButton } from '../../ui/SubmitButton';

import { useCountdown } from '../../hooks/useCountdown';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useApiForm } from '../../forms/useApiForm';
import { UpgradeProgress } from './UpgradeProgress';

const signInSchema = procedures['auth.signIn'].input.superRefine((value, ctx) => {
  if (value.username.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['username'], message: 'required' });
  }
});

/**
 * Where to go after signing in: back to the same place only for the user who was locked out,
 * otherwise straight to the role's home.
 */
export function useAfterSignIn(lock: LockInfo | null) {
  const navigate = useNavigate();
  const { signedIn } = useAuth();
  const homeOf = useHomePath();
  return (session: SessionInfo) => {
    if (!lock || lock.userId !== session.userId) navigate(homeOf(session.role), { replace: true });
    signedIn(session);
  };
}

interface Props {
  lock: LockInfo | null;
  retryAfterSeconds: number;
  onForgot: () => void;
  /** The vault was found damaged (a CORRUPT answer and its reason): the damaged-vault screen. */
  onDamaged: (reason: string) => void;
}

export function SignInScreen({ lock, retryAfterSeconds, onForgot, onDamaged }: Props) {
  const { t } = useTranslation();
  const title = lock ? t('signIn.lockedTitle') : t('signIn.title');
  useDocumentTitle(title);
  const countdown = useCountdown(retryAfterSeconds);
  const afterSignIn = useAfterSignIn(lock);
  const { form, errors, formError, showError, setFormError, submit } = useApiForm({
    schema: signInSchema,
    defaultValues: { username: '', password: '' },
    fields: ['username', 'password'],
  });
  const { register } = form;
  const signIn = useApiMutation('auth.signIn', {
    onSuccess: afterSignIn,
    onError: (error) => {
      if (error.code === 'BACKOFF') {
        setFormError(null);
        countdown.start(error.retryAfterSeconds ?? 1);
      } else if (error.code === 'BAD_CREDENTIALS') {
        // Always the same words: nothing reveals whether the username exists.
        setFormError({ key: 'badCredentials' });
      } else if (error.code === 'CORRUPT') {
        onDamaged(error.message);
      } else {
        showError(error);
      }
    },
  });

  const waiting = countdown.remaining > 0;
  // While the back-off runs, a press neither sends nor clears the alert that counts it down.
  const onSubmit = submit(
    (values) => {
      if (!waiting) signIn.mutate(values);
    },
    () => {
      if (!waiting) setFormError(null);
    },
  );

  return (
    <GateLayout>
      <h1>{title}</h1>
      {lock ? <p>{t(`signIn.lockedBecause.${lock.reason}`)}</p> : null}
      <form onSubmit={onSubmit} noValidate className="form" aria-label={title}>
        <FormAlert message={formError} backoffSeconds={countdown.remaining} />
        <Field label={t('signIn.username')} error={errors.username}>
          {(a) => (
            <input
              {...a}
              {...register('username')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
            />
          )}
        </Field>
        <Field label={t('signIn.password')} error={errors.password}>
          {(a) => (
            <input
              {...a}
              {...register('password')}
              type="password"
              autoComplete="current-password"
            />
          )}
        </Field>
        <SubmitButton
          pending={signIn.isPending}
          pendingText={t('signIn.submitting')}
          disabled={waiting}
        >
          {t('signIn.submit')}
        </SubmitButton>
      </form>
      {signIn.isPending ? <UpgradeProgress /> : null}
      <p>
        <button type="button" className="link-button" onClick={onForgot}>
          {t('signIn.forgot')}
        </button>
      </p>
    </GateLayout>
  );
}
