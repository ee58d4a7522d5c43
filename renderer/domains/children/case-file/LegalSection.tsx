import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { LEGAL_EVENT_KINDS } from '../../../../shared/children/vocabulary';
import { procedures } from '../../../../shared/contract';
import type { CaseFile, LegalEvent } from '../../../../shared/children/contract';
import { formatCalendarDate, formatTimeOfDay } from '../../../i18n/format';
import { Field } from '../../../ui/Field';
import { StatusMessage } from '../../../ui/FormAlert';
import { fromForm } from '../formValues';
import { legalKindText } from '../labels';
import { CaseSection } from '../../../ui/CaseSection';
import { ChoiceField } from '../../../ui/ChoiceField';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormDialog } from '../../../ui/FormDialog';
import { RecordTable } from '../../../ui/RecordTable';
import { RowActions } from '../../../ui/RowActions';
import { useRecordActions } from './useRecordActions';
import { useApiMutation } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { childStale } from '../caseQueries';

/** Hearings, testimony and filings, with court and case number; future dates are expected. */
export function LegalSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const childId = file.child.id;
  const actions = useRecordActions<LegalEvent>({
    procedure: 'legal.remove',
    childId,
    removedText: () => t('children.legal.removed'),
  });
  const { open } = actions;
  const describe = (event: LegalEvent) =>
    t('children.legal.eventName', {
      kind: legalKindText(t, event.kind),
      date: formatCalendarDate(event.date),
    });

  return (
    <CaseSection id="case-legal" title={t('children.legal.heading')}>
      <StatusMessage>{actions.status}</StatusMessage>
      <RecordTable
        records={file.legalEvents}
        label={{ caption: t('children.legal.heading') }}
        columns={[
          t('children.legal.kind'),
          t('children.legal.date'),
          t('children.legal.time'),
          t('children.legal.court'),
          t('children.legal.caseNumber'),
          t('children.legal.notes'),
        ]}
        emptyText={t('children.legal.empty')}
        add={{ label: t('children.legal.add'), onClick: actions.add }}
      >
        {(event) => (
          <tr key={event.id}>
            <td>{legalKindText(t, event.kind)}</td>
            <td>{formatCalendarDate(event.date)}</td>
            <td>{event.time ? formatTimeOfDay(event.time) : '—'}</td>
            <td className="cell-text">{event.court}</td>
            <td>{event.caseNumber}</td>
            <td className="cell-text">{event.notes ?? '—'}</td>
            <RowActions
              editLabel={t('children.legal.editOne', { event: describe(event) })}
              removeLabel={t('children.legal.removeOne', { event: describe(event) })}
              onEdit={() => actions.edit(event)}
              onRemove={() => actions.askRemove(event)}
            />
          </tr>
        )}
      </RecordTable>
      {open?.kind === 'edit' ? (
        <LegalDialog
          childId={childId}
          event={open.record}
          onClose={actions.close}
          onDone={() =>
            actions.done(open.record ? t('children.legal.updated') : t('children.legal.added'))
          }
        />
      ) : null}
      {open?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('children.legal.removeTitle')}
          body={t('children.legal.removeBody', { event: describe(open.record) })}
          {...actions.confirmRemove(open.record)}
        />
      ) : null}
    </CaseSection>
  );
}

const legalShape = z.object({
  kind: z.union([z.literal(''), z.enum(LEGAL_EVENT_KINDS)]),
  date: z.string(),
  time: z.string(),
  court: z.string(),
  caseNumber: z.string(),
  notes: z.string(),
});
const LEGAL_FIELDS = ['kind', 'date', 'time', 'court', 'caseNumber', 'notes'] as const;
const legalSchema = fromForm(
  legalShape,
  procedures['legal.save'].input.omit({ id: true, childId: true }),
);

function LegalDialog({
  childId,
  event,
  onClose,
  onDone,
}: {
  childId: string;
  event: LegalEvent | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: legalSchema,
    defaultValues: {
      kind: event?.kind ?? '',
      date: event?.date ?? '',
      time: event?.time ?? '',
      court: event?.court ?? '',
      caseNumber: event?.caseNumber ?? '',
      notes: event?.notes ?? '',
    },
    fields: LEGAL_FIELDS,
  });
  const save = useApiMutation('legal.save', {
    stale: () => childStale(childId),
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({
    ...values,
    childId,
    ...(event ? { id: event.id } : {}),
  }));

  return (
    <FormDialog
      title={event ? t('children.legal.editTitle') : t('children.legal.addTitle')}
      onClose={onClose}
      {...dialog}
      submitLabel={t('children.legal.save')}
    >
      <ChoiceField
        label={t('children.legal.kind')}
        error={errors.kind}
        registration={register('kind')}
        values={LEGAL_EVENT_KINDS}
        optionText={(v) => legalKindText(t, v)}
      />
      <Field label={t('children.legal.date')} error={errors.date}>
        {(a) => <input {...a} {...register('date')} type="date" />}
      </Field>
      <Field
        label={t('children.legal.time')}
        hint={t('children.legal.timeHint')}
        error={errors.time}
      >
        {(a) => <input {...a} {...register('time')} type="time" className="input-short" />}
      </Field>
      <Field label={t('children.legal.court')} error={errors.court}>
        {(a) => <input {...a} {...register('court')} autoComplete="off" />}
      </Field>
      <Field label={t('children.legal.caseNumber')} error={errors.caseNumber}>
        {(a) => <input {...a} {...register('caseNumber')} autoComplete="off" />}
      </Field>
      <Field label={t('children.legal.notes')} error={errors.notes}>
        {(a) => <textarea {...a} {...register('notes')} rows={3} />}
      </Field>
    </FormDialog>
  );
}
