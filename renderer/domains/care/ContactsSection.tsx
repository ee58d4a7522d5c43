// The case file's contacts log: visits, calls and online contacts, supervised or not; an online
// contact names the device and whether the online-safety plan was followed.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  checkContactFields,
  contactFieldsSchema,
  type ContactEntry,
} from '../../../shared/care/contract';
import { CONTACT_KINDS } from '../../../shared/care/vocabulary';
import type { CaseFile } from '../../../shared/children/contract';
import { todayIn } from '../../../shared/time';
import { formatCalendarDate } from '../../i18n/format';
import { useApiMutation } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useApiForm } from '../../forms/useApiForm';
import { CaseSection } from '../../ui/CaseSection';
import { Checkbox } from '../../ui/Checkbox';
import { ChoiceField } from '../../ui/ChoiceField';
import { Field } from '../../ui/Field';
import { StatusMessage } from '../../ui/FormAlert';
import { FormDialog } from '../../ui/FormDialog';
import { RecordTable } from '../../ui/RecordTable';
import { useSectionDialogs } from '../../ui/RowActions';
import { fromForm, withoutBlanks } from '../children';
import { careStale } from './stale';

export function ContactsSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const dialogs = useSectionDialogs<{ contact: ContactEntry | null }>();
  return (
    <CaseSection id="case-contacts" title={t('care.contacts.heading')}>
      <StatusMessage>{dialogs.status}</StatusMessage>
      <RecordTable
        records={file.contacts}
        label={{ caption: t('care.contacts.heading') }}
        columns={[
          t('care.contacts.date'),
          t('care.contacts.kind'),
          t('care.contacts.withWhom'),
          t('care.contacts.supervision'),
          t('care.contacts.online'),
          t('care.contacts.concerns'),
        ]}
        emptyText={t('care.contacts.empty')}
        add={{ label: t('care.contacts.add'), onClick: () => dialogs.setOpen({ contact: null }) }}
      >
        {(contact) => (
          <tr key={contact.id}>
            <td>{formatCalendarDate(contact.occurredOn)}</td>
            <td>{t(`care.contactKind.${contact.kind}`)}</td>
            <td className="cell-text">{contact.withWhom}</td>
            <td>
              {contact.supervised
                ? t('care.contacts.supervisedBy', { name: contact.supervisedBy ?? '' })
                : t('care.contacts.unsupervised')}
            </td>
            <td className="cell-text">
              {contact.device
                ? t(
                    contact.safetyPlanFollowed
                      ? 'care.contacts.planFollowed'
                      : 'care.contacts.planNotFollowed',
                    { device: contact.device },
                  )
                : '—'}
            </td>
            <td className="cell-text">{contact.concerns ?? '—'}</td>
            <td>
              <button
                type="button"
                aria-label={t('care.contacts.editOne', {
                  kind: t(`care.contactKind.${contact.kind}`),
                  date: formatCalendarDate(contact.occurredOn),
                })}
                onClick={() => dialogs.setOpen({ contact })}
              >
                {t('care.contacts.edit')}
              </button>
            </td>
          </tr>
        )}
      </RecordTable>
      {dialogs.open ? (
        <ContactDialog
          childId={file.child.id}
          contact={dialogs.open.contact}
          onClose={dialogs.close}
          onDone={() =>
            dialogs.done(
              dialogs.open?.contact ? t('care.contacts.updated') : t('care.contacts.added'),
            )
          }
        />
      ) : null}
    </CaseSection>
  );
}

const contactShape = z.object({
  kind: z.union([z.literal(''), z.enum(CONTACT_KINDS)]),
  occurredOn: z.string(),
  withWhom: z.string(),
  supervised: z.boolean(),
  supervisedBy: z.string(),
  device: z.string(),
  safetyPlanFollowed: z.union([z.literal(''), z.literal('yes'), z.literal('no')]),
  concerns: z.string(),
});
const CONTACT_FIELDS = [
  'kind',
  'occurredOn',
  'withWhom',
  'supervisedBy',
  'device',
  'safetyPlanFollowed',
  'concerns',
] as const;
const contactSchema = fromForm(
  contactShape,
  contactFieldsSchema.superRefine(checkContactFields),
  ({ safetyPlanFollowed, ...rest }) => ({
    ...withoutBlanks(rest),
    ...(safetyPlanFollowed ? { safetyPlanFollowed: safetyPlanFollowed === 'yes' } : {}),
  }),
);

function ContactDialog({
  childId,
  contact,
  onClose,
  onDone,
}: {
  childId: string;
  contact: ContactEntry | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const plan = contact?.safetyPlanFollowed;
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: contactSchema,
    defaultValues: {
      kind: contact?.kind ?? '',
      occurredOn: contact?.occurredOn ?? todayIn(settings.timeZone),
      withWhom: contact?.withWhom ?? '',
      supervised: contact?.supervised ?? true,
      supervisedBy: contact?.supervisedBy ?? '',
      device: contact?.device ?? '',
      safetyPlanFollowed: plan === undefined || plan === null ? '' : plan ? 'yes' : 'no',
      concerns: contact?.concerns ?? '',
    },
    fields: CONTACT_FIELDS,
  });
  const save = useApiMutation('contacts.save', {
    stale: () => careStale(childId),
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({
    ...values,
    childId,
    ...(contact ? { id: contact.id } : {}),
  }));
  return (
    <FormDialog
      title={contact ? t('care.contacts.editTitle') : t('care.contacts.addTitle')}
      onClose={onClose}
      submitLabel={t('care.contacts.save')}
      {...dialog}
    >
      <ChoiceField
        label={t('care.contacts.kind')}
        error={errors.kind}
        registration={register('kind')}
        values={CONTACT_KINDS}
        optionText={(v) => t(`care.contactKind.${v}`)}
      />
      <Field label={t('care.contacts.date')} error={errors.occurredOn}>
        {(a) => (
          <input {...a} {...register('occurredOn')} type="date" max={todayIn(settings.timeZone)} />
        )}
      </Field>
      <Field
        label={t('care.contacts.withWhom')}
        hint={t('care.contacts.withWhomHint')}
        error={errors.withWhom}
      >
        {(a) => <input {...a} {...register('withWhom')} autoComplete="off" />}
      </Field>
      <Checkbox label={t('care.contacts.supervised')} {...register('supervised')} />
      <Field
        label={t('care.contacts.supervisedByLabel')}
        hint={t('care.contacts.supervisedByHint')}
        error={errors.supervisedBy}
      >
        {(a) => <input {...a} {...register('supervisedBy')} autoComplete="off" />}
      </Field>
      <Field
        label={t('care.contacts.device')}
        hint={t('care.contacts.deviceHint')}
        error={errors.device}
      >
        {(a) => <input {...a} {...register('device')} autoComplete="off" />}
      </Field>
      <ChoiceField
        label={t('care.contacts.safetyPlan')}
        error={errors.safetyPlanFollowed}
        registration={register('safetyPlanFollowed')}
        values={['yes', 'no'] as const}
        optionText={(v) => t(`care.contacts.planAnswer.${v}`)}
      />
      <Field label={t('care.contacts.concerns')} error={errors.concerns}>
        {(a) => <textarea {...a} {...register('concerns')} rows={3} />}
      </Field>
    </FormDialog>
  );
}
