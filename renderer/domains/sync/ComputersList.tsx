// The organisation's computers: when each one's changes were last seen here, a warning for those
// silent longer than the set number of days, and (for the administrator) removing a lost one.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { differenceInDays } from 'date-fns';
import type { ComputerRow } from '../../../shared/sync/contract';
import { formatInstant } from '../../i18n/format';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { DataTable } from '../../ui/DataTable';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { useDataTable } from '../../ui/useDataTable';
import { RemoveComputerDialog } from './RemoveComputerDialog';

/** Not heard from for `staleDays` whole days or more (or never): its changes may be missing. */
export function isStale(computer: ComputerRow, staleDays: number, now: Date): boolean {
  if (computer.removed) return false;
  if (computer.lastSeenAt === null) return true;
  return differenceInDays(now, new Date(computer.lastSeenAt)) >= staleDays;
}

export function ComputersList({ staleDays }: { staleDays: number }) {
  const { t } = useTranslation();
  const session = useSession();
  const timeZone = session.settings.timeZone;
  const computers = useApiQuery('sync.computers', {});
  const [removing, setRemoving] = useState<ComputerRow | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  // Staleness as of the list's answer, so it does not change while the list stays the same.
  const fetchedAt = computers.dataUpdatedAt;
  const canRemove = session.role === 'admin';

  const columns = useMemo<ColumnDef<ComputerRow>[]>(
    () => [
      {
        id: 'name',
        header: t('sync.computers.name'),
        cell: ({ row }) =>
          row.original.self
            ? t('sync.computers.thisComputer', { name: row.original.name })
            : row.original.name,
      },
      {
        id: 'lastSeen',
        header: t('sync.computers.lastSeen'),
        cell: ({ row }) =>
          row.original.lastSeenAt === null
            ? t('sync.computers.never')
            : formatInstant(row.original.lastSeenAt, timeZone),
      },
      {
        id: 'state',
        header: t('sync.computers.state'),
        cell: ({ row }) => {
          const c = row.original;
          if (c.removed)
            return (
              <span className="badge badge-off">
                {t('sync.computers.removed', { reason: c.removedReason ?? '' })}
              </span>
            );
          return isStale(c, staleDays, new Date(fetchedAt)) ? (
            <span className="badge sync-stale">
              {t('sync.computers.stale', { count: staleDays })}
            </span>
          ) : (
            <span className="badge badge-ok">{t('sync.computers.current')}</span>
          );
        },
      },
      ...(canRemove
        ? [
            {
              id: 'actions',
              header: t('sync.computers.actions'),
              cell: ({ row }: { row: { original: ComputerRow } }) =>
                row.original.self || row.original.removed ? null : (
                  <button
                    type="button"
                    className="button-danger"
                    onClick={() => {
                      setRemoved(null);
                      setRemoving(row.original);
                    }}
                  >
                    {t('sync.computers.remove', { name: row.original.name })}
                  </button>
                ),
            } satisfies ColumnDef<ComputerRow>,
          ]
        : []),
    ],
    [t, timeZone, staleDays, fetchedAt, canRemove],
  );
  const table = useDataTable({ data: computers.data, columns, getRowId: (c) => c.id });
  const stale = (computers.data ?? []).filter((c) => isStale(c, staleDays, new Date(fetchedAt)));

  return (
    <section className="panel" aria-labelledby="sync-computers-heading">
      <h2 id="sync-computers-heading">{t('sync.computers.listHeading')}</h2>
      {computers.isError ? <FormAlert message={{ key: computers.error.message }} /> : null}
      {stale.length > 0 ? (
        <p className="sync-stale-summary">
          {t('sync.computers.staleSummary', { count: stale.length, days: staleDays })}
        </p>
      ) : null}
      <DataTable table={table} caption={t('sync.computers.caption')} />
      <StatusMessage>{removed}</StatusMessage>
      {removing ? (
        <RemoveComputerDialog
          computer={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoved(t('sync.computers.removedDone', { name: removing.name }));
            setRemoving(null);
          }}
        />
      ) : null}
    </section>
  );
}
