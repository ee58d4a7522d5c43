// The case file's documents register: each paper, its number, where it is kept, and when one
// still to obtain is due or a held one expires. Today lists those due and expiring.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  checkDocumentFields,
  documentFieldsSchema,
  type ChildDocument,
} from '../../../shared/care/contract';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../../shared/care/vocabulary';
import type { CaseFile } from '../../../shared/children/contract';
import { formatCalendarDate } from '../../i18n/format';
import { useApiMutation } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { CaseSection } from '../../ui/CaseSection';
import { ChoiceField } from '../../ui/ChoiceField';
import { Field } from '../../ui/Field';
import { StatusMessage } from '../../ui/FormAlert';
import { FormDialog } from '../../ui/FormDialog';
import { RecordTable } from '../../ui/RecordTable';
import { useSectionDialogs } from '../../ui/RowActions';
import { fromForm } from '../children';
import { careStale } from './stale';

export function DocumentsSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const dialogs = useSectionDialogs<{ document: ChildDocument | null }>();
  const date = (d: string | null) => (d ? formatCalendarDate(d) : '—');
  return (
    <CaseSection id="case-documents" title={t('care.documents.heading')}>
      <StatusMessage>{dialogs.status}</StatusMessage>
      <RecordTable
        records={file.documents}
        label={{ caption: t('care.documents.heading') }}
        columns={[
          t('care.documents.kind'),
          t('care.documents.status'),
          t('care.documents.reference'),
          t('care.documents.keptWhere'),
          t('care.documents.dueOn'),
          t('care.documents.expiresOn'),
        ]}
        emptyText={t('care.documents.empty')}
        add={{
          label: t('care.documents.add'),
          onClick: () => dialogs.setOpen({ document: null }),
        }}
      >
        {(doc) => (
          <tr key={doc.id}>
            <td>{t(`care.documentKind.${doc.kind}`)}</td>
            <td>{t(`care.documentStatus.${doc.status}`)}</td>
            <td>{doc.reference ?? '—'}</td>
            <td className="cell-text">{doc.keptWhere ?? '—'}</td>
            <td>{date(doc.dueOn)}</td>
            <td>{date(doc.expiresOn)}</td>
            <td>
              <button
                type="button"
                aria-label={t('care.documents.editOne', {
                  kind: t(`care.documentKind.${doc.kind}`),
                })}
                onClick={() => dialogs.setOpen({ document: doc })}
              >
                {t('care.documents.edit')}
              </button>
            </td>
          </tr>
        )}
      </RecordTable>
      {dialogs.open ? (
        <DocumentDialog
          childId={file.child.id}
          document={dialogs.open.document}
          onClose={dialogs.close}
          onDone={() =>
            dialogs.done(
              dialogs.open?.document ? t('care.documents.updated') : t('care.documents.added'),
            )
          }
        />
      ) : null}
    </CaseSection>
  );
}

const documentShape = z.object({
  kind: z.union([z.literal(''), z.enum(DOCUMENT_KINDS)]),
  status: z.union([z.literal(''), z.enum(DOCUMENT_STATUSES)]),
  reference: z.string(),
  keptWhere: z.string(),
  dueOn: z.string(),
  expiresOn: z.string(),
  note: z.string(),
});
const DOCUMENT_FIELDS = [
  'kind',
  'status',
  'reference',
  'keptWhere',
  'dueOn',
  'expiresOn',
  'note',
] as const;
const documentSchema = fromForm(
  documentShape,
  documentFieldsSchema.superRefine(checkDocumentFields),
);

function DocumentDialog({
  childId,
  document,
  onClose,
  onDone,
}: {
  childId: string;
  document: ChildDocument | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: documentSchema,
    defaultValues: {
      kind: document?.kind ?? '',
      status: document?.status ?? '',
      reference: document?.reference ?? '',
      keptWhere: document?.keptWhere ?? '',
      dueOn: document?.dueOn ?? '',
      expiresOn: document?.expiresOn ?? '',
      note: document?.note ?? '',
    },
    fields: DOCUMENT_FIELDS,
  });
  const save = useApiMutation('documents.save', {
    stale: () => [...careStale(childId), 'documents.due'],
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({
    ...values,
    childId,
    ...(document ? { id: document.id } : {}),
  }));
  return (
    <FormDialog
      title={document ? t('care.documents.editTitle') : t('care.documents.addTitle')}
      onClose={onClose}
      submitLabel={t('care.documents.save')}
      {...dialog}
    >
      <ChoiceField
        label={t('care.documents.kind')}
        error={errors.kind}
        registration={register('kind')}
        values={DOCUMENT_KINDS}
        optionText={(v) => t(`care.documentKind.${v}`)}
      />
      <ChoiceField
        label={t('care.documents.status')}
        error={errors.status}
        registration={register('status')}
        values={DOCUMENT_STATUSES}
        optionText={(v) => t(`care.documentStatus.${v}`)}
      />
      <Field label={t('care.documents.reference')} error={errors.reference}>
        {(a) => <input {...a} {...register('reference')} autoComplete="off" />}
      </Field>
      <Field
        label={t('care.documents.keptWhere')}
        hint={t('care.documents.keptWhereHint')}
        error={errors.keptWhere}
      >
        {(a) => <input {...a} {...register('keptWhere')} autoComplete="off" />}
      </Field>
      <Field
        label={t('care.documents.dueOn')}
        hint={t('care.documents.dueOnHint')}
        error={errors.dueOn}
      >
        {(a) => <input {...a} {...register('dueOn')} type="date" />}
      </Field>
      <Field label={t('care.documents.expiresOn')} error={errors.expiresOn}>
        {(a) => <input {...a} {...register('expiresOn')} type="date" />}
      </Field>
      <Field label={t('care.documents.note')} error={errors.note}>
        {(a) => <input {...a} {...register('note')} autoComplete="off" />}
      </Field>
    </FormDialog>
  );
}
