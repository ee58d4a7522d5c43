// The child's health: where the medico-legal report is held (never its findings), check-ups,
// medicines and PhilHealth. Shown only to those the administrator allows (and the child's own
// caseworker): for anyone else the backend sends no rows (null) and the section is absent.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  checkHealthFields,
  HEALTH_KIND_FIELDS,
  HEALTH_NOTE_MAX,
  healthFieldsSchema,
  type HealthRecord,
} from '../../../shared/casework/health';
import {
  HEALTH_KINDS,
  PHILHEALTH_CATEGORIES,
  type HealthKind,
} from '../../../shared/casework/vocabulary';
import type { CaseFile } from '../../../shared/children/contract';
import { todayIn } from '../../../shared/time';
import { formatCalendarDate } from '../../i18n/format';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { ChoiceField } from '../../ui/ChoiceField';
import { Field } from '../../ui/Field';
import { fromForm, withoutBlanks } from '../children';
import { RecordSection } from './RecordSection';
import { healthStale } from './stale';

/** The case file's section, absent when the viewer may not read health. */
export function HealthSection({ file }: { file: CaseFile }) {
  return file.health ? <HealthRecords childId={file.child.id} records={file.health} /> : null;
}

/** The same section beside a child's therapy, for a therapist the administrator allows. */
export function ChildHealthSection({ childId }: { childId: string }) {
  const records = useApiQuery('health.records', { childId });
  return records.data ? <HealthRecords childId={childId} records={records.data} /> : null;
}

function details(t: TFunction, r: HealthRecord): string {
  switch (r.kind) {
    case 'medico_legal':
      return t('casework.health.heldAtIs', { place: r.heldAt });
    case 'checkup':
      return t('casework.health.checkedByIs', { name: r.checkedBy });
    case 'medicine':
      return r.until
        ? t('casework.health.medicineUntil', {
            medicine: r.medicine,
            dose: r.dose,
            until: formatCalendarDate(r.until),
          })
        : t('casework.health.medicineOngoing', { medicine: r.medicine, dose: r.dose });
    case 'philhealth':
      return t('casework.health.philhealthIs', {
        number: r.philhealthNumber,
        category: t(`casework.philhealthCategory.${r.philhealthCategory ?? 'other'}`),
      });
  }
}

const healthShape = z.object({
  kind: z.union([z.literal(''), z.enum(HEALTH_KINDS)]),
  date: z.string(),
  until: z.string(),
  heldAt: z.string(),
  checkedBy: z.string(),
  medicine: z.string(),
  dose: z.string(),
  philhealthNumber: z.string(),
  philhealthCategory: z.union([z.literal(''), z.enum(PHILHEALTH_CATEGORIES)]),
  note: z.string(),
});
type HealthValues = z.infer<typeof healthShape>;

/** Only the chosen kind's fields are sent: what another kind's inputs still hold is left out. */
function ofKind(values: HealthValues): unknown {
  if (values.kind === '') return withoutBlanks({ kind: values.kind });
  const kept: Record<string, string> = { kind: values.kind, note: values.note };
  for (const field of HEALTH_KIND_FIELDS[values.kind]) kept[field] = values[field];
  return withoutBlanks(kept);
}
const healthSchema = fromForm(
  healthShape,
  healthFieldsSchema.superRefine(checkHealthFields),
  ofKind,
);

