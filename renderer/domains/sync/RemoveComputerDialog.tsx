// Removing a lost or stolen computer: why, typed, then confirmed in the same dialog.
import { useTranslation } from 'react-i18next';
import { procedures } from '../../../shared/contract';
import type { ComputerRow } from '../../../shared/sync/contract';
import { useApiMutation } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';

const removeForm = procedures['sync.removeComputer'].input.pick({ reason: true });

export function RemoveComputerDialog({
  computer,
  onClose,
  onRemoved,
}: {
  computer: ComputerRow;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const { register, errors, showError, dialogFor } = useApiForm({
    schema: removeForm,
    defaultValues: { reason: '' },
    fields: ['reason'],
  });
  const remove = useApiMutation('sync.removeComputer', {
    stale: () => ['sync.computers'],
    onSuccess: onRemoved,
    onError: showError,
  });
  return (
    <FormDialog
      title={t('sync.computers.removeTitle', { name: computer.name })}
      intro={t('sync.computers.removeIntro')}
      onClose={onClose}
      submitLabel={t('sync.computers.confirmRemove')}
      {...dialogFor(remove, (values) => ({ computerId: computer.id, reason: values.reason }))}
    >
      <Field
        label={t('sync.computers.removeReason')}
        hint={t('sync.computers.removeReasonHint')}
        error={errors.reason}
      >
        {(a) => <textarea {...a} {...register('reason')} rows={3} />}
      </Field>
    </FormDialog>
  );
}
