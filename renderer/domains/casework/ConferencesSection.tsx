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
import { useApiMutation } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useApiForm } from '../../forms/useApiForm';
import { CaseSection } from '../../ui/CaseSection';
import { Field } from '../../ui/Field';
import { StatusMessage } from '../../ui/FormAlert';
import { FormDialog } from '../../ui/FormDialog';
import { RecordTable } from '../../ui/RecordTable';
import { useSectionDialogs } from '../../ui/RowActions';
import { fromForm } from '../children';
import { conferencesStale } from './stale';

export function ConferencesSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const dialogs = useSectionDialogs<{ conference: CaseConference | null }>();
  return (
    <CaseSection id="case-conferences" title={t('casework.conferences.heading')}>
      <StatusMessage>{dialogs.status}</StatusMessage>
      <RecordTable
        records={file.conferences}
        label={{ caption: t('casework.conferences.heading') }}
        columns={[
          t('casework.conferences.heldOn'),
          t('casework.conferences.attendees'),
          t('casework.conferences.minutes'),
          t('casework.conferences.decisions'),
          t('casework.conferences.nextReviewOn'),
        ]}
        emptyText={t('casework.conferences.empty')}
        add={{
          label: t('casework.conferences.add'),
          onClick: () => dialogs.setOpen({ conference: null }),
        }}
      >
        {(conference) => (
          <tr key={conference.id}>
            <td>{formatCalendarDate(conference.heldOn)}</td>
            <td className="cell-text">{conference.attendees}</td>
            <td className="cell-text">{conference.minutes}</td>
            <td className="cell-text">{conference.decisions ?? '—'}</td>
            <td>{conference.nextReviewOn ? formatCalendarDate(conference.nextReviewOn) : '—'}</td>
            <td>
              <button
                type="button"
                aria-label={t('casework.conferences.editOne', {
                  date: formatCalendarDate(conference.heldOn),
                })}
                onClick={() => dialogs.setOpen({ conference })}
              >
                {t('casework.conferences.edit')}
              </button>
            </td>
          </tr>
        )}
      </RecordTable>
      {dialogs.open ? (
        <ConferenceDialog
          childId={file.child.id}
          conference={dialogs.open.conference}
          onClose={dialogs.close}
          onDone={() =>
            dialogs.done(
              dialogs.open?.conference
                ? t('casework.conferences.updated')
                : t('casework.conferences.added'),
            )
          }
        />
      ) : null}
    </CaseSection>
  );
}

const conferenceShape = z.object({
  heldOn: z.string(),
  attendees: z.string(),
  minutes: z.string(),
  decisions: z.string(),
  nextReviewOn: z.string(),
});
const CONFERENCE_FIELDS = ['heldOn', 'attendees', 'minutes', 'decisions', 'nextReviewOn'] as const;
const conferenceSchema = fromForm(
  conferenceShape,
  conferenceFieldsSchema.superRefine(checkConferenceFields),
);

function ConferenceDialog({
  childId,
  conference,
  onClose,
  onDone,
}: {
  childId: string;
  conference: CaseConference | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: conferenceSchema,
    defaultValues: {
      heldOn: conference?.heldOn ?? todayIn(settings.timeZone),
      attendees: conference?.attendees ?? '',
      minutes: conference?.minutes ?? '',
      decisions: conference?.decisions ?? '',
      nextReviewOn: conference?.nextReviewOn ?? '',
    },
    fields: CONFERENCE_FIELDS,
  });
  const save = useApiMutation('conferences.save', {
    stale: () => conferencesStale(childId),
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({
    ...values,
    childId,
    ...(conference ? { id: conference.id } : {}),
  }));
  return (
    <FormDialog
      title={conference ? t('casework.conferences.editTitle') : t('casework.conferences.addTitle')}
      onClose={onClose}
      submitLabel={t('casework.conferences.save')}
      {...dialog}
    >
      <Field label={t('casework.conferences.heldOn')} error={errors.heldOn}>
        {(a) => (
          <input {...a} {...register('heldOn')} type="date" max={todayIn(settings.timeZone)} />
        )}
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
    </FormDialog>
  );
}
