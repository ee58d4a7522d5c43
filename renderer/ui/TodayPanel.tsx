// A list another domain adds to Today (follow-up visits overdue, outcomes due, documents due):
// a heading with the true count, one page of cases, and the pager. It follows Today's shelter
// filter, so a coordinator who picks a shelter sees only that shelter's children here too.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';
import { TODAY_PANEL_PAGE_SIZE, type TodayCaseRow, type TodayPanelPage } from '../../shared/today';
import { useApi } from '../api/ApiContext';
import type { ApiError } from '../api/client';
import { queryKey } from '../api/queries';
import { CaseTable, type CaseColumn } from './CaseListTable';
import { FormAlert } from './FormAlert';
import { Pager, pageRange } from './Pager';

/** The procedures that answer a page of Today panel rows. */
export type TodayPanelProcedure = {
  [N in ProcedureName]: ProcedureOutput<N> extends TodayPanelPage<TodayCaseRow> ? N : never;
}[ProcedureName];

type RowOf<N extends TodayPanelProcedure> =
  ProcedureOutput<N> extends TodayPanelPage<infer Row> ? Row : never;

interface Props<N extends TodayPanelProcedure> {
  procedure: N;
  /** The heading's id; the section is named by it. */
  id: string;
  heading: string;
  /** Names the table for screen readers (the heading says it to everyone). */
  caption: string;
  /** The line shown instead of an empty table. */
  none: string;
  caseColumn: string;
  /** The case link's name for screen readers. */
  openLabel: (row: RowOf<N>) => string;
  rowKey: (row: RowOf<N>) => string;
  columns: readonly CaseColumn<RowOf<N>>[];
}

export function TodayPanel<N extends TodayPanelProcedure>({
  procedure,
  id,
  heading,
  caption,
  none,
  caseColumn,
  openLabel,
  rowKey,
  columns,
}: Props<N>) {
  const { t } = useTranslation();
  const api = useApi();
  const [params] = useSearchParams();
  const shelterId = params.get('shelter');
  const [page, setPage] = useState(0);
  const input = {
    ...(shelterId ? { shelterId } : {}),
    offset: page * TODAY_PANEL_PAGE_SIZE,
    limit: TODAY_PANEL_PAGE_SIZE,
  } as ProcedureInput<N>;
  const query = useQuery<TodayPanelPage<RowOf<N>>, ApiError>({
    queryKey: queryKey(procedure, input),
    queryFn: () => api.call(procedure, input) as Promise<TodayPanelPage<RowOf<N>>>,
    // The page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const total = data?.total ?? 0;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {heading}{' '}
        {data ? <span className="count-badge">{t('common.count', { count: total })}</span> : null}
      </h2>
      {query.isError ? <FormAlert message={{ key: query.error.message }} /> : null}
      {data && total === 0 ? <p className="muted">{none}</p> : null}
      {data && data.items.length > 0 ? (
        <CaseTable
          rows={data.items}
          caption={caption}
          caseColumn={caseColumn}
          open={(row) => ({
            to: `/cases/${row.childId}`,
            label: openLabel(row),
            text: t('common.childLink', { caseCode: row.caseCode, alias: row.alias }),
          })}
          columns={columns}
          rowKey={rowKey}
        />
      ) : null}
      {total > TODAY_PANEL_PAGE_SIZE ? (
        <Pager
          label={t('common.pagerLabel', { list: heading })}
          status={t('common.showing', {
            ...pageRange(page, TODAY_PANEL_PAGE_SIZE, total),
            count: total,
          })}
          hasPrevious={page > 0}
          hasNext={(page + 1) * TODAY_PANEL_PAGE_SIZE < total}
          onPrevious={() => setPage(page - 1)}
          onNext={() => setPage(page + 1)}
        />
      ) : null}
    </section>
  );
}
