// What the case-file sections do alike around their dialogs: one open at a time, a status line
// saying what the last one did, and for editable records the Edit and Remove buttons of a row.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../api/queries';
import { messageFor, type FormMessage } from '../../../forms/useServerErrors';
import { invalidateChild } from '../caseQueries';

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

type RecordOpen<R> = { kind: 'edit'; record: R | null } | { kind: 'remove'; record: R };

/**
 * Add, edit and remove for a section's records: the edit dialog (record null for a new one), and
 * a confirmed removal that refreshes the child's file and reports `removedText`.
 */
export function useRecordActions<R extends { id: string }>({
  procedure,
  childId,
  removedText,
}: {
  procedure: 'family.remove' | 'legal.remove';
  childId: string;
  removedText: () => string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dialogs = useSectionDialogs<RecordOpen<R>>();
  const [removeError, setRemoveError] = useState<FormMessage | null>(null);
  const remove = useApiMutation(procedure, {
    onSuccess: () => {
      dialogs.done(removedText());
      void invalidateChild(queryClient, childId);
    },
    onError: (e) => setRemoveError(messageFor(e)),
  });
  return {
    open: dialogs.open,
    status: dialogs.status,
    close: dialogs.close,
    done: dialogs.done,
    add: () => dialogs.setOpen({ kind: 'edit', record: null }),
    edit: (record: R) => dialogs.setOpen({ kind: 'edit', record }),
    askRemove: (record: R) => {
      // A failed earlier attempt is not this one's error.
      setRemoveError(null);
      dialogs.setOpen({ kind: 'remove', record });
    },
    /** ConfirmDialog's props for removing `record`, but the section's own title and body. */
    confirmRemove: (record: R) => ({
      confirmLabel: t('cases.remove'),
      pending: remove.isPending,
      error: removeError,
      onConfirm: () => remove.mutate({ id: record.id }),
      onClose: dialogs.close,
    }),
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
          {t('cases.edit')}
        </button>
        <button
          type="button"
          className="button-danger-quiet"
          aria-label={removeLabel}
          onClick={onRemove}
        >
          {t('cases.remove')}
        </button>
      </div>
    </td>
  );
}
