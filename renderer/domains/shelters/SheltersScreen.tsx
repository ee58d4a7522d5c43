import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shelter } from '../../../shared/shelters/contract';
import { useApiQuery } from '../../api/queries';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { BedsDialog } from './BedsDialog';
import { DataTable } from '../../ui/DataTable';
import { ShelterFormDialog } from './ShelterFormDialog';
import './shelters.css';
import { useDataTable } from '../../ui/useDataTable';

type OpenDialog = { kind: 'add' } | { kind: 'edit' | 'beds'; shelterId: string } | null;
const column = createColumnHelper<Shelter>();

/** The coordinator's list of shelters, with their rules, capacity and beds. */
export function SheltersScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('shelters.shelters.title'));
  const shelters = useApiQuery('shelters.list', {});
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [status, setStatus] = useState<string | null>(null);

  const columns = useMemo(
    () => [
      column.accessor('name', { header: () => t('shelters.shelters.columns.name') }),
      column.accessor('type', {
        header: () => t('shelters.shelters.columns.type'),
        cell: (info) => t(`shelters.types.${info.getValue()}`),
      }),
      column.accessor('sexRule', {
        header: () => t('shelters.shelters.columns.sexRule'),
        cell: (info) => t(`shelters.sexRules.${info.getValue()}`),
      }),
      column.display({
        id: 'ages',
        header: () => t('shelters.shelters.columns.ages'),
        cell: ({ row: { original: s } }) =>
          t('shelters.common.ages', { min: s.minAge, max: s.maxAge }),
      }),
      column.accessor('capacity', { header: () => t('shelters.shelters.columns.capacity') }),
      column.display({
        id: 'beds',
        header: () => t('shelters.shelters.columns.beds'),
        cell: ({ row: { original: s } }) => s.beds.length,
      }),
      column.display({
        id: 'actions',
        header: () => t('shelters.shelters.columns.actions'),
        cell: ({ row: { original: s } }) => (
          <div className="row-actions">
            <button
              type="button"
              aria-label={t('shelters.shelters.editShelter', { name: s.name })}
              onClick={() => setDialog({ kind: 'edit', shelterId: s.id })}
            >
              {t('shelters.shelters.edit')}
            </button>
            <button
              type="button"
              aria-label={t('shelters.shelters.manageBedsOf', { name: s.name })}
              onClick={() => setDialog({ kind: 'beds', shelterId: s.id })}
            >
              {t('shelters.shelters.manageBeds')}
            </button>
          </div>
        ),
      }),
    ],
    [t],
  );
  const list = shelters.data;
  const table = useDataTable({ data: list, columns, getRowId: (s) => s.id });
  // Dialogs read the shelter from the list, so they show it as refreshed after each change.
  const open =
    dialog && dialog.kind !== 'add' ? list?.find((s) => s.id === dialog.shelterId) : undefined;
  const done = (message: string) => {
    setDialog(null);
    setStatus(message);
  };

  return (
    <>
      <h1>{t('shelters.shelters.title')}</h1>
      <StatusMessage>{status}</StatusMessage>
      {shelters.isError ? <FormAlert message={{ key: shelters.error.message }} /> : null}
      <div className="form-actions screen-actions">
        <button
          type="button"
          className="button-primary"
          onClick={() => {
            setStatus(null);
            setDialog({ kind: 'add' });
          }}
        >
          {t('shelters.shelters.add')}
        </button>
      </div>
      <DataTable table={table} caption={t('shelters.shelters.tableCaption')} />
      {shelters.isSuccess && shelters.data.length === 0 ? (
        <p>{t('shelters.shelters.empty')}</p>
      ) : null}
      {dialog?.kind === 'add' ? (
        <ShelterFormDialog shelter={null} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === 'edit' && open ? (
        <ShelterFormDialog shelter={open} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === 'beds' && open ? (
        <BedsDialog shelter={open} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
