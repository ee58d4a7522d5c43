// Previous and next page under a list that the backend sends a page at a time, with the line
// that says which rows are showing (announced politely when the page changes).
import { useTranslation } from 'react-i18next';

interface Props {
  /** Names the pager for screen readers: which list it pages. */
  label: string;
  /** "Showing 1–50 of 407.", in the list's own words. */
  status: string;
  /** Lets the list point at the status line (aria-describedby). */
  statusId?: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export function Pager({
  label,
  status,
  statusId,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: Props) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={label}>
      <p id={statusId} className="table-footer" role="status">
        {status}
      </p>
      <div className="row-actions">
        <button type="button" disabled={!hasPrevious} onClick={onPrevious}>
          {t('common.previousPage')}
        </button>
        <button type="button" disabled={!hasNext} onClick={onNext}>
          {t('common.nextPage')}
        </button>
      </div>
    </nav>
  );
}

/** The first and last row numbers a page shows, counted from 1 (0 and 0 when there are none). */
export function pageRange(page: number, pageSize: number, total: number) {
  return {
    first: total === 0 ? 0 : page * pageSize + 1,
    last: Math.min(total, (page + 1) * pageSize),
  };
}
