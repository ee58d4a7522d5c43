import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { canSeeSafetyFlags, CONTACT_WISHES } from '../../../../shared/children/vocabulary';
import { procedures } from '../../../../shared/contract';
import type { CaseFile, FamilyMember } from '../../../../shared/children/contract';
import { todayIn } from '../../../../shared/time';
import { formatCalendarDate } from '../../../i18n/format';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import { StatusMessage } from '../../../ui/FormAlert';
import { fromForm, withoutBlanks } from '../formValues';
import { CaseSection } from '../../../ui/CaseSection';
import { Checkbox } from '../../../ui/Checkbox';
import { ChoiceField } from '../../../ui/ChoiceField';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormDialog } from '../../../ui/FormDialog';
import { useNamesVisible } from './NamesPanel';
import { RecordTable } from '../../../ui/RecordTable';
import { RowActions } from '../../../ui/RowActions';
import { useRecordActions } from './useRecordActions';
import { useApiMutation } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { childStale } from '../caseQueries';

/** Family and significant persons, with the safety flags for the roles that act on them. */
export function FamilySection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const namesVisible = useNamesVisible();
  const childId = file.child.id;
  // The backend sends `safety: null` to roles that may not see the flags.
  const showSafety = file.family.some((m) => m.safety !== null);
  const actions = useRecordActions<FamilyMember>({
    procedure: 'family.remove',
    childId,
    removedText: () => t('children.family.removed'),
  });
  const { open } = actions;

  return (
    <CaseSection id="case-family" title={t('children.family.heading')}>
      <StatusMessage>{actions.status}</StatusMessage>
      <RecordTable
        records={file.family}
        label={{ caption: t('children.family.heading') }}
        columns={[
          t('children.family.name'),
          t('children.family.relationship'),
          t('children.family.contact'),
          t('children.family.household'),
          t('children.family.wantsContact'),
          ...(showSafety ? [t('children.family.safety')] : []),
        ]}
        emptyText={t('children.family.empty')}
        add={{ label: t('children.family.add'), onClick: actions.add }}
      >
        {(member) => (
          <tr key={member.id}>
            <td>
              {namesVisible ? (
                member.name
              ) : (
                <span className="name-hidden">{t('children.names.hidden')}</span>
              )}
            </td>
            <td>{member.relationship}</td>
            <td className="cell-text">
              {/* The privacy screen hides where a family can be found, not only who they are. */}
              {!namesVisible ? (
                <span className="name-hidden">{t('children.family.contactHidden')}</span>
              ) : (
                [member.phone, member.address, member.barangay].filter(Boolean).join(' · ') ||
                t('children.details.none')
              )}
            </td>
            <td>
              {member.livesInHousehold
                ? t('children.family.livesIn')
                : member.householdAccess
                  ? t('children.family.hasAccess')
                  : t('children.family.noAccess')}
            </td>
            <td>
              {member.childWantsContact
                ? t(`children.family.wish.${member.childWantsContact}`)
                : t('children.family.wish.notAsked')}
            </td>
            {showSafety ? (
              <td>
                <SafetyBadges member={member} />
              </td>
            ) : null}
            <RowActions
              editLabel={t('children.family.editOne', { relationship: member.relationship })}
              removeLabel={t('children.family.removeOne', { relationship: member.relationship })}
              onEdit={() => actions.edit(member)}
              onRemove={() => actions.askRemove(member)}
            />
          </tr>
        )}
      </RecordTable>
      {open?.kind === 'edit' ? (
        <FamilyDialog
          childId={childId}
          member={open.record}
          onClose={actions.close}
          onSaved={actions.done}
        />
      ) : null}
      {open?.kind === 'remove' && isFlagged(open.record) ? (
        <RemoveFlaggedDialog
          childId={childId}
          member={open.record}
          onClose={actions.close}
          onRemoved={actions.done}
        />
      ) : open?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('children.family.removeTitle')}
          body={t('children.family.removeBody', { relationship: open.record.relationship })}
          {...actions.confirmRemove(open.record)}
        />
      ) : null}
    </CaseSection>
  );
}

function isFlagged(member: FamilyMember): boolean {
  return !!member.safety && (member.safety.allegedOffender || member.safety.noContactOrder);
}

