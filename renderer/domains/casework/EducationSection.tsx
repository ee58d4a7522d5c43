// The case file's schooling: each enrolment in a school or the Alternative Learning System (or a
// time not enrolled), the grade or level, and notes on attendance.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  checkEducationFields,
  educationFieldsSchema,
  type EducationRecord,
} from '../../../shared/casework/contract';
import { SCHOOLING_KINDS } from '../../../shared/casework/vocabulary';
import type { CaseFile } from '../../../shared/children/contract';
import { todayIn } from '../../../shared/time';
import { formatCalendarDate } from '../../i18n/format';
import { useApiMutation } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useApiForm } from '../../forms/useApiForm';
import { CaseSection } from '../../ui/CaseSection';
import { ChoiceField } from '../../ui/ChoiceField';
import { Field } from '../../ui/Field';
import { StatusMessage } from '../../ui/FormAlert';
import { FormDialog } from '../../ui/FormDialog';
import { RecordTable } from '../../ui/RecordTable';
import { useSectionDialogs } from '../../ui/RowActions';
import { fromForm } from '../children';
import { caseworkStale } from './stale';

export function EducationSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const dialogs = useSectionDialogs<{ record: EducationRecord | null }>();
  return (
    <CaseSection id="case-education" title={t('casework.education.heading')}>
      <StatusMessage>{dialogs.status}</StatusMessage>
      <RecordTable
        records={file.education}
        label={{ caption: t('casework.education.heading') }}
        columns={[
          t('casework.education.since'),
          t('casework.education.kind'),
          t('casework.education.school'),
          t('casework.education.gradeLevel'),
          t('casework.education.attendanceNotes'),
        ]}
        emptyText={t('casework.education.empty')}
        add={{
          label: t('casework.education.add'),
          onClick: () => dialogs.setOpen({ record: null }),
        }}
      >
        {(record) => (
          <tr key={record.id}>
            <td>{formatCalendarDate(record.since)}</td>
            <td>{t(`casework.schooling.${record.kind}`)}</td>
            <td className="cell-text">{record.school ?? '—'}</td>
            <td>{record.gradeLevel ?? '—'}</td>
            <td className="cell-text">{record.attendanceNotes ?? '—'}</td>
            <td>
              <button
                type="button"
                aria-label={t('casework.education.editOne', {
                  kind: t(`casework.schooling.${record.kind}`),
                  date: formatCalendarDate(record.since),
                })}
                onClick={() => dialogs.setOpen({ record })}
              >
                {t('casework.education.edit')}
              </button>
            </td>
          </tr>
        )}
      </RecordTable>
      {dialogs.open ? (
        <EducationDialog
          childId={file.child.id}
          record={dialogs.open.record}
          onClose={dialogs.close}
          onDone={() =>
            dialogs.done(
              dialogs.open?.record
                ? t('casework.education.updated')
                : t('casework.education.added'),
            )
          }
        />
      ) : null}
    </CaseSection>
  );
}

const educationShape = z.object({
  kind: z.union([z.literal(''), z.enum(SCHOOLING_KINDS)]),
  school: z.string(),
  gradeLevel: z.string(),
  since: z.string(),
  attendanceNotes: z.string(),
});
const EDUCATION_FIELDS = ['kind', 'school', 'gradeLevel', 'since', 'attendanceNotes'] as const;
const educationSchema = fromForm(
  educationShape,
  educationFieldsSchema.superRefine(checkEducationFields),
);

function EducationDialog({
  childId,
  record,
  onClose,
  onDone,
}: {
  childId: string;
  record: EducationRecord | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: educationSchema,
    defaultValues: {
      kind: record?.kind ?? '',
      school: record?.school ?? '',
      gradeLevel: record?.gradeLevel ?? '',
      since: record?.since ?? todayIn(settings.timeZone),
      attendanceNotes: record?.attendanceNotes ?? '',
    },
    fields: EDUCATION_FIELDS,
  });
  const save = useApiMutation('education.save', {
    stale: () => caseworkStale(childId),
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({
    ...values,
    childId,
    ...(record ? { id: record.id } : {}),
  }));
  return (
    <FormDialog
      title={record ? t('casework.education.editTitle') : t('casework.education.addTitle')}
      onClose={onClose}
      submitLabel={t('casework.education.save')}
      {...dialog}
    >
      <ChoiceField
        label={t('casework.education.kind')}
        error={errors.kind}
        registration={register('kind')}
        values={SCHOOLING_KINDS}
        optionText={(v) => t(`casework.schooling.${v}`)}
      />
      <Field
        label={t('casework.education.school')}
        hint={t('casework.education.schoolHint')}
        error={errors.school}
      >
        {(a) => <input {...a} {...register('school')} autoComplete="off" />}
      </Field>
      <Field
        label={t('casework.education.gradeLevel')}
        hint={t('casework.education.gradeLevelHint')}
        error={errors.gradeLevel}
      >
        {(a) => <input {...a} {...register('gradeLevel')} autoComplete="off" />}
      </Field>
      <Field label={t('casework.education.since')} error={errors.since}>
        {(a) => (
          <input {...a} {...register('since')} type="date" max={todayIn(settings.timeZone)} />
        )}
      </Field>
      <Field label={t('casework.education.attendanceNotes')} error={errors.attendanceNotes}>
        {(a) => <textarea {...a} {...register('attendanceNotes')} rows={3} />}
      </Field>
    </FormDialog>
  );
}
