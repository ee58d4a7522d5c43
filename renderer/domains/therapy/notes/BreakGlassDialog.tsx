// A coordinator's break-glass read: why, typed, before anything of the note is shown. The read is
// recorded in the audit log with the reason and shown to the note's author.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAK_GLASS_REASON_MIN, type SessionNote } from '../../../../shared/therapy/notes';
import { isApiError } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { Field } from '../../../ui/Field';
import { FormDialog } from '../../../ui/FormDialog';
import type { FormMessage } from '../../../forms/useServerErrors';

export function BreakGlassDialog({
  noteId,
  onClose,
  onRead,
}: {
  noteId: string;
  onClose: () => void;
  onRead: (note: SessionNote) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const read = useApiMutation('notes.read');
  return (
    <FormDialog
      title={t('therapy.notes.breakGlass.title')}
      intro={t('therapy.notes.breakGlass.intro')}
      onClose={onClose}
      pending={read.isPending}
      formError={formError}
      submitLabel={t('therapy.notes.breakGlass.confirm')}
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim().length < BREAK_GLASS_REASON_MIN) {
          setError('breakGlass.tooShort');
          return;
        }
        read.mutate(
          { id: noteId, breakGlassReason: reason },
          {
            onSuccess: onRead,
            onError: (e) => {
              setError(isApiError(e) ? e.fields.breakGlassReason : undefined);
              setFormError({ key: isApiError(e) ? e.message : 'internal' });
            },
          },
        );
      }}
    >
      <Field
        label={t('therapy.notes.breakGlass.reason')}
        hint={t('therapy.notes.breakGlass.reasonHelp', { min: BREAK_GLASS_REASON_MIN })}
        error={error ? { message: error } : undefined}
      >
        {(a) => (
          <textarea {...a} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
    </FormDialog>
  );
}
