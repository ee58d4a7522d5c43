import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useSearchParams } from 'react-router';
import type { ProcedureInput } from '../../../shared/contract';
import {
  AGENDA_GROUPINGS,
  AGENDA_KINDS,
  type AgendaGrouping,
  type AgendaItem,
  type AgendaKind,
  type AgendaPage,
  type AgendaSection,
} from '../../../shared/children/contract';
import { calendarDaysBetween } from '../../../shared/time';
import { formatCalendarDate } from '../../i18n/format';
import { useApi } from '../../api/ApiContext';
import type { ApiError } from '../../api/client';
import { queryKey, useApiQuery } from '../../api/queries';
import { FormAlert } from '../../ui/FormAlert';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { isOneOf } from '../../../shared/text';
import { agendaKindName, agendaKindText } from './labels';
import './cases.css';
import { FilterSelect } from '../../ui/FilterSelect';
import { useTodayPanels } from '../../frame/contributions';
import { Pager, pageRange } from '../../ui/Pager';

export const AGENDA_PAGE_SIZE = 50;

interface AgendaFilters {
  shelterId: string;
  kind: AgendaKind | '';
  groupBy: AgendaGrouping;
}

/** The filters live in the address, so coming back to Today keeps them. */
function readFilters(params: URLSearchParams): AgendaFilters {
  const kind = params.get('kind');
  const groupBy = params.get('group');
  return {
    shelterId: params.get('shelter') ?? '',
    kind: isOneOf(AGENDA_KINDS, kind) ? kind : '',
    groupBy: isOneOf(AGENDA_GROUPINGS, groupBy) ? groupBy : 'date',
  };
}

/** The caseworker's and coordinator's home: what is overdue, and what is due this week. */
export function TodayScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('children.today.title'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const setFilters = (next: AgendaFilters) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        const set = (name: string, value: string, unset: string) =>
          value === unset ? copy.delete(name) : copy.set(name, value);
        set('shelter', next.shelterId, '');
        set('kind', next.kind, '');
        set('group', next.groupBy, 'date');
        return copy;
      },
      { replace: true },
    );
  // Each section starts again from its first page whenever a filter changes.
  const filterKey = `${filters.shelterId}|${filters.kind}|${filters.groupBy}`;
  const todayPanels = useTodayPanels();
  return (
    <>
      <div className="screen-heading">
        <h1>{t('children.today.title')}</h1>
        <Link className="button-link button-primary" to="/cases/new">
          {t('children.list.register')}
        </Link>
      </div>
      <p className="lead-text">{t('children.today.intro')}</p>
      <AgendaFilterForm filters={filters} onChange={setFilters} />
      <AgendaList key={`overdue-${filterKey}`} section="overdue" filters={filters} />
      <AgendaList key={`upcoming-${filterKey}`} section="upcoming" filters={filters} />
      {todayPanels.map((Panel, i) => (
        <Panel key={`${i}-${filters.shelterId}`} />
      ))}
    </>
  );
}

