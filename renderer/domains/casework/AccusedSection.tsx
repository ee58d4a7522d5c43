// The case file's legal detail per accused: who is accused (a flagged family member or someone
// else), the prosecutor, case number and stage, the next hearing from the legal events linked to
// the case, and the child-witness support (live-link testimony, a support person).
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  accusedFieldsSchema,
  checkAccusedFields,
  type AccusedCase,
} from '../../../shared/casework/contract';
import { ACCUSED_STAGES } from '../../../shared/casework/vocabulary';
import type { CaseFile } from '../../../shared/children/contract';
import { formatCalendarDate, formatTimeOfDay } from '../../i18n/format';
import { Checkbox } from '../../ui/Checkbox';
import { ChoiceField } from '../../ui/ChoiceField';
import { Field } from '../../ui/Field';
import { fromForm, withoutBlanks } from '../children';
import { RecordSection } from './RecordSection';
import { caseworkStale } from './stale';

const accusedShape = z.object({
  familyMemberId: z.string(),
  name: z.string(),
  prosecutor: z.string(),
  caseNumber: z.string(),
  stage: z.union([z.literal(''), z.enum(ACCUSED_STAGES)]),
  liveLinkTestimony: z.boolean(),
  supportPerson: z.string(),
  // One checkbox gives its value or false; several give a list of the ticked values.
  legalEventIds: z.union([z.array(z.string()), z.string(), z.boolean()]),
  notes: z.string(),
});
const accusedSchema = fromForm(
  accusedShape,
  accusedFieldsSchema.superRefine(checkAccusedFields),
  ({ legalEventIds, ...rest }) => ({
    ...withoutBlanks(rest),
    legalEventIds: Array.isArray(legalEventIds)
      ? legalEventIds
      : typeof legalEventIds === 'string'
        ? [legalEventIds]
        : [],
  }),
);

export function AccusedSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const eventText = (id: string) => {
    const event = file.legalEvents.find((e) => e.id === id);
    return event
      ? t('casework.accused.eventName', {
          kind: t(`children.legalKind.${event.kind}`),
          date: formatCalendarDate(event.date),
        })
      : '';
  };
  // Only a member flagged as alleged offender may be named as the accused.
  const flagged = file.family.filter((m) => m.safety?.allegedOffender);
  return (
    <RecordSection
      childId={file.child.id}
      records={file.accusedCases}
      contentNote={t('casework.accused.contentNote')}
      kind={{
        words: 'accused',
        save: 'accused.save',
        stale: caseworkStale,
        columns: [
          t('casework.accused.name'),
          t('casework.accused.caseNumber'),
          t('casework.accused.prosecutor'),
          t('casework.accused.stage'),
          t('casework.accused.nextHearing'),
          t('casework.accused.support'),
          t('casework.accused.events'),
        ],
        cells: (accused: AccusedCase) => (
          <>
            <td className="cell-text">
              {accused.familyMemberId
                ? t('casework.accused.familyMember', { name: accused.name })
                : accused.name}
            </td>
            <td>{accused.caseNumber ?? '—'}</td>
            <td className="cell-text">{accused.prosecutor ?? '—'}</td>
            <td>{t(`casework.stage.${accused.stage}`)}</td>
            <td>
              {accused.nextHearing
                ? formatCalendarDate(accused.nextHearing.date) +
                  (accused.nextHearing.time ? ` ${formatTimeOfDay(accused.nextHearing.time)}` : '')
                : '—'}
            </td>
            <td className="cell-text">
              {[
                accused.liveLinkTestimony ? t('casework.accused.liveLink') : null,
                accused.supportPerson
                  ? t('casework.accused.supportPersonIs', { name: accused.supportPerson })
                  : null,
              ]
                .filter(Boolean)
                .join('; ') || '—'}
            </td>
            <td className="cell-text">{accused.legalEventIds.map(eventText).join('; ') || '—'}</td>
          </>
        ),
        editLabel: (accused) => t('casework.accused.editOne', { name: accused.name }),
        schema: accusedSchema,
        defaultValues: (accused) => ({
          familyMemberId: accused?.familyMemberId ?? '',
          name: accused && !accused.familyMemberId ? accused.name : '',
          prosecutor: accused?.prosecutor ?? '',
          caseNumber: accused?.caseNumber ?? '',
          stage: accused?.stage ?? ('' as const),
          liveLinkTestimony: accused?.liveLinkTestimony ?? false,
          supportPerson: accused?.supportPerson ?? '',
          legalEventIds: accused?.legalEventIds ?? [],
          notes: accused?.notes ?? '',
        }),
        fields: [
          'familyMemberId',
          'name',
          'prosecutor',
          'caseNumber',
          'stage',
          'supportPerson',
          'notes',
        ],
        inputs: ({ errors, register }) => (
          <>
            <Field
              label={t('casework.accused.member')}
              hint={t('casework.accused.memberHint')}
              error={errors.familyMemberId}
            >
              {(a) => (
                <select {...a} {...register('familyMemberId')}>
                  <option value="">{t('casework.accused.notMember')}</option>
                  {flagged.map((m) => (
                    <option key={m.id} value={m.id}>
                      {t('casework.accused.memberOption', {
                        name: m.name,
                        relationship: m.relationship,
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('casework.accused.nameLabel')}
              hint={t('casework.accused.nameHint')}
              error={errors.name}
            >
              {(a) => <input {...a} {...register('name')} autoComplete="off" />}
            </Field>
            <Field label={t('casework.accused.prosecutor')} error={errors.prosecutor}>
              {(a) => <input {...a} {...register('prosecutor')} autoComplete="off" />}
            </Field>
            <Field label={t('casework.accused.caseNumber')} error={errors.caseNumber}>
              {(a) => <input {...a} {...register('caseNumber')} autoComplete="off" />}
            </Field>
            <ChoiceField
              label={t('casework.accused.stage')}
              error={errors.stage}
              registration={register('stage')}
              values={ACCUSED_STAGES}
              optionText={(v) => t(`casework.stage.${v}`)}
            />
            <Checkbox
              label={t('casework.accused.liveLinkLabel')}
              {...register('liveLinkTestimony')}
            />
            <Field
              label={t('casework.accused.supportPerson')}
              hint={t('casework.accused.supportPersonHint')}
              error={errors.supportPerson}
            >
              {(a) => <input {...a} {...register('supportPerson')} autoComplete="off" />}
            </Field>
            <fieldset>
              <legend>{t('casework.accused.events')}</legend>
              {file.legalEvents.length === 0 ? <p>{t('casework.accused.noEvents')}</p> : null}
              {file.legalEvents.map((event) => (
                <Checkbox
                  key={event.id}
                  value={event.id}
                  label={t('casework.accused.eventOption', {
                    kind: t(`children.legalKind.${event.kind}`),
                    date: formatCalendarDate(event.date),
                    court: event.court,
                  })}
                  {...register('legalEventIds')}
                />
              ))}
            </fieldset>
            <Field label={t('casework.accused.notes')} error={errors.notes}>
              {(a) => <textarea {...a} {...register('notes')} rows={3} />}
            </Field>
          </>
        ),
      }}
    />
  );
}
