// A dialog's last row, written once: the button that closes it without doing anything comes
// first, then what the dialog does. Forms, confirmations and plain dialogs all end with it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from './SubmitButton';

/** Cancel (or `closeLabel`), then any actions. */
export function DialogActions({
  onClose,
  closeLabel,
  children,
}: {
  onClose: () => void;
  closeLabel?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onClose}>
        {closeLabel ?? t('common.cancel')}
      </button>
      {children}
    </div>
  );
}

/** A dialog form's last row: Cancel, which closes without saving, then the submit button. */
export function DialogFormActions({
  onCancel,
  pending,
  submitLabel,
}: {
  onCancel: () => void;
  pending: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <DialogActions onClose={onCancel}>
      <SubmitButton pending={pending} pendingText={t('common.working')}>
        {submitLabel}
      </SubmitButton>
    </DialogActions>
  );
}