function AgendaFilterForm({
  filters,
  onChange,
}: {
  filters: AgendaFilters;
  onChange: (filters: AgendaFilters) => void;
}) {
  const { t } = useTranslation();
  const shelters = useApiQuery('shelters.names', {});
  return (
    <form
      aria-label={t('children.today.filtersLabel')}
      className="form filters"
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="filter-row">
        <FilterSelect
          label={t('children.today.shelter')}
          all={t('children.today.allShelters')}
          value={filters.shelterId}
          options={(shelters.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          onChange={(shelterId) => onChange({ ...filters, shelterId })}
        />
        <FilterSelect
          label={t('children.today.kindFilter')}
          all={t('children.today.allKinds')}
          value={filters.kind}
          options={AGENDA_KINDS.map((kind) => ({ value: kind, label: agendaKindName(t, kind) }))}
          onChange={(kind) => onChange({ ...filters, kind })}
        />
        <FilterSelect
          label={t('children.today.groupBy')}
          value={filters.groupBy}
          options={AGENDA_GROUPINGS.map((grouping) => ({
            value: grouping,
            label: t(`children.today.grouping.${grouping}`),
          }))}
          onChange={(groupBy) => {
            if (groupBy) onChange({ ...filters, groupBy });
          }}
        />
      </div>
    </form>
  );
}

function toInput(
  section: AgendaSection,
  filters: AgendaFilters,
  page: number,
): ProcedureInput<'dashboard.agenda'> {
  return {
    section,
    groupBy: filters.groupBy,
    limit: AGENDA_PAGE_SIZE,
    offset: page * AGENDA_PAGE_SIZE,
    ...(filters.shelterId ? { shelterId: filters.shelterId } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
  };
}

/** One section (overdue, or the next 7 days): the true count, a page of items, and the pager. */
function AgendaList({ section, filters }: { section: AgendaSection; filters: AgendaFilters }) {
  const { t } = useTranslation();
  const api = useApi();
  const [page, setPage] = useState(0);
  const input = useMemo(() => toInput(section, filters, page), [section, filters, page]);
  const agenda = useQuery<AgendaPage, ApiError>({
    queryKey: queryKey('dashboard.agenda', input),
    queryFn: () => api.call('dashboard.agenda', input),
    // The page stays on screen while the next one loads: no jump to "Loading…".
    placeholderData: keepPreviousData,
  });
  const headingId = `agenda-${section}`;
  const heading = t(section === 'overdue' ? 'children.today.overdue' : 'children.today.upcoming');
  const data = agenda.data;
  const total = data?.total ?? 0;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {heading}{' '}
        {data ? <span className="count-badge">{t('common.count', { count: total })}</span> : null}
      </h2>
      {agenda.isError ? <FormAlert message={{ key: agenda.error.message }} /> : null}
      {agenda.isPending ? <p role="status">{t('children.loading')}</p> : null}
      {data && total === 0 ? (
        <p className="muted">
          {t(section === 'overdue' ? 'children.today.noneOverdue' : 'children.today.noneUpcoming')}
        </p>
      ) : null}
      {data && data.items.length > 0 ? (
        <AgendaTable page={data} groupBy={filters.groupBy} overdue={section === 'overdue'} />
      ) : null}
      {total > AGENDA_PAGE_SIZE ? (
        <Pager
          label={t('common.pagerLabel', { list: heading })}
          status={t('common.showing', {
            ...pageRange(page, AGENDA_PAGE_SIZE, total),
            count: total,
          })}
          hasPrevious={page > 0}
          hasNext={(page + 1) * AGENDA_PAGE_SIZE < total}
          onPrevious={() => setPage(page - 1)}
          onNext={() => setPage(page + 1)}
        />
      ) : null}
    </section>
  );
}

interface Group {
  key: string;
  label: string | null;
  items: AgendaItem[];
}

/** Consecutive items of the same child or kind, in the order the backend sent them. */
function groupsOf(
  items: AgendaItem[],
  groupBy: AgendaGrouping,
  label: (item: AgendaItem) => string,
): Group[] {
  if (groupBy === 'date') return [{ key: 'all', label: null, items }];
  const groups: Group[] = [];
  for (const item of items) {
    const key = groupBy === 'child' ? item.childId : item.kind;
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, label: label(item), items: [item] });
  }
  return groups;
}

function AgendaTable({
  page,
  groupBy,
  overdue,
}: {
  page: AgendaPage;
  groupBy: AgendaGrouping;
  overdue: boolean;
}) {
  const { t } = useTranslation();
  const groups = groupsOf(page.items, groupBy, (item) =>
    groupBy === 'child'
      ? t('common.childLink', { caseCode: item.caseCode, alias: item.alias })
      : agendaKindName(t, item.kind),
  );
  return (
    <div className="table-wrap">
      <table className="data-table agenda-table">
        <thead>
          <tr>
            <th scope="col">{t('children.today.columns.date')}</th>
            <th scope="col">{t('children.today.columns.child')}</th>
            <th scope="col">{t('children.today.columns.kind')}</th>
            <th scope="col">{t('children.today.columns.what')}</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key}>
            {group.label === null ? null : (
              <tr className="agenda-group">
                <th scope="rowgroup" colSpan={4}>
                  {t('children.today.group', {
                    name: group.label,
                    count: page.groupSizes[group.key] ?? group.items.length,
                  })}
                </th>
              </tr>
            )}
            {group.items.map((item) => (
              <tr key={`${item.kind}-${item.id}`}>
                <td>{dateCell(t, item, page.today, overdue)}</td>
                <td>
                  <Link to={`/cases/${item.childId}`}>
                    {t('common.childLink', { caseCode: item.caseCode, alias: item.alias })}
                  </Link>
                </td>
                <td>{agendaKindText(t, item)}</td>
                <td className="cell-text">{item.title}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/**
 * The date, and for an overdue item how late it is in words, with a quiet marker. A plain function,
 * not a component: a page holds a hundred of them, and a translation hook each costs a render.
 */
function dateCell(t: TFunction, item: AgendaItem, today: string, overdue: boolean): ReactNode {
  const date = formatCalendarDate(item.date);
  if (!overdue) return date;
  return (
    <>
      {date}{' '}
      <span className="overdue-note">
        {t('children.today.daysOverdue', { count: calendarDaysBetween(item.date, today) })}
      </span>
    </>
  );
}
