import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupUnlockSchema, type BackupSummary } from '../../../shared/backup/contract';
import { DEFAULT_TIME_ZONE } from '../../../shared/settings';
import { formatInstant } from '../../i18n/format';
import { useApiMutation } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/FormAlert';
import { GateLayout } from '../../ui/GateLayout';
import { SubmitButton } from '../../ui/SubmitButton';
import {
  BackupUnlockFields,
  NO_UNLOCK,
  UNLOCK_FIELDS,
  type UnlockValues,
} from './BackupUnlockFields';
import { SalvageForm, SalvageReport, type SalvageResult } from './DamagedVaultSalvage';

const KNOWN_DAMAGE = ['databaseDamaged', 'keyringDamaged'] as const;

interface Props {
  /** The CORRUPT answer's message: which file was found damaged. */
  reason: string;
  /** Back to sign-in; `replaced` once a restore or salvage has put a sound vault in place. */
  onBack: (replaced: boolean) => void;
}

/**
 * What a sign-in that found the vault damaged leads to: what happened, that the files are left
 * as they are, and a restore that needs nobody signed in (the backup's own administrator or the
 * recovery key authorises it), or a salvage of every row that can still be read.
 */
export function DamagedVaultScreen({ reason, onBack }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('damagedVault.title'));
  const [confirming, setConfirming] = useState<UnlockValues | null>(null);
  const [done, setDone] = useState<{ damagedCopy: string; summary: BackupSummary } | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [salvaging, setSalvaging] = useState(false);
  const [salvaged, setSalvaged] = useState<SalvageResult | null>(null);
  const { form, formError, showError, submit } = useApiForm({
    schema: backupUnlockSchema,
    defaultValues: NO_UNLOCK,
    fields: UNLOCK_FIELDS,
  });
  useEffect(() => {
    if (focusKey > 0) form.setFocus('recoveryKey');
  }, [focusKey, form]);
  const restore = useApiMutation('backup.restoreDamaged', {
    onSuccess: (result) => {
      setConfirming(null);
      setDone(result);
    },
    onError: (error) => {
      setConfirming(null);
      showError(error);
    },
  });
  const what = KNOWN_DAMAGE.find((known) => known === reason) ?? 'other';

  if (salvaged) {
    return (
      <GateLayout>
        <h1>{t('damagedVault.salvage.doneTitle')}</h1>
        <SalvageReport result={salvaged} />
        <button type="button" className="button-primary" onClick={() => onBack(true)}>
          {t('damagedVault.signIn')}
        </button>
      </GateLayout>
    );
  }

  if (done) {
    return (
      <GateLayout>
        <h1>{t('damagedVault.doneTitle')}</h1>
        <p role="status">
          {t('damagedVault.doneBody', {
            when: formatInstant(done.summary.createdAt, DEFAULT_TIME_ZONE),
            children: done.summary.counts.children,
            users: done.summary.counts.users,
            folder: done.damagedCopy,
          })}
        </p>
        <button type="button" className="button-primary" onClick={() => onBack(true)}>
          {t('damagedVault.signIn')}
        </button>
      </GateLayout>
    );
  }

  return (
    <GateLayout>
      <h1>{t('damagedVault.title')}</h1>
      <p>{t(`damagedVault.what.${what}`)}</p>
      <p>{t('damagedVault.untouched')}</p>
      {salvaging ? (
        <>
          <SalvageForm onDone={setSalvaged} />
          <p>
            <button type="button" className="link-button" onClick={() => setSalvaging(false)}>
              {t('damagedVault.salvage.backToRestore')}
            </button>
          </p>
        </>
      ) : (
        <>
          <section aria-labelledby="damaged-restore-heading">
            <h2 id="damaged-restore-heading">{t('damagedVault.restoreHeading')}</h2>
            <p>{t('damagedVault.restoreBody')}</p>
            <p>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  form.setValue('unlockWith', 'recoveryKey');
                  setFocusKey((n) => n + 1);
                }}
              >
                {t('damagedVault.useRecoveryKey')}
              </button>
            </p>
            <form
              onSubmit={submit((values) => setConfirming(values))}
              noValidate
              className="form"
              aria-labelledby="damaged-restore-heading"
            >
              <FormAlert message={formError} />
              <BackupUnlockFields form={form} who="administrator" />
              <SubmitButton pending={restore.isPending} pendingText={t('damagedVault.restoring')}>
                {t('damagedVault.restore')}
              </SubmitButton>
            </form>
          </section>
          <section aria-labelledby="damaged-salvage-offer">
            <h2 id="damaged-salvage-offer">{t('damagedVault.salvage.offerHeading')}</h2>
            <p>{t('damagedVault.salvage.offerBody')}</p>
            <p>
              <button type="button" className="button" onClick={() => setSalvaging(true)}>
                {t('damagedVault.salvage.offer')}
              </button>
            </p>
          </section>
        </>
      )}
      <p>
        <button type="button" className="link-button" onClick={() => onBack(false)}>
          {t('damagedVault.back')}
        </button>
      </p>
      {confirming ? (
        <ConfirmDialog
          title={t('damagedVault.confirmTitle')}
          body={t('damagedVault.confirmBody')}
          confirmLabel={t('damagedVault.confirmRestore')}
          pending={restore.isPending}
          progress="backup.restoreDamaged"
          error={null}
          onConfirm={() => restore.mutate(confirming)}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </GateLayout>
  );
}
