import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { FormAlert } from './FormAlert';
import type { FormMessage } from '../forms/useServerErrors';

interface Props {
  title: string;
  body: string;
  confirmLabel: string;
  pending: boolean;
  error: FormMessage | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Remove this?" with Cancel first, for removals that cannot be undone from the screen. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{body}</p>
      <FormAlert message={error} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button-danger" disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
