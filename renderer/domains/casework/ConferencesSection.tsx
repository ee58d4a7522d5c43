// The case file's case conferences: the minutes of each multidisciplinary team meeting about the
// child, who took part, what was decided, and when the team meets again.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  checkConferenceFields,
  conferenceFieldsSchema,
  type CaseConference,
} from '../../../shared/casework/contract';
import type { CaseFile } from '../../../shared/children/contract';
import { todayIn } from '../../../shared/time';
import { formatCalendarDate } from '../../i18n/format';
import { useSession } from '../../auth/AuthContext';
import { Field } from '../../ui/Field';
import { fromForm } from '../children';
import { RecordSection } from './RecordSection';
import { conferencesStale } from './stale';

const conferenceShape = z.object({
  heldOn: z.string(),
  attendees: z.string(),
  minutes: z.string(),
  decisions: z.string(),
  nextReviewOn: z.string(),
});
const conferenceSchema = fromForm(
  conferenceShape,
  conferenceFieldsSchema.superRefine(checkConferenceFields),
);

export function ConferencesSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const today = todayIn(settings.timeZone);
  return (
    <RecordSection
      childId={file.child.id}
      records={file.conferences}
      kind={{
        words: 'conferences',
        save: 'conferences.save',
        stale: conferencesStale,
        columns: [
          t('casework.conferences.heldOn'),
          t('casework.conferences.attendees'),
          t('casework.conferences.minutes'),
          t('casework.conferences.decisions'),
          t('casework.conferences.nextReviewOn'),
        ],
        cells: (conference: CaseConference) => (
          <>
            <td>{formatCalendarDate(conference.heldOn)}</td>
            <td className="cell-text">{conference.attendees}</td>
            <td className="cell-text">{conference.minutes}</td>
            <td className="cell-text">{conference.decisions ?? '—'}</td>
            <td>{conference.nextReviewOn ? formatCalendarDate(conference.nextReviewOn) : '—'}</td>
          </>
        ),
        editLabel: (conference) =>
          t('casework.conferences.editOne', { date: formatCalendarDate(conference.heldOn) }),
        schema: conferenceSchema,
        defaultValues: (conference) => ({
          heldOn: conference?.heldOn ?? today,
          attendees: conference?.attendees ?? '',
          minutes: conference?.minutes ?? '',
          decisions: conference?.decisions ?? '',
          nextReviewOn: conference?.nextReviewOn ?? '',
        }),
        fields: ['heldOn', 'attendees', 'minutes', 'decisions', 'nextReviewOn'],
        inputs: ({ errors, register }) => (
          <>
            <Field label={t('casework.conferences.heldOn')} error={errors.heldOn}>
              {(a) => <input {...a} {...register('heldOn')} type="date" max={today} />}
            </Field>
            <Field
              label={t('casework.conferences.attendees')}
              hint={t('casework.conferences.attendeesHint')}
              error={errors.attendees}
            >
              {(a) => <textarea {...a} {...register('attendees')} rows={2} />}
            </Field>
            <Field label={t('casework.conferences.minutes')} error={errors.minutes}>
              {(a) => <textarea {...a} {...register('minutes')} rows={5} />}
            </Field>
            <Field label={t('casework.conferences.decisions')} error={errors.decisions}>
              {(a) => <textarea {...a} {...register('decisions')} rows={3} />}
            </Field>
            <Field
              label={t('casework.conferences.nextReviewOn')}
              hint={t('casework.conferences.nextReviewHint')}
              error={errors.nextReviewOn}
            >
              {(a) => <input {...a} {...register('nextReviewOn')} type="date" />}
            </Field>
          </>
        ),
      }}
    />
  );
}
