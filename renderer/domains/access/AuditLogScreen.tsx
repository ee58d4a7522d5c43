import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper, flexRender } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AuditEntry, ProcedureInput, UserSummary } from '../../../shared/contract';
import { AUDIT_TARGET_TYPES, AUDITED_ACTIONS } from '../../../shared/audit';
import { idSchema, isoDateSchema } from '../../../shared/ids';
import { formatInstant } from '../../i18n/format';
import { useApi } from '../../api/ApiContext';
import type { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { Field } from '../../ui/Field';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { useApiForm } from '../../forms/useApiForm';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { auditActionText } from '../../i18n';
import { useDataTable } from '../../ui/useDataTable';

type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

const PAGE_SIZE = 100;
/** Rows have one fixed height (cells never wrap), so virtual positions need no measuring. */
const ROW_HEIGHT = 40;

const optionalDate = z.union([z.literal(''), isoDateSchema]);
const filterSchema = z
  .object({
    actorId: z.union([z.literal(''), idSchema]),
    action: z.string().max(64, 'tooLong'),
    from: optionalDate,
    to: optionalDate,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'dateRange' });
type Filters = z.output<typeof filterSchema>;
const NO_FILTERS: Filters = { actorId: '', action: '', from: '', to: '' };

type ListInput = ProcedureInput<'audit.list'>;

/** Only the filters that are set; empty ones are left out of the call. */
function toInput(filters: Filters): ListInput {
  const input: ListInput = { limit: PAGE_SIZE };
  if (filters.actorId) input.actorId = filters.actorId;
  if (filters.action) input.action = filters.action;
  if (filters.from) input.from = filters.from;
  if (filters.to) input.to = filters.to;
  return input;
}

export function AuditLogScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  const users = useApiQuery('users.list', {});
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <FilterForm users={users.data} onApply={setFilters} />
      <AuditEntries filters={filters} />
      <VerifySection />
    </>
  );
}

/** The target as the administrator may see it: a case code or a name, never a bare id. */
function targetLabel(t: TFunction, entry: AuditEntry): string {
  if (!entry.targetType) return '';
  const known = (AUDIT_TARGET_TYPES as readonly string[]).includes(entry.targetType);
  const type = t(`audit.targetTypes.${known ? (entry.targetType as AuditTargetType) : 'other'}`);
  const caseCode = entry.targetCaseCode;
  if (caseCode) {
    return entry.targetType === 'child'
      ? t('audit.target.case', { caseCode })
      : t('audit.target.inCase', { type, caseCode });
  }
  if (entry.targetName) {
    return entry.targetType === 'user'
      ? entry.targetName
      : t('audit.target.named', { type, name: entry.targetName });
  }
  return type;
}

