import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { procedures } from '../../../../shared/contract';
import type {
  CaseFile,
  IntakeAccount,
  IntakeAddendum,
  IntakeSummary,
} from '../../../../shared/children/contract';
import { INTAKE_HELD_WHERE } from '../../../../shared/children/vocabulary';
import { requiredText } from '../../../../shared/text';
import { formatInstant } from '../../../i18n/format';
import { useApiMutation } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { SubmitButton } from '../../../ui/SubmitButton';
import { messageFor } from '../../../forms/useServerErrors';
import { fromForm } from '../formValues';
import { errorText } from '../../../i18n';
import { CaseSection } from '../../../ui/CaseSection';
import { Checkbox } from '../../../ui/Checkbox';
import { ChoiceField } from '../../../ui/ChoiceField';
import { FormDialog } from '../../../ui/FormDialog';
import { useApiForm } from '../../../forms/useApiForm';
import { childStale } from '../caseQueries';

/**
 * The child's account of what happened, as a reference to where it is held (the joint interview,
 * a video, an affidavit), so nobody interviews the child again; a free text is optional, and
 * corrections are signed addenda. Opening it is a deliberate act, audited each time; someone
 * outside the child's own team gives a reason first. The opened text is held only while it is
 * open (mutation state, dropped on close and on lock).
 */
export function IntakeSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const summary = file.intakeAccount;
  const [recording, setRecording] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <CaseSection id="case-intake" title={t('children.intake.heading')}>
      <StatusMessage>{status}</StatusMessage>
      <p className="content-note">{t('children.intake.contentNote')}</p>
      <p className="intake-no-interview">
        <strong>{t('children.intake.noInterview')}</strong>
      </p>
      {summary ? (
        <RecordedIntake childId={file.child.id} summary={summary} />
      ) : recording ? (
        <RecordIntakeForm
          childId={file.child.id}
          onCancel={() => setRecording(false)}
          onRecorded={() => {
            setRecording(false);
            setStatus(t('children.intake.recorded'));
          }}
        />
      ) : (
        <>
          <p className="muted">{t('children.intake.none')}</p>
          <p className="section-actions">
            <button type="button" onClick={() => setRecording(true)}>
              {t('children.intake.record')}
            </button>
          </p>
        </>
      )}
    </CaseSection>
  );
}

export function RecordedIntake({ childId, summary }: { childId: string; summary: IntakeSummary }) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  // Held in state only while open: closing drops it, and a lock unmounts the whole screen.
  const [opened, setOpened] = useState<IntakeAccount | null>(null);
  const [askingReason, setAskingReason] = useState(false);
  const open = useApiMutation('intake.open', { onSuccess: setOpened });
  const recordedAt = formatInstant(summary.recordedAt, timeZone);
  const where = summary.heldWhere ? t(`children.intake.heldWhere.${summary.heldWhere}`) : null;

  return (
    <>
      {where ? (
        <dl className="details">
          <dt>{t('children.intake.heldWhereLabel')}</dt>
          <dd>{where}</dd>
          <dt>{t('children.intake.reference')}</dt>
          <dd>{summary.reference}</dd>
        </dl>
      ) : null}
      <p className="muted">
        {summary.recordedByName
          ? t('children.intake.recordedBy', { date: recordedAt, name: summary.recordedByName })
          : t('children.intake.recordedOn', { date: recordedAt })}{' '}
        {t('children.intake.addendaCount', { count: summary.addenda })}
      </p>
      <FormAlert message={open.isError ? messageFor(open.error) : null} />
      {opened ? (
        <OpenedIntake childId={childId} account={opened} onClose={() => setOpened(null)} />
      ) : (
        <p className="section-actions">
          <button
            type="button"
            disabled={open.isPending}
            onClick={() =>
              summary.reasonNeeded ? setAskingReason(true) : open.mutate({ childId })
            }
          >
            {t('children.intake.open')}
          </button>
        </p>
      )}
      {askingReason ? (
        <OpenReasonDialog
          childId={childId}
          onClose={() => setAskingReason(false)}
          onOpened={(account) => {
            setAskingReason(false);
            setOpened(account);
          }}
        />
      ) : null}
    </>
  );
}

const reasonShape = z.object({ reason: z.string() });
const reasonSchema = z.strictObject({ reason: requiredText(1000, { multiline: true }) });

/** For someone outside the child's own team: why they open it, kept and audited. */
function OpenReasonDialog({
  childId,
  onClose,
  onOpened,
}: {
  childId: string;
  onClose: () => void;
  onOpened: (account: IntakeAccount) => void;
}) {
  const { t } = useTranslation();
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: fromForm(reasonShape, reasonSchema),
    defaultValues: { reason: '' },
    fields: ['reason'],
  });
  const open = useApiMutation('intake.open', { onSuccess: onOpened, onError: showError });
  return (
    <FormDialog
      title={t('children.intake.reasonTitle')}
      intro={t('children.intake.reasonIntro')}
      onClose={onClose}
      {...dialogFor(open, (values) => ({ childId, reason: values.reason }))}
      submitLabel={t('children.intake.open')}
    >
      <Field label={t('children.intake.reason')} error={errors.reason}>
        {(a) => <textarea {...a} {...register('reason')} rows={3} />}
      </Field>
    </FormDialog>
  );
}

