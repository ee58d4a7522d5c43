// The first-run screen's other way in: this computer's vault made from a join file and its
// one-time code, shown beside setting up a new vault. The work (copy, re-key, first sync) reports
// its progress; then this computer's own recovery key is shown and checked as at set-up, and
// everyone signs in with their usual password.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procedures } from '../../../shared/contract';
import type { JoinResult } from '../../../shared/sync/contract';
import { useApiMutation } from '../../api/queries';
import { useAuth } from '../../auth/AuthContext';
import { useApiForm } from '../../forms/useApiForm';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { GateLayout } from '../../ui/GateLayout';
import { SubmitButton } from '../../ui/SubmitButton';
import { WorkProgress } from '../../ui/WorkProgress';
import { RecoveryKeyCheck } from '../access';

export function JoinScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const { retryBoot } = useAuth();
  useDocumentTitle(t('sync.join.title'));
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: procedures['sync.join'].input,
    defaultValues: { file: '', code: '', syncFolder: '' },
    fields: ['file', 'code', 'syncFolder'],
  });
  const join = useApiMutation('sync.join', { onError: showError });
  // What the done screen needs, kept once the key is checked: the key itself is dropped then.
  const [joined, setJoined] = useState<Pick<JoinResult, 'computerName' | 'firstSync'> | null>(null);
  const made = join.data;
  if (made && !joined) {
    return (
      <RecoveryKeyCheck
        recoveryKey={made.recoveryKey}
        timeZone={made.timeZone}
        note={t('sync.join.recoveryKeyNote')}
        onConfirmed={() => {
          setJoined({ computerName: made.computerName, firstSync: made.firstSync });
          join.reset();
        }}
      />
    );
  }
  if (joined) {
    const { computerName, firstSync } = joined;
    return (
      <GateLayout>
        <h1>{t('sync.join.doneHeading')}</h1>
        <p role="status">{t('sync.join.done', { name: computerName })}</p>
        {firstSync ? <p>{t('sync.join.firstSync', { count: firstSync.applied })}</p> : null}
        {/* The app's status now says "locked": the sign-in screen follows. */}
        <button type="button" className="button-primary" onClick={retryBoot}>
          {t('sync.join.continue')}
        </button>
      </GateLayout>
    );
  }
  return (
    <GateLayout>
      <h1>{t('sync.join.title')}</h1>
      <p>{t('sync.join.intro')}</p>
      <form
        onSubmit={submit(({ syncFolder, ...values }) =>
          join.mutate(syncFolder ? { ...values, syncFolder } : values),
        )}
        noValidate
        className="form"
        aria-label={t('sync.join.title')}
      >
        <FormAlert message={formError} />
        <Field label={t('sync.join.file')} hint={t('sync.join.fileHint')} error={errors.file}>
          {(a) => <input {...a} {...form.register('file')} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field label={t('sync.join.code')} hint={t('sync.join.codeHint')} error={errors.code}>
          {(a) => (
            <input
              {...a}
              {...form.register('code')}
              className="key-input"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
            />
          )}
        </Field>
        <Field
          label={t('sync.join.syncFolder')}
          hint={t('sync.join.syncFolderHint')}
          error={errors.syncFolder}
        >
          {(a) => (
            <input {...a} {...form.register('syncFolder')} autoComplete="off" spellCheck={false} />
          )}
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onBack} disabled={join.isPending}>
            {t('sync.join.back')}
          </button>
          <SubmitButton pending={join.isPending} pendingText={t('sync.join.working')}>
            {t('sync.join.submit')}
          </SubmitButton>
        </div>
        {join.isPending ? (
          <WorkProgress procedure="sync.join" label={t('sync.join.progress')} />
        ) : null}
      </form>
    </GateLayout>
  );
}
