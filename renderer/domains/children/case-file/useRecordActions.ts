// Add, edit and remove for a case-file section's records (family members, legal events).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../api/queries';
import { messageFor, type FormMessage } from '../../../forms/useServerErrors';
import { useSectionDialogs } from '../../../ui/RowActions';
import { childStale } from '../caseQueries';

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
  procedure: 'family.remove' | 'legal.remove' | 'visitors.remove';
  childId: string;
  removedText: () => string;
}) {
  const { t } = useTranslation();
  const dialogs = useSectionDialogs<RecordOpen<R>>();
  const [removeError, setRemoveError] = useState<FormMessage | null>(null);
  const remove = useApiMutation(procedure, {
    stale: () => childStale(childId),
    onSuccess: () => dialogs.done(removedText()),
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
      confirmLabel: t('children.remove'),
      pending: remove.isPending,
      error: removeError,
      onConfirm: () => remove.mutate({ id: record.id }),
      onClose: dialogs.close,
    }),
  };
}
