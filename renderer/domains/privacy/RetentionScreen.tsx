// The administrator's retention screen (RA 10173: kept only as long as necessary): a period per
// kind of record, the records past it a page at a time, a reviewed deletion with a typed reason
// and a confirmation, and the latest deletions (their tombstones: kind, when, who, why; a closed
// case's with its case code and closure date).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  MAX_RETENTION_MONTHS,
  RETENTION_PAGE,
  retentionDeleteSchema,
  retentionPeriodSchema,
  type RetainedRecord,
  type RetentionKind,
  type RetentionPeriod,
} from '../../../shared/privacy/retention';
import { formatCalendarDate, formatInstant } from '../../i18n/format';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useApiForm } from '../../forms/useApiForm';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { errorText } from '../../i18n';
import { Checkbox } from '../../ui/Checkbox';
import { Field } from '../../ui/Field';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { FormDialog } from '../../ui/FormDialog';
import { Pager, pageRange } from '../../ui/Pager';
import { SubmitButton } from '../../ui/SubmitButton';
import './privacy.css';

const STALE = () => ['retention.overview', 'retention.due'] as const;

export function RetentionScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.retention.title'));
  const overview = useApiQuery('retention.overview', {});
  const [deleting, setDeleting] = useState<RetainedRecord | null>(null);
  const [done, setDone] = useState<{ text: string; at: number } | null>(null);
  const { settings } = useSession();
  return (
    <>
      <h1>{t('privacy.retention.title')}</h1>
      <p className="lead-text">{t('privacy.retention.intro')}</p>
      <StatusMessage version={done?.at}>{done?.text ?? null}</StatusMessage>
      {overview.isError ? <FormAlert message={{ key: overview.error.message }} /> : null}
      <section aria-labelledby="retention-periods" className="panel">
        <h2 id="retention-periods">{t('privacy.retention.periodsHeading')}</h2>
        <p className="muted">{t('privacy.retention.periodsHint')}</p>
        {overview.data?.periods.map((period) => (
          <PeriodForm key={period.kind} period={period} />
        ))}
      </section>
      {overview.data?.periods
        .filter((p) => p.months !== null)
        .map((period) => (
          <DueList key={period.kind} period={period} onDelete={setDeleting} />
        ))}
      {overview.data && overview.data.tombstones.length > 0 ? (
        <section aria-labelledby="retention-deleted">
          <h2 id="retention-deleted">{t('privacy.retention.deletedHeading')}</h2>
          <ul className="retention-tombstones">
            {overview.data.tombstones.map((stone) => (
              <li key={stone.id}>
                {stone.caseCode !== null && stone.closedOn !== null
                  ? t('privacy.retention.tombstoneCase', {
                      code: stone.caseCode,
                      closedOn: formatCalendarDate(stone.closedOn),
                      when: formatInstant(stone.deletedAt, settings.timeZone),
                      name: stone.deletedByName ?? t('privacy.breaches.unknownStaff'),
                    })
                  : t('privacy.retention.tombstone', {
                      kind: t(`privacy.retention.kinds.${stone.kind}`),
                      when: formatInstant(stone.deletedAt, settings.timeZone),
                      name: stone.deletedByName ?? t('privacy.breaches.unknownStaff'),
                    })}
                <span className="preserve-lines"> {stone.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {deleting ? (
        <DeleteDialog
          record={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            setDone({ text: t('privacy.retention.deletedDone'), at: Date.now() });
          }}
        />
      ) : null}
    </>
  );
}

/** An empty box is "no period": nothing of the kind is listed. */
const periodForm = z
  .object({ months: z.string() })
  .transform((v) => ({ months: v.months.trim() === '' ? null : Number(v.months) }))
  .pipe(retentionPeriodSchema.pick({ months: true }));

function PeriodForm({ period }: { period: RetentionPeriod }) {
  const { t } = useTranslation();
  const kind = t(`privacy.retention.kinds.${period.kind}`);
  const { register, errors, formError, showError, submit } = useApiForm({
    schema: periodForm,
    defaultValues: { months: period.months === null ? '' : String(period.months) },
    fields: ['months'],
  });
  const save = useApiMutation('retention.setPeriod', { stale: STALE, onError: showError });
  return (
    <form
      noValidate
      className="form retention-period"
      onSubmit={submit((values) => save.mutate({ kind: period.kind, ...values }))}
    >
      <FormAlert message={formError} />
      <Field
        label={t('privacy.retention.monthsLabel', { kind })}
        hint={t('privacy.retention.due', { count: period.due })}
        error={errors.months}
      >
        {(a) => (
          <input
            {...a}
            {...register('months')}
            type="number"
            min={1}
            max={MAX_RETENTION_MONTHS}
            className="input-short"
          />
        )}
      </Field>
      <SubmitButton pending={save.isPending} pendingText={t('privacy.retention.saving')}>
        {t('privacy.retention.savePeriod', { kind })}
      </SubmitButton>
      <StatusMessage version={save.submittedAt}>
        {save.isSuccess ? t('privacy.retention.periodSaved', { kind }) : null}
      </StatusMessage>
    </form>
  );
}

function DueList({
  period,
  onDelete,
}: {
  period: RetentionPeriod;
  onDelete: (record: RetainedRecord) => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const due = useApiQuery('retention.due', { kind: period.kind, offset: page * RETENTION_PAGE });
  const kind = t(`privacy.retention.kinds.${period.kind}`);
  const headingId = `retention-due-${period.kind}`;
  const total = due.data?.total ?? 0;
  const records = due.data?.records ?? [];
  const range = pageRange(page, RETENTION_PAGE, total);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('privacy.retention.dueHeading', { kind, months: period.months, count: total })}
      </h2>
      {due.isSuccess && total === 0 ? (
        <p className="muted">{t('privacy.retention.noneDue')}</p>
      ) : null}
      {records.length > 0 ? (
        <>
          <table className="data-table">
            <caption className="visually-hidden">{kind}</caption>
            <thead>
              <tr>
                <th scope="col">{t('privacy.retention.caseCode')}</th>
                <th scope="col">{t(`privacy.retention.countedFrom.${period.kind}`)}</th>
                <th scope="col">{t('privacy.retention.action')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id}>
                  <td>{record.caseCode}</td>
                  <td>{formatCalendarDate(record.countedFrom)}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => onDelete(record)}
                      aria-label={t('privacy.retention.deleteOne', {
                        kind,
                        code: record.caseCode,
                        date: formatCalendarDate(record.countedFrom),
                      })}
                    >
                      {t('privacy.retention.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            label={t('privacy.retention.pager', { kind })}
            status={t('privacy.retention.showing', { ...range, total })}
            hasPrevious={page > 0}
            hasNext={due.data?.nextOffset != null}
            onPrevious={() => setPage((p) => p - 1)}
            onNext={() => setPage((p) => p + 1)}
          />
        </>
      ) : null}
    </section>
  );
}

const deleteForm = retentionDeleteSchema
  .pick({ reason: true })
  .extend({ confirmed: z.boolean() })
  .refine((v) => v.confirmed, { path: ['confirmed'], message: 'privacy.confirmDeletion' });

function DeleteDialog({
  record,
  onClose,
  onDeleted,
}: {
  record: RetainedRecord;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { register, errors, showError, dialogFor } = useApiForm({
    schema: deleteForm,
    defaultValues: { reason: '', confirmed: false },
    fields: ['reason', 'confirmed'],
  });
  const remove = useApiMutation('retention.delete', {
    stale: STALE,
    onSuccess: onDeleted,
    onError: showError,
  });
  const kind: RetentionKind = record.kind;
  const confirmErrorId = `retention-confirm-${record.id}`;
  return (
    <FormDialog
      title={t('privacy.retention.deleteTitle')}
      intro={t(`privacy.retention.deleteIntro.${kind}`, {
        code: record.caseCode,
        date: formatCalendarDate(record.countedFrom),
      })}
      onClose={onClose}
      submitLabel={t('privacy.retention.confirmDelete')}
      {...dialogFor(remove, (values) => ({
        kind,
        id: record.id,
        reason: values.reason,
        confirmed: true as const,
      }))}
    >
      <Field
        label={t('privacy.retention.reason')}
        hint={t('privacy.retention.reasonHint')}
        error={errors.reason}
      >
        {(a) => <textarea {...a} {...register('reason')} rows={3} />}
      </Field>
      <Checkbox
        label={t('privacy.retention.confirm')}
        {...register('confirmed')}
        {...(errors.confirmed ? { 'aria-invalid': true, 'aria-describedby': confirmErrorId } : {})}
      />
      {errors.confirmed ? (
        <p className="field-error" id={confirmErrorId}>
          {errorText(errors.confirmed.message ?? 'privacy.confirmDeletion')}
        </p>
      ) : null}
    </FormDialog>
  );
}
