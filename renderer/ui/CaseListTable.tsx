// A list of children's cases: the case code first, as the link that opens the case, then the
// list's own columns. CaseListTable shows a whole list with its query's error, empty state and
// (where asked) loading line, as the review queue does; Today's paged panels (TodayPanel) show a
// page of rows through CaseTable.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/client';
import { FormAlert } from './FormAlert';

export interface CaseColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

interface TableProps<Row extends { caseCode: string }> {
  rows: readonly Row[];
  /** Names the table for screen readers (the heading above says it to everyone). */
  caption: string;
  /** The case code column's heading. */
  caseColumn: string;
  /**
   * Where a row's case link leads, the link's name for screen readers, and its text when it is
   * more than the case code.
   */
  open: (row: Row) => { to: string; label: string; text?: string };
  columns: readonly CaseColumn<Row>[];
  rowKey: (row: Row) => string;
}

export function CaseTable<Row extends { caseCode: string }>({
  rows,
  caption,
  caseColumn,
  open,
  columns,
  rowKey,
}: TableProps<Row>) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caseColumn}</th>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const link = open(row);
            return (
              <tr key={rowKey(row)}>
                <td>
                  <Link to={link.to} aria-label={link.label}>
                    {link.text ?? row.caseCode}
                  </Link>
                </td>
                {columns.map((column) => (
                  <td key={column.header}>{column.cell(row)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface Props<Row extends { caseCode: string }> extends Omit<TableProps<Row>, 'rows'> {
  query: UseQueryResult<readonly Row[], ApiError>;
  /** The line shown instead of an empty table. */
  none: string;
  /** Shown while the list loads. */
  loading?: string;
}

export function CaseListTable<Row extends { caseCode: string }>({
  query,
  none,
  loading,
  ...table
}: Props<Row>) {
  const rows = query.data;
  return (
    <>
      {query.isError ? <FormAlert message={{ key: query.error.message }} /> : null}
      {query.isPending && loading ? <p>{loading}</p> : null}
      {rows?.length === 0 ? <p className="muted">{none}</p> : null}
      {rows && rows.length > 0 ? <CaseTable rows={rows} {...table} /> : null}
    </>
  );
}
