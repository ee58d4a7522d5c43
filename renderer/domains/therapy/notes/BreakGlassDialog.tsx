// A coordinator's break-glass read: why, typed, before anything of the note is shown. The read is
// recorded in the audit log with the reason and shown to the note's author.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  BREAK_GLASS_REASON_MIN,
  breakGlassReasonSchema,
  type SessionNote,
} from '../../../../shared/therapy/notes';
import { useApiMutation } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { Field } from '../../../ui/Field';
import { FormDialog } from '../../../ui/FormDialog';

const breakGlassForm = z.object({ breakGlassReason: breakGlassReasonSchema });

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
  const { register, errors, showError, dialogFor } = useApiForm({
    schema: breakGlassForm,
    defaultValues: { breakGlassReason: '' },
    fields: ['breakGlassReason'],
  });
  const read = useApiMutation('notes.read', { onSuccess: onRead, onError: showError });
  return (
    <FormDialog
      title={t('therapy.notes.breakGlass.title')}
      intro={t('therapy.notes.breakGlass.intro')}
      onClose={onClose}
      submitLabel={t('therapy.notes.breakGlass.confirm')}
      {...dialogFor(read, (values) => ({ id: noteId, ...values }))}
    >
      <Field
        label={t('therapy.notes.breakGlass.reason')}
        hint={t('therapy.notes.breakGlass.reasonHelp', { min: BREAK_GLASS_REASON_MIN })}
        error={errors.breakGlassReason}
      >
        {(a) => <textarea {...a} {...register('breakGlassReason')} rows={3} />}
      </Field>
    </FormDialog>
  );
}
