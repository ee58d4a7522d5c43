// One case-file section for each kind of casework record: its table (or empty line), an Add
// button, an Edit button a row, a status line saying what the last dialog did, and the dialog
// that adds or corrects a record through the kind's save procedure. A kind gives its columns,
// its form (schema, starting values, inputs) and its procedure; the words are `casework.<kind>.*`.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefaultValues, FieldValues, Path } from 'react-hook-form';
import type { z } from 'zod';
import type { ProcedureInput } from '../../../shared/contract';
import { useApiMutation, type Stale } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { CaseSection } from '../../ui/CaseSection';
import { StatusMessage } from '../../ui/FormAlert';
import { FormDialog } from '../../ui/FormDialog';
import { RecordTable } from '../../ui/RecordTable';
import { useSectionDialogs } from '../../ui/RowActions';

/** The save procedures of a child's casework records: new without an id, corrected with it. */
type RecordSave = 'accused.save' | 'education.save' | 'conferences.save' | 'health.save';
/** What the form gives the procedure: everything but the child and the record's id. */
type RecordFields<N extends RecordSave> = Omit<ProcedureInput<N>, 'childId' | 'id'>;
/** The form hook's answer, for a kind's inputs to register and show errors at. */
export type RecordForm<Values extends FieldValues, Out> = ReturnType<
  typeof useApiForm<Values, Out>
>;

export interface RecordKind<
  N extends RecordSave,
  R extends { id: string },
  Values extends FieldValues,
> {
  /** Under `casework.`: heading, empty, add, edit, addTitle, editTitle, save, added, updated. */
  words: 'accused' | 'education' | 'conferences' | 'health';
  save: N;
  /** What a save makes stale. */
  stale: (childId: string) => Stale[];
  columns: string[];
  /** The row's cells before its Edit button. */
  cells: (record: R) => ReactNode;
  /** The Edit button's name for screen readers, naming the record. */
  editLabel: (record: R) => string;
  /** The form's values come from its schema alone (NoInfer: the rest is checked against it). */
  schema: z.ZodType<RecordFields<N>, Values>;
  defaultValues: (record: R | null) => DefaultValues<NoInfer<Values>>;
  /** The inputs a backend field error can be shown at. */
  fields: readonly Path<NoInfer<Values>>[];
  /** The dialog's inputs. */
  inputs: (form: RecordForm<NoInfer<Values>, RecordFields<N>>) => ReactNode;
}

interface SectionProps<N extends RecordSave, R extends { id: string }, Values extends FieldValues> {
  kind: RecordKind<N, R, Values>;
  childId: string;
  records: readonly R[];
  /** Shown under the heading: who may read the section, or a note before sensitive content. */
  intro?: ReactNode;
  contentNote?: string;
}

export function RecordSection<
  N extends RecordSave,
  R extends { id: string },
  Values extends FieldValues,
>({ kind, childId, records, intro, contentNote }: SectionProps<N, R, Values>) {
  const { t } = useTranslation();
  const w = kind.words;
  const dialogs = useSectionDialogs<{ record: R | null }>();
  return (
    <CaseSection id={`case-${w}`} title={t(`casework.${w}.heading`)} contentNote={contentNote}>
      {intro}
      <StatusMessage>{dialogs.status}</StatusMessage>
      <RecordTable
        records={records}
        label={{ caption: t(`casework.${w}.heading`) }}
        columns={kind.columns}
        emptyText={t(`casework.${w}.empty`)}
        add={{ label: t(`casework.${w}.add`), onClick: () => dialogs.setOpen({ record: null }) }}
      >
        {(record) => (
          <tr key={record.id}>
            {kind.cells(record)}
            <td>
              <button
                type="button"
                aria-label={kind.editLabel(record)}
                onClick={() => dialogs.setOpen({ record })}
              >
                {t(`casework.${w}.edit`)}
              </button>
            </td>
          </tr>
        )}
      </RecordTable>
      {dialogs.open ? (
        <RecordDialog
          kind={kind}
          childId={childId}
          record={dialogs.open.record}
          onClose={dialogs.close}
          onDone={() =>
            dialogs.done(
              dialogs.open?.record ? t(`casework.${w}.updated`) : t(`casework.${w}.added`),
            )
          }
        />
      ) : null}
    </CaseSection>
  );
}

function RecordDialog<N extends RecordSave, R extends { id: string }, Values extends FieldValues>({
  kind,
  childId,
  record,
  onClose,
  onDone,
}: {
  kind: RecordKind<N, R, Values>;
  childId: string;
  record: R | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const w = kind.words;
  const form = useApiForm({
    schema: kind.schema,
    defaultValues: kind.defaultValues(record),
    fields: kind.fields,
  });
  const save = useApiMutation(kind.save, {
    stale: () => kind.stale(childId),
    onSuccess: onDone,
    onError: form.showError,
  });
  const dialog = form.dialogFor(
    // Through a plain function: TanStack's mutate has rest parameters TypeScript cannot match
    // for a generic N.
    { mutate: (input: ProcedureInput<N>) => save.mutate(input), isPending: save.isPending },
    // The kind's fields with the child and, when correcting, the record: the procedure's input
    // (TypeScript cannot see that an Omit and its keys put back make the whole for a generic N).
    (values) => ({ ...values, childId, ...(record ? { id: record.id } : {}) }) as ProcedureInput<N>,
  );
  return (
    <FormDialog
      title={record ? t(`casework.${w}.editTitle`) : t(`casework.${w}.addTitle`)}
      onClose={onClose}
      submitLabel={t(`casework.${w}.save`)}
      {...dialog}
    >
      {kind.inputs(form)}
    </FormDialog>
  );
}
