import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccupancyRow } from '../../../shared/shelters/contract';
import { formatCalendarDate } from '../../i18n/format';
import { useApiQuery } from '../../api/queries';
import { FormAlert } from '../../ui/FormAlert';
import { DataTable } from '../../ui/DataTable';
import { useDataTable } from '../../ui/useDataTable';

const column = createColumnHelper<OccupancyRow>();
const PARTS = ['occupied', 'reserved', 'vacant'] as const;

/** Every shelter's beds on one date (coordinators): a table, and a bar per shelter. */
export function OccupancySummary({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const occupancy = useApiQuery('beds.occupancy', { asOf });
  const columns = useMemo(
    () => [
      column.accessor('shelterName', { header: () => t('shelters.occupancy.columns.shelter') }),
      column.accessor('type', {
        header: () => t('shelters.occupancy.columns.type'),
        cell: (info) => t(`shelters.types.${info.getValue()}`),
      }),
      column.accessor('capacity', { header: () => t('shelters.occupancy.columns.capacity') }),
      column.accessor('beds', { header: () => t('shelters.occupancy.columns.beds') }),
      column.accessor('occupied', { header: () => t('shelters.occupancy.columns.occupied') }),
      column.accessor('reserved', { header: () => t('shelters.occupancy.columns.reserved') }),
      column.accessor('vacant', { header: () => t('shelters.occupancy.columns.vacant') }),
    ],
    [t],
  );
  const rows = occupancy.data;
  const table = useDataTable({ data: rows, columns, getRowId: (row) => row.shelterId });

  return (
    <section className="panel" aria-labelledby="occupancy-heading">
      <h2 id="occupancy-heading">
        {t('shelters.occupancy.heading', { date: formatCalendarDate(asOf) })}
      </h2>
      {occupancy.isError ? <FormAlert message={{ key: occupancy.error.message }} /> : null}
      {occupancy.isPending ? <p role="status">{t('shelters.common.loading')}</p> : null}
      {rows && rows.length === 0 ? <p>{t('shelters.occupancy.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <>
          <DataTable table={table} caption={t('shelters.occupancy.tableCaption')} />
          <OccupancyBars rows={rows} />
        </>
      ) : null}
    </section>
  );
}

/**
 * A stacked bar per shelter, drawn with CSS: segments differ by fill pattern as well as colour,
 * and the numbers are written out next to each bar (the table above has them too).
 */
function OccupancyBars({ rows }: { rows: OccupancyRow[] }) {
  const { t } = useTranslation();
  return (
    <figure className="occupancy-chart" aria-labelledby="occupancy-chart-caption">
      <figcaption id="occupancy-chart-caption">{t('shelters.occupancy.chartCaption')}</figcaption>
      <ul className="occupancy-legend" aria-label={t('shelters.occupancy.legend')}>
        {PARTS.map((part) => (
          <li key={part}>
            <span className={`swatch bar-${part}`} aria-hidden="true" />
            {t(`shelters.bedStates.${part}`)}
          </li>
        ))}
      </ul>
      <ul className="occupancy-bars">
        {rows.map((row) => (
          <li key={row.shelterId}>
            <span className="bar-name">{row.shelterName}</span>
            <span className="bar" aria-hidden="true">
              {PARTS.map((part) =>
                row[part] > 0 ? (
                  <span
                    key={part}
                    className={`bar-part bar-${part}`}
                    style={{ flexGrow: row[part] }}
                  />
                ) : null,
              )}
            </span>
            <span className="bar-text">
              {t('shelters.occupancy.barText', {
                occupied: row.occupied,
                reserved: row.reserved,
                vacant: row.vacant,
                count: row.beds,
              })}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