/** Calm but unmistakable: a bordered badge with words, never colour alone. */
function SafetyBadges({ member }: { member: FamilyMember }) {
  const { t } = useTranslation();
  const safety = member.safety;
  if (!safety || (!safety.allegedOffender && !safety.noContactOrder && !safety.supervisedOnly)) {
    return <span className="muted">{t('children.family.noFlags')}</span>;
  }
  return (
    <ul className="badge-list">
      {safety.allegedOffender ? (
        <li className="badge badge-caution">
          {safety.allegedOffenderSince
            ? t('children.family.allegedOffenderSince', {
                date: formatCalendarDate(safety.allegedOffenderSince),
              })
            : t('children.family.allegedOffender')}
        </li>
      ) : null}
      {safety.noContactOrder ? (
        <li className="badge badge-caution">
          {safety.noContactOrderDate
            ? t('children.family.noContactOrderOn', {
                date: formatCalendarDate(safety.noContactOrderDate),
              })
            : t('children.family.noContactOrder')}
          {safety.orderExpiresOn
            ? ` ${t('children.family.orderUntil', { date: formatCalendarDate(safety.orderExpiresOn) })}`
            : null}
        </li>
      ) : null}
      {safety.supervisedOnly ? (
        <li className="badge">{t('children.family.supervisedOnly')}</li>
      ) : null}
    </ul>
  );
}

const familyShape = z.object({
  name: z.string(),
  relationship: z.string(),
  phone: z.string(),
  address: z.string(),
  barangay: z.string(),
  livesInHousehold: z.boolean(),
  allegedOffender: z.boolean(),
  allegedOffenderSince: z.string(),
  noContactOrder: z.boolean(),
  noContactOrderDate: z.string(),
  orderExpiresOn: z.string(),
  supervisedOnly: z.boolean(),
  householdAccess: z.boolean(),
  childWantsContact: z.string(),
  flagClearReason: z.string(),
  notes: z.string(),
});
type FamilyValues = z.infer<typeof familyShape>;
const FAMILY_FIELDS = [
  'name',
  'relationship',
  'phone',
  'address',
  'barangay',
  'livesInHousehold',
  'allegedOffender',
  'allegedOffenderSince',
  'noContactOrder',
  'noContactOrderDate',
  'orderExpiresOn',
  'supervisedOnly',
  'householdAccess',
  'childWantsContact',
  'flagClearReason',
  'notes',
] as const;

/** `flagged`: the member as saved had a flag, so unticking one needs a reason. */
function familySchema(
  today: string,
  flagged: { allegedOffender: boolean; noContactOrder: boolean },
) {
  const target = procedures['family.save'].input
    .omit({ id: true, childId: true })
    .superRefine((v, ctx) => {
      for (const path of ['allegedOffenderSince', 'noContactOrderDate'] as const) {
        const date = v[path];
        if (date && date > today)
          ctx.addIssue({ code: 'custom', path: [path], message: 'date.future' });
      }
      const cleared =
        (flagged.allegedOffender && !v.allegedOffender) ||
        (flagged.noContactOrder && !v.noContactOrder);
      if (cleared && !v.flagClearReason)
        ctx.addIssue({
          code: 'custom',
          path: ['flagClearReason'],
          message: 'safety.reasonRequired',
        });
    });
  // A date belongs to its flag: unticking the flag drops the date.
  return fromForm(familyShape, target, (v) =>
    withoutBlanks({
      ...v,
      allegedOffenderSince: v.allegedOffender ? v.allegedOffenderSince : '',
      noContactOrderDate: v.noContactOrder ? v.noContactOrderDate : '',
      orderExpiresOn: v.noContactOrder ? v.orderExpiresOn : '',
    }),
  );
}

