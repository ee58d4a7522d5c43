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
import { useSession } from '../../auth/AuthContext';
import { ChoiceField } from '../../ui/ChoiceField';
import { Field } from '../../ui/Field';
import { fromForm } from '../children';
import { RecordSection } from './RecordSection';
import { caseworkStale } from './stale';

const educationShape = z.object({
  kind: z.union([z.literal(''), z.enum(SCHOOLING_KINDS)]),
  school: z.string(),
  gradeLevel: z.string(),
  since: z.string(),
  attendanceNotes: z.string(),
});
const educationSchema = fromForm(
  educationShape,
  educationFieldsSchema.superRefine(checkEducationFields),
);

export function EducationSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const today = todayIn(settings.timeZone);
  return (
    <RecordSection
      childId={file.child.id}
      records={file.education}
      kind={{
        words: 'education',
        save: 'education.save',
        stale: caseworkStale,
        columns: [
          t('casework.education.since'),
          t('casework.education.kind'),
          t('casework.education.school'),
          t('casework.education.gradeLevel'),
          t('casework.education.attendanceNotes'),
        ],
        cells: (record: EducationRecord) => (
          <>
            <td>{formatCalendarDate(record.since)}</td>
            <td>{t(`casework.schooling.${record.kind}`)}</td>
            <td className="cell-text">{record.school ?? '—'}</td>
            <td>{record.gradeLevel ?? '—'}</td>
            <td className="cell-text">{record.attendanceNotes ?? '—'}</td>
          </>
        ),
        editLabel: (record) =>
          t('casework.education.editOne', {
            kind: t(`casework.schooling.${record.kind}`),
            date: formatCalendarDate(record.since),
          }),
        schema: educationSchema,
        defaultValues: (record) => ({
          kind: record?.kind ?? ('' as const),
          school: record?.school ?? '',
          gradeLevel: record?.gradeLevel ?? '',
          since: record?.since ?? today,
          attendanceNotes: record?.attendanceNotes ?? '',
        }),
        fields: ['kind', 'school', 'gradeLevel', 'since', 'attendanceNotes'],
        inputs: ({ errors, register }) => (
          <>
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
              {(a) => <input {...a} {...register('since')} type="date" max={today} />}
            </Field>
            <Field label={t('casework.education.attendanceNotes')} error={errors.attendanceNotes}>
              {(a) => <textarea {...a} {...register('attendanceNotes')} rows={3} />}
            </Field>
          </>
        ),
      }}
    />
  );
}
