import {
  getCoreRowModel,
  useReactTable,
  type Table,
  type TableOptions,
} from '@tanstack/react-table';

/**
 * The one empty list every table shows while it has no data. TanStack rebuilds its rows for
 * every new `data` array and then schedules a state reset; a fresh `[]` on each render (as in
 * `query.data ?? []` while the next query loads) therefore re-renders the table forever.
 */
const NO_ROWS: never[] = [];
const coreRowModel = getCoreRowModel();

interface DataTableOptions<T> {
  /** The rows; `undefined` while loading. Pass the query's own array, not a copy per render. */
  data: T[] | undefined;
  columns: TableOptions<T>['columns'];
  getRowId: (row: T) => string;
}

/** `useReactTable` for the app's plain tables: stable when empty, and no client-side paging. */
export function useDataTable<T>({ data, columns, getRowId }: DataTableOptions<T>): Table<T> {
  return useReactTable({
    data: data ?? NO_ROWS,
    columns,
    getCoreRowModel: coreRowModel,
    getRowId,
    // None of these tables pages, sorts or expands rows in the browser, so a new data array
    // has no table state to reset: without this, each one would schedule a state update.
    autoResetAll: false,
  });
}
