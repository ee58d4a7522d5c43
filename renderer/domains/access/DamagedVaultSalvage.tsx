import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vaultUnlockSchema, type SalvageCounts } from '../../../shared/backup/contract';
import { useApiMutation } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';
import { NO_WAY, UnlockWayFields, WAY_FIELDS, type WayValues } from './BackupUnlockFields';

export type SalvageResult = SalvageCounts & { damagedCopy: string };

/**
 * The damaged-vault screen's other way out: copy every row that can still be read into a new
 * vault under the same accounts. An administrator's password in this vault, or the recovery key.
 */
export function SalvageForm({ onDone }: { onDone: (result: SalvageResult) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<WayValues | null>(null);
  const { form, formError, showError, submit } = useApiForm({
    schema: vaultUnlockSchema,
    defaultValues: NO_WAY,
    fields: WAY_FIELDS,
  });
  // Shown in place of the restore form: the first field takes the focus it had.
  const { setFocus } = form;
  useEffect(() => setFocus('username'), [setFocus]);
  const salvage = useApiMutation('backup.salvageDamaged', {
    onSuccess: (result) => {
      setConfirming(null);
      onDone(result);
    },
    onError: (error) => {
      setConfirming(null);
      showError(error);
    },
  });
  return (
    <section aria-labelledby="damaged-salvage-heading">
      <h2 id="damaged-salvage-heading">{t('damagedVault.salvage.heading')}</h2>
      <p>{t('damagedVault.salvage.body')}</p>
      <form
        onSubmit={submit((values) => setConfirming(values))}
        noValidate
        className="form"
        aria-labelledby="damaged-salvage-heading"
      >
        <FormAlert message={formError} />
        <UnlockWayFields form={form} who="vaultAdministrator" />
        <SubmitButton pending={salvage.isPending} pendingText={t('damagedVault.salvage.working')}>
          {t('damagedVault.salvage.submit')}
        </SubmitButton>
      </form>
      {confirming ? (
        <ConfirmDialog
          title={t('damagedVault.salvage.confirmTitle')}
          body={t('damagedVault.salvage.confirmBody')}
          confirmLabel={t('damagedVault.salvage.confirm')}
          pending={salvage.isPending}
          progress="backup.salvageDamaged"
          error={null}
          onConfirm={() => salvage.mutate(confirming)}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </section>
  );
}

/** What the salvage copied, and table by table what it could not read. */
export function SalvageReport({ result }: { result: SalvageResult }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status">
        {t('damagedVault.salvage.doneBody', {
          rows: result.rowsCopied,
          tables: result.tables,
          folder: result.damagedCopy,
        })}
      </p>
      {result.lost.length === 0 ? (
        <p>{t('damagedVault.salvage.nothingLost')}</p>
      ) : (
        <>
          <h2>{t('damagedVault.salvage.lostHeading')}</h2>
          <p>{t('damagedVault.salvage.lostBody')}</p>
          <table className="data-table">
            <caption>{t('damagedVault.salvage.lostCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('damagedVault.salvage.table')}</th>
                <th scope="col">{t('damagedVault.salvage.rowsLost')}</th>
              </tr>
            </thead>
            <tbody>
              {result.lost.map((lost) => (
                <tr key={lost.table}>
                  <th scope="row">{lost.table}</th>
                  <td>
                    {lost.rows === null
                      ? t('damagedVault.salvage.rowsUnknown')
                      : t('damagedVault.salvage.rows', { count: lost.rows })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
