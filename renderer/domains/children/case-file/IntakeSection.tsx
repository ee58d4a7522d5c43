import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { procedures } from '../../../../shared/contract';
import type { CaseFile } from '../../../../shared/children/contract';
import { formatInstant } from '../../../../shared/time';
import { useApiMutation } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { SubmitButton } from '../../../ui/SubmitButton';
import { messageFor } from '../../../forms/useServerErrors';
import { fromForm } from '../formValues';
import { CaseSection } from '../../../ui/CaseSection';
import { useApiForm } from '../../../forms/useApiForm';
import { childStale } from '../caseQueries';

/**
 * The child's own account of what happened: recorded once, so nobody asks for it again, and
 * kept behind a content note. Opening it is a deliberate act, audited by the backend each time;
 * the text is held only while it is open (mutation state, dropped on close and on lock).
 */
export function IntakeSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const summary = file.intakeAccount;
  const [recording, setRecording] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const open = useApiMutation('intake.open');

  return (
    <CaseSection id="case-intake" title={t('children.intake.heading')}>
      <StatusMessage>{status}</StatusMessage>
      <p className="content-note">{t('children.intake.contentNote')}</p>
      {summary ? (
        <>
          <p className="muted">
            {summary.recordedByName
              ? t('children.intake.recordedBy', {
                  date: formatInstant(summary.recordedAt, timeZone),
                  name: summary.recordedByName,
                })
              : t('children.intake.recordedOn', {
                  date: formatInstant(summary.recordedAt, timeZone),
                })}
          </p>
          <FormAlert message={open.isError ? messageFor(open.error) : null} />
          {open.isSuccess ? (
            <div className="intake-account">
              <h3>{t('children.intake.accountHeading')}</h3>
              <div className="intake-text">{open.data.account}</div>
              <p className="section-actions">
                <button type="button" onClick={() => open.reset()}>
                  {t('children.intake.close')}
                </button>
              </p>
            </div>
          ) : (
            <p className="section-actions">
              <button
                type="button"
                disabled={open.isPending}
                onClick={() => open.mutate({ childId: file.child.id })}
              >
                {t('children.intake.open')}
              </button>
            </p>
          )}
        </>
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

const intakeShape = z.object({ account: z.string() });

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
    defaultValues: { account: '' },
    fields: ['account'],
  });
  const save = useApiMutation('intake.record', {
    stale: () => childStale(childId),
    onSuccess: onRecorded,
    onError: showError,
  });
  const onSubmit = submit((values) => save.mutate({ childId, account: values.account }));
  const pending = save.isPending;
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="intake-record-heading">
      <h3 id="intake-record-heading">{t('children.intake.recordHeading')}</h3>
      <p>{t('children.intake.onceNote')}</p>
      <FormAlert message={formError} />
      <Field
        label={t('children.intake.account')}
        hint={t('children.intake.accountHint')}
        error={errors.account}
      >
        {(a) => <textarea {...a} {...register('account')} rows={10} />}
      </Field>
      <div className="form-actions">
        <SubmitButton pending={pending} pendingText={t('common.working')}>
          {t('children.intake.save')}
        </SubmitButton>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
