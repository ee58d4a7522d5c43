import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  pending: boolean;
  /** Announced while the request runs; the button keeps its name so it is easy to find. */
  pendingText: string;
  disabled?: boolean;
  children: ReactNode;
}

export function SubmitButton({ pending, pendingText, disabled = false, children }: Props) {
  return (
    <div className="form-actions">
      <button type="submit" className="button-primary" disabled={pending || disabled}>
        {children}
      </button>
      <span role="status" className="pending-text">
        {pending ? pendingText : null}
      </span>
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
    <div className="dialog-actions">
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <SubmitButton pending={pending} pendingText={t('common.working')}>
        {submitLabel}
      </SubmitButton>
    </div>
  );
}