function HealthRecords({ childId, records }: { childId: string; records: HealthRecord[] }) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const today = todayIn(settings.timeZone);
  return (
    <RecordSection
      childId={childId}
      records={records}
      intro={<p className="muted">{t('casework.health.restricted')}</p>}
      kind={{
        words: 'health',
        save: 'health.save',
        stale: healthStale,
        columns: [
          t('casework.health.date'),
          t('casework.health.kind'),
          t('casework.health.details'),
          t('casework.health.note'),
        ],
        cells: (record: HealthRecord) => (
          <>
            <td>{record.date ? formatCalendarDate(record.date) : '—'}</td>
            <td>{t(`casework.healthKind.${record.kind}`)}</td>
            <td className="cell-text">{details(t, record)}</td>
            <td className="cell-text">{record.note ?? '—'}</td>
          </>
        ),
        editLabel: (record) =>
          t('casework.health.editOne', {
            kind: t(`casework.healthKind.${record.kind}`),
            details: details(t, record),
          }),
        schema: healthSchema,
        defaultValues: (record) => ({
          kind: record?.kind ?? ('' as const),
          date: record?.date ?? today,
          until: record?.until ?? '',
          heldAt: record?.heldAt ?? '',
          checkedBy: record?.checkedBy ?? '',
          medicine: record?.medicine ?? '',
          dose: record?.dose ?? '',
          philhealthNumber: record?.philhealthNumber ?? '',
          philhealthCategory: record?.philhealthCategory ?? ('' as const),
          note: record?.note ?? '',
        }),
        fields: [
          'kind',
          'date',
          'until',
          'heldAt',
          'checkedBy',
          'medicine',
          'dose',
          'philhealthNumber',
          'philhealthCategory',
          'note',
        ],
        inputs: ({ errors, register, form }) => {
          const kind = form.watch('kind');
          const shows = (field: (typeof HEALTH_KIND_FIELDS)[HealthKind][number]) =>
            kind !== '' && HEALTH_KIND_FIELDS[kind].includes(field);
          return (
            <>
              <ChoiceField
                label={t('casework.health.kind')}
                error={errors.kind}
                registration={register('kind')}
                values={HEALTH_KINDS}
                optionText={(v) => t(`casework.healthKind.${v}`)}
              />
              {shows('medicine') ? (
                <Field label={t('casework.health.medicine')} error={errors.medicine}>
                  {(a) => <input {...a} {...register('medicine')} autoComplete="off" />}
                </Field>
              ) : null}
              {shows('dose') ? (
                <Field
                  label={t('casework.health.dose')}
                  hint={t('casework.health.doseHint')}
                  error={errors.dose}
                >
                  {(a) => <input {...a} {...register('dose')} autoComplete="off" />}
                </Field>
              ) : null}
              {shows('date') ? (
                <Field
                  label={t(`casework.health.dateOf.${kind as HealthKind}`)}
                  error={errors.date}
                >
                  {(a) => <input {...a} {...register('date')} type="date" max={today} />}
                </Field>
              ) : null}
              {shows('until') ? (
                <Field
                  label={t('casework.health.until')}
                  hint={t('casework.health.untilHint')}
                  error={errors.until}
                >
                  {(a) => <input {...a} {...register('until')} type="date" />}
                </Field>
              ) : null}
              {shows('heldAt') ? (
                <Field
                  label={t('casework.health.heldAt')}
                  hint={t('casework.health.heldAtHint')}
                  error={errors.heldAt}
                >
                  {(a) => <input {...a} {...register('heldAt')} autoComplete="off" />}
                </Field>
              ) : null}
              {shows('checkedBy') ? (
                <Field label={t('casework.health.checkedBy')} error={errors.checkedBy}>
                  {(a) => <input {...a} {...register('checkedBy')} autoComplete="off" />}
                </Field>
              ) : null}
              {shows('philhealthNumber') ? (
                <Field
                  label={t('casework.health.philhealthNumber')}
                  hint={t('casework.health.philhealthNumberHint')}
                  error={errors.philhealthNumber}
                >
                  {(a) => (
                    <input
                      {...a}
                      {...register('philhealthNumber')}
                      autoComplete="off"
                      inputMode="numeric"
                    />
                  )}
                </Field>
              ) : null}
              {shows('philhealthCategory') ? (
                <ChoiceField
                  label={t('casework.health.philhealthCategory')}
                  error={errors.philhealthCategory}
                  registration={register('philhealthCategory')}
                  values={PHILHEALTH_CATEGORIES}
                  optionText={(v) => t(`casework.philhealthCategory.${v}`)}
                />
              ) : null}
              <Field
                label={t('casework.health.note')}
                hint={t('casework.health.noteHint', { max: HEALTH_NOTE_MAX })}
                error={errors.note}
              >
                {(a) => <textarea {...a} {...register('note')} rows={2} />}
              </Field>
            </>
          );
        },
      }}
    />
  );
}
