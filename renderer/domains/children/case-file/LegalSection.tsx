import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { LEGAL_EVENT_KINDS } from '../../../../shared/children/vocabulary';
import { procedures } from '../../../../shared/contract';
import type { CaseFile, LegalEvent } from '../../../../shared/children/contract';
import { formatCalendarDate } from '../../../../shared/time';
import { Field } from '../../../ui/Field';
import { StatusMessage } from '../../../ui/FormAlert';
import { fromForm } from '../formValues';
import { legalKindText } from '../labels';
import { CaseSection } from './CaseSection';
import { ChoiceField } from '../../../ui/ChoiceField';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormDialog } from '../../../ui/FormDialog';
import { RecordTable } from '../../../ui/RecordTable';
import { RowActions } from '../../../ui/RowActions';
import { useRecordActions } from './useRecordActions';
import { useRecordDialogForm } from './useRecordDialogForm';

/** Hearings, testimony and filings, with court and case number; future dates are expected. */
export function LegalSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const childId = file.child.id;
  const actions = useRecordActions<LegalEvent>({
    procedure: 'legal.remove',
    childId,
    removedText: () => t('cases.legal.removed'),
  });
  const { open } = actions;
  const describe = (event: LegalEvent) =>
    t('cases.legal.eventName', {
      kind: legalKindText(t, event.kind),
      date: formatCalendarDate(event.date),
    });

  return (
    <CaseSection id="case-legal" title={t('cases.legal.heading')}>
      <StatusMessage>{actions.status}</StatusMessage>
      <RecordTable
        records={file.legalEvents}
        label={{ caption: t('cases.legal.heading') }}
        columns={[
          t('cases.legal.kind'),
          t('cases.legal.date'),
          t('cases.legal.time'),
          t('cases.legal.court'),
          t('cases.legal.caseNumber'),
          t('cases.legal.notes'),
        ]}
        emptyText={t('cases.legal.empty')}
        add={{ label: t('cases.legal.add'), onClick: actions.add }}
      >
        {(event) => (
          <tr key={event.id}>
            <td>{legalKindText(t, event.kind)}</td>
            <td>{formatCalendarDate(event.date)}</td>
            <td>{event.time ?? '—'}</td>
            <td className="cell-text">{event.court}</td>
            <td>{event.caseNumber}</td>
            <td className="cell-text">{event.notes ?? '—'}</td>
            <RowActions
              editLabel={t('cases.legal.editOne', { event: describe(event) })}
              removeLabel={t('cases.legal.removeOne', { event: describe(event) })}
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
            actions.done(open.record ? t('cases.legal.updated') : t('cases.legal.added'))
          }
        />
      ) : null}
      {open?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('cases.legal.removeTitle')}
          body={t('cases.legal.removeBody', { event: describe(open.record) })}
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
  const { errors, register, dialog } = useRecordDialogForm({
    procedure: 'legal.save',
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
    childId,
    toInput: (values) => ({ ...values, childId, ...(event ? { id: event.id } : {}) }),
    onDone,
  });

  return (
    <FormDialog
      title={event ? t('cases.legal.editTitle') : t('cases.legal.addTitle')}
      onClose={onClose}
      {...dialog}
      submitLabel={t('cases.legal.save')}
    >
      <ChoiceField
        label={t('cases.legal.kind')}
        error={errors.kind}
        registration={register('kind')}
        values={LEGAL_EVENT_KINDS}
        optionText={(v) => legalKindText(t, v)}
      />
      <Field label={t('cases.legal.date')} error={errors.date}>
        {(a) => <input {...a} {...register('date')} type="date" />}
      </Field>
      <Field label={t('cases.legal.time')} hint={t('cases.legal.timeHint')} error={errors.time}>
        {(a) => <input {...a} {...register('time')} type="time" className="input-short" />}
      </Field>
      <Field label={t('cases.legal.court')} error={errors.court}>
        {(a) => <input {...a} {...register('court')} autoComplete="off" />}
      </Field>
      <Field label={t('cases.legal.caseNumber')} error={errors.caseNumber}>
        {(a) => <input {...a} {...register('caseNumber')} autoComplete="off" />}
      </Field>
      <Field label={t('cases.legal.notes')} error={errors.notes}>
        {(a) => <textarea {...a} {...register('notes')} rows={3} />}
      </Field>
    </FormDialog>
  );
}