function FamilyDialog({
  childId,
  member,
  onClose,
  onSaved,
}: {
  childId: string;
  member: FamilyMember | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const today = todayIn(session.settings.timeZone);
  const flags = canSeeSafetyFlags(session.role);
  const saved = {
    allegedOffender: member?.safety?.allegedOffender ?? false,
    noContactOrder: member?.safety?.noContactOrder ?? false,
  };
  const { form, errors, register, showError, dialogFor } = useApiForm({
    schema: familySchema(today, saved),
    defaultValues: {
      name: member?.name ?? '',
      relationship: member?.relationship ?? '',
      phone: member?.phone ?? '',
      address: member?.address ?? '',
      barangay: member?.barangay ?? '',
      livesInHousehold: member?.livesInHousehold ?? false,
      allegedOffender: member?.safety?.allegedOffender ?? false,
      allegedOffenderSince: member?.safety?.allegedOffenderSince ?? '',
      noContactOrder: member?.safety?.noContactOrder ?? false,
      noContactOrderDate: member?.safety?.noContactOrderDate ?? '',
      orderExpiresOn: member?.safety?.orderExpiresOn ?? '',
      supervisedOnly: member?.safety?.supervisedOnly ?? false,
      householdAccess: member?.householdAccess ?? false,
      childWantsContact: member?.childWantsContact ?? '',
      flagClearReason: '',
      notes: member?.notes ?? '',
    } satisfies FamilyValues,
    fields: FAMILY_FIELDS,
  });
  const save = useApiMutation('family.save', {
    stale: () => childStale(childId),
    onSuccess: () => onSaved(member ? t('children.family.updated') : t('children.family.added')),
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({
    ...values,
    childId,
    ...(member ? { id: member.id } : {}),
  }));
  const [allegedOffender, noContactOrder] = form.watch(['allegedOffender', 'noContactOrder']);
  const clearing =
    (saved.allegedOffender && !allegedOffender) || (saved.noContactOrder && !noContactOrder);

  return (
    <FormDialog
      title={member ? t('children.family.editTitle') : t('children.family.addTitle')}
      onClose={onClose}
      {...dialog}
      submitLabel={t('children.family.save')}
    >
      <Field label={t('children.family.name')} error={errors.name}>
        {(a) => <input {...a} {...register('name')} autoComplete="off" />}
      </Field>
      <Field
        label={t('children.family.relationship')}
        hint={t('children.family.relationshipHint')}
        error={errors.relationship}
      >
        {(a) => <input {...a} {...register('relationship')} autoComplete="off" />}
      </Field>
      <Field label={t('children.family.phone')} error={errors.phone}>
        {(a) => <input {...a} {...register('phone')} type="tel" autoComplete="off" />}
      </Field>
      <Field label={t('children.family.address')} error={errors.address}>
        {(a) => <input {...a} {...register('address')} autoComplete="off" />}
      </Field>
      <Field label={t('children.family.barangay')} error={errors.barangay}>
        {(a) => <input {...a} {...register('barangay')} autoComplete="off" />}
      </Field>
      <Checkbox label={t('children.family.livesInHousehold')} {...register('livesInHousehold')} />
      <Checkbox label={t('children.family.householdAccess')} {...register('householdAccess')} />
      <ChoiceField
        label={t('children.family.wantsContactLabel')}
        error={errors.childWantsContact}
        registration={register('childWantsContact')}
        values={CONTACT_WISHES}
        optionText={(wish) => t(`children.family.wish.${wish}`)}
      />
      {flags ? (
        <fieldset className="form-group safety-group">
          <legend>{t('children.family.safetyLegend')}</legend>
          <p className="field-hint">{t('children.family.safetyHint')}</p>
          <Checkbox label={t('children.family.allegedOffender')} {...register('allegedOffender')} />
          {allegedOffender ? (
            <Field
              label={t('children.family.allegedOffenderSinceLabel')}
              error={errors.allegedOffenderSince}
            >
              {(a) => (
                <input {...a} {...register('allegedOffenderSince')} type="date" max={today} />
              )}
            </Field>
          ) : null}
          <Checkbox label={t('children.family.noContactOrder')} {...register('noContactOrder')} />
          {noContactOrder ? (
            <Field
              label={t('children.family.noContactOrderDateLabel')}
              error={errors.noContactOrderDate}
            >
              {(a) => <input {...a} {...register('noContactOrderDate')} type="date" max={today} />}
            </Field>
          ) : null}
          {noContactOrder ? (
            <Field
              label={t('children.family.orderExpiresOnLabel')}
              hint={t('children.family.orderExpiresOnHint')}
              error={errors.orderExpiresOn}
            >
              {(a) => <input {...a} {...register('orderExpiresOn')} type="date" />}
            </Field>
          ) : null}
          <Checkbox label={t('children.family.supervisedOnly')} {...register('supervisedOnly')} />
          {clearing ? (
            <Field
              label={t('children.family.flagClearReason')}
              hint={t('children.family.flagClearReasonHint')}
              error={errors.flagClearReason}
            >
              {(a) => <textarea {...a} {...register('flagClearReason')} rows={2} />}
            </Field>
          ) : null}
        </fieldset>
      ) : null}
      <Field label={t('children.family.notes')} error={errors.notes}>
        {(a) => <textarea {...a} {...register('notes')} rows={3} />}
      </Field>
    </FormDialog>
  );
}

const removeShape = z.object({ reason: z.string() });

/** Removing an alleged offender or someone under an order: the reason is required and kept. */
function RemoveFlaggedDialog({
  childId,
  member,
  onClose,
  onRemoved,
}: {
  childId: string;
  member: FamilyMember;
  onClose: () => void;
  onRemoved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const target = procedures['family.remove'].input.omit({ id: true }).superRefine((v, ctx) => {
    if (!v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'safety.reasonRequired' });
  });
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: fromForm(removeShape, target),
    defaultValues: { reason: '' },
    fields: ['reason'],
  });
  const remove = useApiMutation('family.remove', {
    stale: () => childStale(childId),
    onSuccess: () => onRemoved(t('children.family.removed')),
    onError: showError,
  });
  const dialog = dialogFor(remove, (values) => ({ ...values, id: member.id }));
  return (
    <FormDialog
      title={t('children.family.removeTitle')}
      intro={t('children.family.removeFlaggedIntro', { relationship: member.relationship })}
      onClose={onClose}
      {...dialog}
      submitLabel={t('children.remove')}
    >
      <Field label={t('children.family.removeReason')} error={errors.reason}>
        {(a) => <textarea {...a} {...register('reason')} rows={3} />}
      </Field>
    </FormDialog>
  );
}