function FilterForm({
  users,
  onApply,
}: {
  users: UserSummary[] | undefined;
  onApply: (f: Filters) => void;
}) {
  const { t } = useTranslation();
  const actions = AUDITED_ACTIONS.map((action) => ({
    action,
    label: auditActionText(action),
  })).sort((a, b) => a.label.localeCompare(b.label));
  // A filter is applied here, not sent: no backend error has a field to land at.
  const { register, errors, submit } = useApiForm({
    schema: filterSchema,
    defaultValues: NO_FILTERS,
    fields: [],
  });
  return (
    <form
      className="form filters"
      noValidate
      aria-labelledby="audit-filters-heading"
      onSubmit={submit(onApply)}
    >
      <h2 id="audit-filters-heading">{t('audit.filtersHeading')}</h2>
      <div className="filter-row">
        <Field label={t('audit.user')} error={errors.actorId}>
          {(a) => (
            <select {...a} {...register('actorId')}>
              <option value="">{t('audit.allUsers')}</option>
              {users?.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('audit.action')} error={errors.action}>
          {(a) => (
            <select {...a} {...register('action')}>
              <option value="">{t('audit.allActions')}</option>
              {actions.map(({ action, label }) => (
                <option key={action} value={action}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('audit.from')} error={errors.from}>
          {(a) => <input {...a} {...register('from')} type="date" />}
        </Field>
        <Field label={t('audit.to')} error={errors.to}>
          {(a) => <input {...a} {...register('to')} type="date" />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t('audit.apply')}
        </button>
      </div>
    </form>
  );
}

const column = createColumnHelper<AuditEntry>();

function AuditEntries({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const api = useApi();
  const timeZone = useSession().settings.timeZone;
  const input = useMemo(() => toInput(filters), [filters]);
  const entries = useInfiniteQuery<
    Awaited<ReturnType<typeof api.call<'audit.list'>>>,
    ApiError,
    AuditEntry[],
    readonly ['audit.list', ListInput],
    number | undefined
  >({
    queryKey: ['audit.list', input],
    queryFn: ({ pageParam }) =>
      api.call('audit.list', pageParam === undefined ? input : { ...input, beforeSeq: pageParam }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.entries),
  });

  const columns = useMemo(
    () => [
      column.accessor('seq', { header: () => t('audit.columns.seq') }),
      column.accessor('at', {
        header: () => t('audit.columns.at'),
        cell: (info) => formatInstant(info.getValue(), timeZone),
      }),
      column.accessor('actorName', {
        header: () => t('audit.columns.actor'),
        cell: (info) => info.getValue() ?? t('audit.system'),
      }),
      column.accessor('action', {
        header: () => t('audit.columns.action'),
        cell: (info) => auditActionText(info.getValue()),
      }),
      column.display({
        id: 'target',
        header: () => t('audit.columns.target'),
        cell: ({ row: { original: entry } }) => targetLabel(t, entry),
      }),
      column.accessor('outcome', {
        header: () => t('audit.columns.outcome'),
        cell: (info) => t(`audit.outcome.${info.getValue()}`),
      }),
    ],
    [t, timeZone],
  );

  const table = useDataTable({
    data: entries.data,
    columns,
    getRowId: (entry) => String(entry.seq),
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const columnCount = columns.length;

  return (
    <section className="panel">
      <h2 id="audit-entries-heading">{t('audit.tableLabel')}</h2>
      {entries.isError ? <FormAlert message={{ key: entries.error.message }} /> : null}
      <div
        ref={scrollRef}
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby="audit-entries-heading"
      >
        <table className="data-table audit-table" aria-rowcount={rows.length + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col">
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columnCount} style={{ height: paddingTop }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <tr key={row.id} aria-rowindex={item.index + 2}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columnCount} style={{ height: paddingBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <p className="table-footer" role="status">
        {entries.isSuccess
          ? rows.length === 0
            ? t('audit.empty')
            : t('audit.count', { count: rows.length })
          : null}
      </p>
      {entries.hasNextPage ? (
        <button
          type="button"
          onClick={() => void entries.fetchNextPage()}
          disabled={entries.isFetchingNextPage}
        >
          {t('audit.loadMore')}
        </button>
      ) : null}
    </section>
  );
}

function VerifySection() {
  const { t } = useTranslation();
  const verify = useApiMutation('audit.verify');
  const result = verify.data;
  let text: string | null = null;
  if (result) {
    if (result.ok) text = t('audit.intact', { count: result.checked });
    else if (result.olderThanCheckpoint)
      text = t('audit.olderThanCheckpoint', result.olderThanCheckpoint);
    else if (result.firstBadSeq !== null) text = t('audit.alteredAt', { seq: result.firstBadSeq });
    else text = t('audit.altered');
  }
  return (
    <section className="panel" aria-labelledby="audit-verify-heading">
      <h2 id="audit-verify-heading">{t('audit.verifyHeading')}</h2>
      <p>{t('audit.verifyBody')}</p>
      <FormAlert message={verify.isError ? { key: verify.error.message } : null} />
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          disabled={verify.isPending}
          onClick={() => verify.mutate({})}
        >
          {t('audit.verify')}
        </button>
        <span role="status" className="pending-text">
          {verify.isPending ? t('audit.verifying') : null}
        </span>
      </div>
      <StatusMessage tone={result && !result.ok ? 'bad' : 'good'}>{text}</StatusMessage>
    </section>
  );
}
