import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CONSENT_GIVERS, CONSENT_TYPES } from '../../../../shared/children/vocabulary';
import { procedures } from '../../../../shared/contract';
import type { CaseFile, Consent, FamilyMember } from '../../../../shared/children/contract';
import { todayIn } from '../../../../shared/time';
import { formatCalendarDate } from '../../../i18n/format';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import { StatusMessage } from '../../../ui/FormAlert';
import { fromForm, withoutBlanks } from '../formValues';
import { useNamesVisible } from './NamesPanel';
import { consentGiverText, consentTypeText } from '../labels';
import { CaseSection } from '../../../ui/CaseSection';
import { ChoiceField } from '../../../ui/ChoiceField';
import { FormDialog } from '../../../ui/FormDialog';
import { RecordTable } from '../../../ui/RecordTable';
import { useSectionDialogs } from '../../../ui/RowActions';
import { useApiMutation } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { childStale } from '../caseQueries';

type Open = { kind: 'record' } | { kind: 'withdraw'; consent: Consent };

/** Consents: what was agreed, by whom, from when — and withdrawal, which is kept, not erased. */
export function ConsentsSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const { open, setOpen, close, status, done } = useSectionDialogs<Open>();
  const childId = file.child.id;

  return (
    <CaseSection id="case-consents" title={t('children.consents.heading')}>
      <StatusMessage>{status}</StatusMessage>
      <RecordTable
        records={file.consents}
        label={{ caption: t('children.consents.heading') }}
        columns={[
          t('children.consents.type'),
          t('children.consents.givenBy'),
          t('children.consents.givenOn'),
          t('children.consents.scope'),
          t('children.consents.state'),
        ]}
        emptyText={t('children.consents.empty')}
        add={{ label: t('children.consents.record'), onClick: () => setOpen({ kind: 'record' }) }}
      >
        {(consent) => (
          <tr key={consent.id}>
            <td>
              {consent.agency
                ? t('children.consents.typeWithAgency', {
                    type: consentTypeText(t, consent.type),
                    agency: consent.agency,
                  })
                : consentTypeText(t, consent.type)}
            </td>
            <td>{consentGiverText(t, consent.givenBy)}</td>
            <td>{formatCalendarDate(consent.givenOn)}</td>
            <td className="cell-text">{consent.scope}</td>
            <td>
              {consent.withdrawnOn ? (
                <>
                  <span className="badge badge-off">
                    {t('children.consents.withdrawnOn', {
                      date: formatCalendarDate(consent.withdrawnOn),
                    })}
                  </span>
                  {consent.withdrawnReason ? (
                    <span className="cell-note">{consent.withdrawnReason}</span>
                  ) : null}
                </>
              ) : (
                <span className="badge badge-ok">{t('children.consents.active')}</span>
              )}
            </td>
            <td>
              {consent.withdrawnOn ? null : (
                <button
                  type="button"
                  aria-label={t('children.consents.withdrawOne', {
                    type: consentTypeText(t, consent.type),
                    date: formatCalendarDate(consent.givenOn),
                  })}
                  onClick={() => setOpen({ kind: 'withdraw', consent })}
                >
                  {t('children.consents.withdraw')}
                </button>
              )}
            </td>
          </tr>
        )}
      </RecordTable>
      {open?.kind === 'record' ? (
        <RecordConsentDialog
          childId={childId}
          family={file.family}
          onClose={close}
          onDone={() => done(t('children.consents.recorded'))}
        />
      ) : null}
      {open?.kind === 'withdraw' ? (
        <WithdrawConsentDialog
          childId={childId}
          consent={open.consent}
          onClose={close}
          onDone={() => done(t('children.consents.withdrawn'))}
        />
      ) : null}
    </CaseSection>
  );
}

const recordShape = z.object({
  type: z.union([z.literal(''), z.enum(CONSENT_TYPES)]),
  agency: z.string(),
  givenBy: z.union([z.literal(''), z.enum(CONSENT_GIVERS)]),
  givenByMemberId: z.string(),
  givenOn: z.string(),
  scope: z.string(),
});
const RECORD_FIELDS = ['type', 'agency', 'givenBy', 'givenByMemberId', 'givenOn', 'scope'] as const;

function notFuture(today: string, path: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const date = value[path];
    if (typeof date === 'string' && date > today) {
      ctx.addIssue({ code: 'custom', path: [path], message: 'date.future' });
    }
  };
}

/** `flagged`: the family members whose consent is refused (the backend refuses it too). */
function recordSchema(today: string, flagged: ReadonlySet<string>) {
  const target = procedures['consents.record'].input
    .omit({ childId: true })
    .superRefine((value, ctx) => {
      notFuture(today, 'givenOn')(value, ctx);
      if (value.givenByMemberId && flagged.has(value.givenByMemberId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['givenByMemberId'],
          message: 'consent.flaggedGiver',
        });
      }
      // Sharing is always with someone named, as the backend requires.
      if (value.type === 'sharing' && !value.agency) {
        ctx.addIssue({ code: 'custom', path: ['agency'], message: 'consent.agencyRequired' });
      }
    });
  // A family member is named only for a guardian's consent.
  return fromForm(recordShape, target, (v) =>
    withoutBlanks({ ...v, givenByMemberId: v.givenBy === 'guardian' ? v.givenByMemberId : '' }),
  );
}

