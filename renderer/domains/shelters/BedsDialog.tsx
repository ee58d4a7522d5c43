import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procedures } from '../../../shared/contract';
import type { Shelter } from '../../../shared/shelters/contract';
import { useApiMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { Field } from '../../ui/Field';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';
import { useApiForm } from '../../forms/useApiForm';
import { messageFor, type FormMessage } from '../../forms/useServerErrors';
import { DataTable } from '../../ui/DataTable';
import { bedName } from './format';
import { SHELTERS_STALE } from './stale';
import { useDataTable } from '../../ui/useDataTable';

type Bed = Shelter['beds'][number];
const column = createColumnHelper<Bed>();
const bedSchema = procedures['beds.save'].input.pick({ room: true, label: true });

/** A shelter's beds: add one (room optional), or remove an empty one. */
export function BedsDialog({ shelter, onClose }: { shelter: Shelter; onClose: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<FormMessage | null>(null);
  const remove = useApiMutation('beds.remove', {
    stale: () => SHELTERS_STALE,
    onError: (error) => setRemoveError(messageFor(error)),
  });

  const columns = useMemo(
    () => [
      column.accessor('room', {
        header: () => t('shelters.beds.room'),
        cell: (info) => info.getValue() ?? t('shelters.common.noRoom'),
      }),
      column.accessor('label', { header: () => t('shelters.beds.bed') }),
      column.display({
        id: 'actions',
        header: () => t('shelters.beds.actions'),
        cell: ({ row: { original: bed } }) => (
          <button
            type="button"
            className="button-danger-quiet"
            aria-label={t('shelters.beds.removeBed', { bed: bedName(t, bed) })}
            disabled={remove.isPending}
            onClick={() => {
              setStatus(null);
              setRemoveError(null);
              remove.mutate(
                { id: bed.id },
                {
                  onSuccess: () => setStatus(t('shelters.beds.removed', { bed: bedName(t, bed) })),
                },
              );
            }}
          >
            {t('shelters.beds.remove')}
          </button>
        ),
      }),
    ],
    [t, remove],
  );
  const table = useDataTable({ data: shelter.beds, columns, getRowId: (bed) => bed.id });

  return (
    <Dialog title={t('shelters.beds.title', { name: shelter.name })} onClose={onClose}>
      <StatusMessage>{status}</StatusMessage>
      <FormAlert message={removeError} />
      {shelter.beds.length > 0 ? (
        <DataTable table={table} caption={t('shelters.beds.tableCaption')} />
      ) : (
        <p>{t('shelters.beds.none')}</p>
      )}
      <AddBedForm
        shelterId={shelter.id}
        onAdded={(bed) => {
          setRemoveError(null);
          setStatus(t('shelters.beds.added', { bed }));
        }}
      />
      <DialogActions onClose={onClose} closeLabel={t('shelters.common.close')} />
    </Dialog>
  );
}

function AddBedForm({
  shelterId,
  onAdded,
}: {
  shelterId: string;
  onAdded: (bedName: string) => void;
}) {
  const { t } = useTranslation();
  const { form, register, errors, formError, showError, submit } = useApiForm({
    schema: bedSchema,
    defaultValues: { room: '', label: '' },
    fields: ['room', 'label'],
  });
  const save = useApiMutation('beds.save', { stale: () => SHELTERS_STALE, onError: showError });
  const onSubmit = submit((values) => {
    const room = values.room ? values.room : undefined;
    save.mutate(
      { shelterId, label: values.label, ...(room ? { room } : {}) },
      {
        onSuccess: () => {
          // Keep the room: beds are usually added room by room.
          form.reset({ room: values.room ?? '', label: '' });
          form.setFocus('label');
          onAdded(bedName(t, { room: room ?? null, label: values.label }));
        },
      },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form add-bed" aria-labelledby="add-bed-heading">
      <h3 id="add-bed-heading">{t('shelters.beds.addHeading')}</h3>
      <FormAlert message={formError} />
      <Field label={t('shelters.beds.roomLabel')} error={errors.room}>
        {(a) => <input {...a} {...register('room')} maxLength={60} autoComplete="off" />}
      </Field>
      <Field
        label={t('shelters.beds.label')}
        hint={t('shelters.beds.labelHint')}
        error={errors.label}
      >
        {(a) => <input {...a} {...register('label')} maxLength={60} autoComplete="off" />}
      </Field>
      <SubmitButton pending={save.isPending} pendingText={t('common.working')}>
        {t('shelters.beds.submit')}
      </SubmitButton>
    </form>
  );
}
