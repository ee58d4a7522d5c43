import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CHILD_STATUSES } from '../../../shared/children/vocabulary';
import type { ProcedureInput, ProcedureOutput } from '../../../shared/contract';
import type { ChildListRow } from '../../../shared/children/contract';
import { useApi } from '../../api/ApiContext';
import type { ApiError } from '../../api/client';
import { queryKey, useApiQuery } from '../../api/queries';
import { DataTable } from '../../ui/DataTable';
import { FormAlert } from '../../ui/FormAlert';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { NO_FILTERS, useCasesState, type ListFilters } from './CasesContext';
import { ageText, statusText } from './labels';
import { useDataTable } from '../../ui/useDataTable';
import { FilterSelect } from '../../ui/FilterSelect';
import { Pager, pageRange } from '../../ui/Pager';

export const PAGE_SIZE = 50;
/** Typing pauses this long before the search runs. */
const SEARCH_DELAY_MS = 300;

type SearchInput = ProcedureInput<'children.search'>;

/** Only the filters that are set; empty ones are left out of the call. */
function toInput(filters: ListFilters, page: number): SearchInput {
  const input: SearchInput = { limit: PAGE_SIZE, offset: page * PAGE_SIZE };
  const text = filters.text.trim();
  if (text) input.text = text;
  if (filters.status) input.status = filters.status;
  if (filters.shelterId) input.shelterId = filters.shelterId;
  if (filters.caseworkerId) input.caseworkerId = filters.caseworkerId;
  return input;
}

const column = createColumnHelper<ChildListRow>();

/** Every child the user may see, by case code and alias only: names stay on the case file. */
export function ChildrenListScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('children.list.title'));
  const api = useApi();
  const navigate = useNavigate();
  const { filters, page, setPage } = useCasesState();
  const input = useMemo(() => toInput(filters, page), [filters, page]);
  const search = useQuery<ProcedureOutput<'children.search'>, ApiError>({
    queryKey: queryKey('children.search', input),
    queryFn: () => api.call('children.search', input),
    // Keep showing the last answer while the next one loads: no flicker while typing.
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () => [
      column.accessor('caseCode', {
        header: () => t('children.list.columns.caseCode'),
        cell: ({ row: { original: child } }) => (
          <Link to={`/cases/${child.id}`} className="case-code">
            {child.caseCode}
          </Link>
        ),
      }),
      column.accessor('alias', { header: () => t('children.list.columns.alias') }),
      column.accessor('age', {
        header: () => t('children.list.columns.age'),
        cell: ({ row: { original: child } }) => ageText(t, child.age, child.ageEstimated),
      }),
      column.accessor('status', {
        header: () => t('children.list.columns.status'),
        cell: (info) => statusText(t, info.getValue()),
      }),
      column.accessor('shelterName', {
        header: () => t('children.list.columns.shelter'),
        cell: (info) => info.getValue() ?? t('children.list.notPlaced'),
      }),
      column.accessor('caseworkerName', {
        header: () => t('children.list.columns.caseworker'),
        cell: (info) => info.getValue() ?? t('children.list.unassigned'),
      }),
    ],
    [t],
  );

  const data = search.data;
  const table = useDataTable({ data: data?.rows, columns, getRowId: (child) => child.id });
  const total = data?.total ?? 0;

  return (
    <>
      <div className="screen-heading">
        <h1>{t('children.list.title')}</h1>
        <Link className="button-link button-primary" to="/cases/new">
          {t('children.list.register')}
        </Link>
      </div>
      <SearchForm />
      {search.isError ? <FormAlert message={{ key: search.error.message }} /> : null}
      {/* A click anywhere on a row opens the file; keyboard users tab to the case code. */}
      <DataTable
        table={table}
        caption={t('children.list.caption')}
        className="children-table"
        aria-describedby="children-count"
        rowClass={() => 'row-link'}
        onRowClick={(child, event) => {
          if (!(event.target as Element).closest('a')) {
            void navigate(`/cases/${child.id}`);
          }
        }}
      />
      <Pager
        label={t('children.list.pagerLabel')}
        statusId="children-count"
        status={
          search.isPending
            ? t('children.loading')
            : total === 0
              ? t('children.list.empty')
              : t('children.list.showing', { ...pageRange(page, PAGE_SIZE, total), count: total })
        }
        hasPrevious={page > 0}
        hasNext={(page + 1) * PAGE_SIZE < total}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
      />
    </>
  );
}

/** Text search (debounced) and the filters; every change starts from page 1. */
function SearchForm() {
  const { t } = useTranslation();
  const { filters, setFilters } = useCasesState();
  const shelters = useApiQuery('shelters.names', {});
  const staff = useApiQuery('staff.caseworkers', {});
  const [draft, setDraft] = useState(filters.text);
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;

  useEffect(() => {
    if (draft === filters.text) return;
    const timer = window.setTimeout(() => setFilters({ ...filters, text: draft }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, filters, setFilters]);

  const set = (patch: Partial<ListFilters>) => setFilters({ ...filters, text: draft, ...patch });

  return (
    <form
      role="search"
      aria-label={t('children.list.searchLabel')}
      className="form filters"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        set({});
      }}
    >
      <div className="filter-row">
        <div className="field">
          <label htmlFor={id('text')}>{t('children.list.search')}</label>
          <input
            id={id('text')}
            type="search"
            value={draft}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={id('text-hint')}
            onChange={(event) => setDraft(event.target.value)}
          />
          {/* Below the box, so the four filters line up. */}
          <p className="field-hint" id={id('text-hint')}>
            {t('children.list.searchHint')}
          </p>
        </div>
        <FilterSelect
          label={t('children.list.status')}
          all={t('children.list.allStatuses')}
          value={filters.status}
          options={CHILD_STATUSES.map((status) => ({
            value: status,
            label: statusText(t, status),
          }))}
          onChange={(status) => set({ status })}
        />
        <FilterSelect
          label={t('children.list.shelter')}
          all={t('children.list.allShelters')}
          value={filters.shelterId}
          // A search is kept to the shelters the viewer works in.
          options={(shelters.data ?? [])
            .filter((shelter) => shelter.inScope)
            .map((shelter) => ({ value: shelter.id, label: shelter.name }))}
          onChange={(shelterId) => set({ shelterId })}
        />
        <FilterSelect
          label={t('children.list.caseworker')}
          all={t('children.list.allCaseworkers')}
          value={filters.caseworkerId}
          options={(staff.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
          onChange={(caseworkerId) => set({ caseworkerId })}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t('children.list.searchButton')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft('');
            setFilters(NO_FILTERS);
          }}
        >
          {t('children.list.clear')}
        </button>
      </div>
    </form>
  );
}
