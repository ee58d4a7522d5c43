import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { procedures, type RecoveryAdmin } from '../../../shared/contract';
import { useApiMutation } from '../../api/queries';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { GateLayout } from '../../ui/GateLayout';
import { SubmitButton } from '../../ui/SubmitButton';
import { addMismatchIssue, addStrengthIssue, alwaysCheck } from '../../forms/schema';

import { useCountdown } from '../../hooks/useCountdown';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useAfterSignIn } from './SignInScreen';
import { useApiForm } from '../../forms/useApiForm';

const keySchema = procedures['auth.recover'].input.superRefine((value, ctx) => {
  if (value.recoveryKey.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['recoveryKey'], message: 'required' });
  }
});

interface Props {
  /** The backend is already in recovery (e.g. the window was reloaded half-way). */
  resume: boolean;
  onBack: () => void;
  /** The recovery key found the vault damaged (a CORRUPT answer's reason): the damaged-vault screen. */
  onDamaged: (reason: string) => void;
}

/** "Forgot all passwords": recovery key → choose an administrator → new password → signed in. */
export function RecoverScreen({ resume, onBack, onDamaged }: Props) {
  const { t } = useTranslation();
  const title = resume ? t('recover.resumeTitle') : t('recover.title');
  useDocumentTitle(title);
  const [admins, setAdmins] = useState<RecoveryAdmin[] | null>(null);
  return (
    <GateLayout>
      <h1>{title}</h1>
      <p>{resume ? t('recover.resumeBody') : t('recover.intro')}</p>
      {admins ? (
        <ChooseAdminForm admins={admins} onRestart={() => setAdmins(null)} />
      ) : (
        <RecoveryKeyForm onUnlocked={setAdmins} onDamaged={onDamaged} />
      )}
      <p>
        <button type="button" className="link-button" onClick={onBack}>
          {t('recover.back')}
        </button>
      </p>
    </GateLayout>
  );
}

function RecoveryKeyForm({
  onUnlocked,
  onDamaged,
}: {
  onUnlocked: (admins: RecoveryAdmin[]) => void;
  onDamaged: Props['onDamaged'];
}) {
  const { t } = useTranslation();
  const countdown = useCountdown();
  const { form, formError, showError, setFormError, submit } = useApiForm({
    schema: keySchema,
    defaultValues: { recoveryKey: '' },
    fields: ['recoveryKey'],
  });
  const recover = useApiMutation('auth.recover', {
    onSuccess: (result) => onUnlocked(result.admins),
    onError: (error) => {
      if (error.code === 'BACKOFF') {
        setFormError(null);
        countdown.start(error.retryAfterSeconds ?? 1);
      } else if (error.code === 'CORRUPT') {
        onDamaged(error.message);
      } else if (error.message === 'recoveryKeyWrong' && Object.keys(error.fields).length === 0) {
        form.setError(
          'recoveryKey',
          { type: 'server', message: 'recoveryKey.wrong' },
          { shouldFocus: true },
        );
        setFormError(null);
      } else {
        showError(error);
      }
    },
  });
  const waiting = countdown.remaining > 0;
  // While the back-off runs, a press neither sends nor clears the alert that counts it down.
  const onSubmit = submit(
    (values) => {
      if (!waiting) recover.mutate({ recoveryKey: values.recoveryKey.trim() });
    },
    () => {
      if (!waiting) setFormError(null);
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={formError} backoffSeconds={countdown.remaining} />
      <Field
        label={t('recover.keyLabel')}
        hint={t('recover.keyHint')}
        error={form.formState.errors.recoveryKey}
      >
        {(a) => (
          <input
            {...a}
            {...form.register('recoveryKey')}
            className="key-input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        )}
      </Field>
      <SubmitButton
        pending={recover.isPending}
        pendingText={t('recover.unlocking')}
        disabled={waiting}
      >
        {t('recover.unlock')}
      </SubmitButton>
    </form>
  );
}

function resetSchema(admins: RecoveryAdmin[]) {
  return procedures['auth.recoveryResetAdmin'].input
    .extend({ confirmPassword: z.string() })
    .superRefine((value, ctx) => {
      const admin = admins.find((a) => a.id === value.userId);
      addStrengthIssue(ctx, 'newPassword', value.newPassword, [
        admin?.username,
        admin?.displayName,
      ]);
      addMismatchIssue(ctx, 'confirmPassword', value.newPassword, value.confirmPassword);
    }, alwaysCheck);
}

function ChooseAdminForm({
  admins,
  onRestart,
}: {
  admins: RecoveryAdmin[];
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const afterSignIn = useAfterSignIn(null);
  const schema = useMemo(() => resetSchema(admins), [admins]);
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: schema,
    defaultValues: {
      userId: admins.length === 1 ? (admins[0]?.id ?? '') : '',
      newPassword: '',
      confirmPassword: '',
    },
    fields: ['userId', 'newPassword'],
  });
  const { register, watch } = form;
  const reset = useApiMutation('auth.recoveryResetAdmin', {
    onSuccess: afterSignIn,
    onError: (error) => {
      // Recovery ended (e.g. the backend restarted): start again from the key.
      if (error.message === 'notInRecovery') onRestart();
      else showError(error);
    },
  });
  const onSubmit = submit((values) => {
    reset.mutate({ userId: values.userId, newPassword: values.newPassword });
  });
  const [userId, password] = watch(['userId', 'newPassword']);
  const chosen = admins.find((a) => a.id === userId);

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="recover-choose-heading">
      <h2 id="recover-choose-heading">{t('recover.chooseHeading')}</h2>
      <FormAlert message={formError} />
      <fieldset
        className={errors.userId ? 'field field-invalid' : 'field'}
        aria-describedby={errors.userId ? 'recover-admin-error' : undefined}
      >
        <legend>{t('recover.chooseLegend')}</legend>
        {admins.map((admin) => (
          <label key={admin.id} className="radio">
            <input type="radio" value={admin.id} {...register('userId')} />
            {t('recover.adminOption', { name: admin.displayName, username: admin.username })}
          </label>
        ))}
        {errors.userId ? (
          <p className="field-error" id="recover-admin-error">
            {t('errors.required')}
          </p>
        ) : null}
      </fieldset>
      <NewPasswordFields
        password={register('newPassword')}
        confirm={register('confirmPassword')}
        value={password}
        errors={{ password: errors.newPassword, confirm: errors.confirmPassword }}
        labels={{ password: t('recover.newPassword'), confirm: t('recover.confirmPassword') }}
        personal={[chosen?.username ?? '', chosen?.displayName ?? '']}
      />
      <SubmitButton pending={reset.isPending} pendingText={t('recover.submitting')}>
        {t('recover.submit')}
      </SubmitButton>
    </form>
  );
}
