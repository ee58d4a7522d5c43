import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<T> {
  records: readonly T[];
  /** The section's list, named by a hidden caption or by a visible heading's id. */
  label: { caption: string } | { labelledBy: string };
  /** Column headings; an Actions column is added last. */
  columns: string[];
  /** The line shown instead of the table when there are no records. */
  emptyText: string;
  /** One keyed `<tr>` per record. */
  children: (record: T) => ReactNode;
  /** The button under the table that adds a record. */
  add?: { label: string; onClick: () => void };
}

/** A case-file section's records: a table (or its empty state) and the Add button. */
export function RecordTable<T>({ records, label, columns, emptyText, children, add }: Props<T>) {
  const { t } = useTranslation();
  return (
    <>
      {records.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <div className="table-wrap">
          <table
            className="data-table"
            aria-labelledby={'labelledBy' in label ? label.labelledBy : undefined}
          >
            {'caption' in label ? (
              <caption className="visually-hidden">{label.caption}</caption>
            ) : null}
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
                <th scope="col">{t('children.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>{records.map(children)}</tbody>
          </table>
        </div>
      )}
      {add ? (
        <p className="section-actions">
          <button type="button" onClick={add.onClick}>
            {add.label}
          </button>
        </p>
      ) : null}
    </>
  );
}
