// What record sections do alike around their dialogs: one open at a time, a status line saying
// what the last one did, and for editable records the Edit and Remove buttons of a row.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Which of a section's dialogs is open, and the status line the last one left. */
export function useSectionDialogs<Open>() {
  const [open, setOpen] = useState<Open | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  return {
    open,
    setOpen,
    close: () => setOpen(null),
    status,
    setStatus,
    /** A dialog finished its work: close it and say what it did. */
    done: (message: string) => {
      setOpen(null);
      setStatus(message);
    },
  };
}

/** A record row's last cell: Edit and Remove, each named after the record for screen readers. */
export function RowActions({
  editLabel,
  removeLabel,
  onEdit,
  onRemove,
}: {
  editLabel: string;
  removeLabel: string;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <td>
      <div className="row-actions">
        <button type="button" aria-label={editLabel} onClick={onEdit}>
          {t('children.edit')}
        </button>
        <button
          type="button"
          className="button-danger-quiet"
          aria-label={removeLabel}
          onClick={onRemove}
        >
          {t('children.remove')}
        </button>
      </div>
    </td>
  );
}