function OpenedIntake({
  childId,
  account,
  onClose,
}: {
  childId: string;
  account: IntakeAccount;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [added, setAdded] = useState<IntakeAddendum[]>([]);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const addenda = [...account.addenda, ...added];
  const mayAdd = session.role === 'coordinator' || session.role === 'caseworker';

  return (
    <div className="intake-account">
      <h3>{t('children.intake.accountHeading')}</h3>
      <StatusMessage>{status}</StatusMessage>
      {account.account ? (
        <div className="intake-text">{account.account}</div>
      ) : (
        <p>{t('children.intake.noText')}</p>
      )}
      <h4>{t('children.intake.addendaHeading')}</h4>
      {addenda.length === 0 ? (
        <p className="muted">{t('children.intake.noAddenda')}</p>
      ) : (
        <ol className="intake-addenda">
          {addenda.map((addendum) => (
            <li key={addendum.id}>
              <div className="intake-text">{addendum.text}</div>
              <p className="muted">
                {t('children.intake.signedBy', {
                  name: addendum.signedByName ?? t('children.intake.someone'),
                  date: formatInstant(addendum.signedAt, session.settings.timeZone),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
      <p className="section-actions">
        {mayAdd ? (
          <button type="button" onClick={() => setAdding(true)}>
            {t('children.intake.addAddendum')}
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {t('children.intake.close')}
        </button>
      </p>
      {adding ? (
        <AddendumDialog
          childId={childId}
          onClose={() => setAdding(false)}
          onAdded={(addendum) => {
            setAdding(false);
            setAdded((list) => [...list, addendum]);
            setStatus(t('children.intake.addendumAdded'));
          }}
        />
      ) : null}
    </div>
  );
}

const addendumShape = z.object({ text: z.string(), signed: z.boolean() });

function AddendumDialog({
  childId,
  onClose,
  onAdded,
}: {
  childId: string;
  onClose: () => void;
  onAdded: (addendum: IntakeAddendum) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const signErrorId = useId();
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: fromForm(addendumShape, procedures['intake.addAddendum'].input.omit({ childId: true })),
    defaultValues: { text: '', signed: false },
    fields: ['text', 'signed'],
  });
  const add = useApiMutation('intake.addAddendum', {
    stale: () => childStale(childId),
    onSuccess: onAdded,
    onError: showError,
  });
  return (
    <FormDialog
      title={t('children.intake.addendumTitle')}
      intro={t('children.intake.addendumIntro')}
      onClose={onClose}
      {...dialogFor(add, (values) => ({ ...values, childId }))}
      submitLabel={t('children.intake.addendumSave')}
    >
      <Field label={t('children.intake.addendumText')} error={errors.text}>
        {(a) => <textarea {...a} {...register('text')} rows={5} />}
      </Field>
      <Checkbox
        label={t('children.intake.sign', { name: session.displayName })}
        {...register('signed')}
        {...(errors.signed ? { 'aria-invalid': true, 'aria-describedby': signErrorId } : {})}
      />
      {errors.signed ? (
        <p className="field-error" id={signErrorId}>
          {errorText(errors.signed.message ?? 'intake.signRequired')}
        </p>
      ) : null}
    </FormDialog>
  );
}

const intakeShape = z.object({ heldWhere: z.string(), reference: z.string(), account: z.string() });

function RecordIntakeForm({
  childId,
  onCancel,
  onRecorded,
}: {
  childId: string;
  onCancel: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const { errors, register, formError, showError, submit } = useApiForm({
    schema: fromForm(intakeShape, procedures['intake.record'].input.omit({ childId: true })),
    defaultValues: { heldWhere: '', reference: '', account: '' },
    fields: ['heldWhere', 'reference', 'account'],
  });
  const save = useApiMutation('intake.record', {
    stale: () => childStale(childId),
    onSuccess: onRecorded,
    onError: showError,
  });
  const onSubmit = submit((values) => save.mutate({ ...values, childId }));
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="intake-record-heading">
      <h3 id="intake-record-heading">{t('children.intake.recordHeading')}</h3>
      <p>{t('children.intake.onceNote')}</p>
      <FormAlert message={formError} />
      <ChoiceField
        label={t('children.intake.heldWhereLabel')}
        error={errors.heldWhere}
        registration={register('heldWhere')}
        values={INTAKE_HELD_WHERE}
        optionText={(value) => t(`children.intake.heldWhere.${value}`)}
      />
      <Field
        label={t('children.intake.reference')}
        hint={t('children.intake.referenceHint')}
        error={errors.reference}
      >
        {(a) => <input {...a} {...register('reference')} autoComplete="off" />}
      </Field>
      <Field
        label={t('children.intake.account')}
        hint={t('children.intake.accountHint')}
        error={errors.account}
      >
        {(a) => <textarea {...a} {...register('account')} rows={10} />}
      </Field>
      <div className="form-actions">
        <SubmitButton pending={save.isPending} pendingText={t('common.working')}>
          {t('children.intake.save')}
        </SubmitButton>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