function RecordConsentDialog({
  childId,
  family,
  onClose,
  onDone,
}: {
  childId: string;
  family: readonly FamilyMember[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const today = todayIn(session.settings.timeZone);
  const { form, errors, register, showError, dialogFor } = useApiForm({
    schema: recordSchema(
      today,
      new Set(
        family
          .filter((m) => m.safety && (m.safety.allegedOffender || m.safety.noContactOrder))
          .map((m) => m.id),
      ),
    ),
    defaultValues: {
      type: '',
      agency: '',
      givenBy: '',
      givenByMemberId: '',
      givenOn: today,
      scope: '',
    },
    fields: RECORD_FIELDS,
  });
  const save = useApiMutation('consents.record', {
    stale: () => childStale(childId),
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({ ...values, childId }));
  const sharing = form.watch('type') === 'sharing';
  const byGuardian = form.watch('givenBy') === 'guardian';
  const namesVisible = useNamesVisible();

  return (
    <FormDialog
      title={t('children.consents.recordTitle')}
      onClose={onClose}
      {...dialog}
      submitLabel={t('children.consents.save')}
    >
      <ChoiceField
        label={t('children.consents.type')}
        error={errors.type}
        registration={register('type')}
        values={CONSENT_TYPES}
        optionText={(v) => consentTypeText(t, v)}
      />
      <Field
        label={t('children.consents.agency')}
        hint={
          sharing ? t('children.consents.agencyRequiredHint') : t('children.consents.agencyHint')
        }
        error={errors.agency}
      >
        {(a) => <input {...a} {...register('agency')} autoComplete="off" />}
      </Field>
      <ChoiceField
        label={t('children.consents.givenBy')}
        error={errors.givenBy}
        registration={register('givenBy')}
        values={CONSENT_GIVERS}
        optionText={(v) => consentGiverText(t, v)}
      />
      {byGuardian && family.length > 0 ? (
        <Field
          label={t('children.consents.givenByMember')}
          hint={t('children.consents.givenByMemberHint')}
          error={errors.givenByMemberId}
        >
          {(a) => (
            <select {...a} {...register('givenByMemberId')}>
              <option value="">{t('children.consents.givenByMemberNone')}</option>
              {family.map((m) => (
                <option key={m.id} value={m.id}>
                  {namesVisible ? `${m.relationship}: ${m.name}` : m.relationship}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('children.consents.givenOn')} error={errors.givenOn}>
        {(a) => <input {...a} {...register('givenOn')} type="date" max={today} />}
      </Field>
      <Field
        label={t('children.consents.scope')}
        hint={t('children.consents.scopeHint')}
        error={errors.scope}
      >
        {(a) => <textarea {...a} {...register('scope')} rows={3} />}
      </Field>
    </FormDialog>
  );
}

const withdrawShape = z.object({ withdrawnOn: z.string(), reason: z.string() });

function withdrawSchema(today: string, givenOn: string) {
  const target = procedures['consents.withdraw'].input
    .omit({ id: true })
    .superRefine((value, ctx) => {
      notFuture(today, 'withdrawnOn')(value, ctx);
      if (value.withdrawnOn < givenOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['withdrawnOn'],
          message: 'consent.withdrawnBeforeGiven',
        });
      }
    });
  return fromForm(withdrawShape, target);
}

function WithdrawConsentDialog({
  childId,
  consent,
  onClose,
  onDone,
}: {
  childId: string;
  consent: Consent;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const today = todayIn(session.settings.timeZone);
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: withdrawSchema(today, consent.givenOn),
    defaultValues: { withdrawnOn: today, reason: '' },
    fields: ['withdrawnOn', 'reason'],
  });
  const save = useApiMutation('consents.withdraw', {
    stale: () => childStale(childId),
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({ ...values, id: consent.id }));

  return (
    <FormDialog
      title={t('children.consents.withdrawTitle')}
      intro={t('children.consents.withdrawIntro', {
        type: consentTypeText(t, consent.type),
        date: formatCalendarDate(consent.givenOn),
      })}
      onClose={onClose}
      {...dialog}
      submitLabel={t('children.consents.withdrawConfirm')}
    >
      <Field label={t('children.consents.withdrawnOnLabel')} error={errors.withdrawnOn}>
        {(a) => (
          <input
            {...a}
            {...register('withdrawnOn')}
            type="date"
            min={consent.givenOn}
            max={today}
          />
        )}
      </Field>
      <Field label={t('children.consents.reason')} error={errors.reason}>
        {(a) => <textarea {...a} {...register('reason')} rows={3} />}
      </Field>
    </FormDialog>
  );
}
