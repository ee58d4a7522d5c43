// A whole list of children's cases, as the review queue shows it: the case code first, as the
// link that opens the case, then the list's own columns. The query's error, its empty state and
// (where asked) its loading line come with it. Today's paged panels use TodayPanel instead.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/client';
import { FormAlert } from './FormAlert';

export interface CaseColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

interface Props<Row extends { caseCode: string }> {
  query: UseQueryResult<readonly Row[], ApiError>;
  /** Names the table for screen readers (the heading above says it to everyone). */
  caption: string;
  /** The line shown instead of an empty table. */
  none: string;
  /** Shown while the list loads; panels show nothing. */
  loading?: string;
  /** The case code column's heading. */
  caseColumn: string;
  /** Where a row's case code leads, and the link's name for screen readers. */
  open: (row: Row) => { to: string; label: string };
  columns: readonly CaseColumn<Row>[];
  rowKey: (row: Row) => string;
}

export function CaseListTable<Row extends { caseCode: string }>({
  query,
  caption,
  none,
  loading,
  caseColumn,
  open,
  columns,
  rowKey,
}: Props<Row>) {
  const rows = query.data;
  return (
    <>
      {query.isError ? <FormAlert message={{ key: query.error.message }} /> : null}
      {query.isPending && loading ? <p>{loading}</p> : null}
      {rows?.length === 0 ? <p className="muted">{none}</p> : null}
      {rows && rows.length > 0 ? (
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
                        {row.caseCode}
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
      ) : null}
    </>
  );
}
