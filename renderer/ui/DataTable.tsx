import { flexRender, type Table } from '@tanstack/react-table';
import type { MouseEvent, ReactNode } from 'react';

interface Props<T> {
  table: Table<T>;
  caption: string;
  /** Added to `data-table`. */
  className?: string;
  'aria-describedby'?: string;
  rowClass?: (row: T) => string | undefined;
  onRowClick?: (row: T, event: MouseEvent<HTMLTableRowElement>) => void;
  /** Shown under the table, inside its scroll box (e.g. an empty-state line). */
  children?: ReactNode;
}

/** A TanStack table rendered as a plain, captioned HTML table. */
export function DataTable<T>({
  table,
  caption,
  className,
  'aria-describedby': describedBy,
  rowClass,
  onRowClick,
  children,
}: Props<T>) {
  return (
    <div className="table-wrap">
      <table
        className={className ? `data-table ${className}` : 'data-table'}
        aria-describedby={describedBy}
      >
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={rowClass?.(row.original)}
              onClick={onRowClick ? (event) => onRowClick(row.original, event) : undefined}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}
