// The closure's three forms: the proposal (reason, closing note, the child's and the family's
// views), a coordinator's decline (comment), and reopening a closed case (reason).
import { useTranslation } from 'react-i18next';
import type { ProcedureInput } from '../../../../shared/contract';
import {
  closureDeclineSchema,
  closureProposalSchema,
  reopenSchema,
} from '../../../../shared/reintegration/contract';
import { useApiMutation } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { Field } from '../../../ui/Field';
import { FormDialog } from '../../../ui/FormDialog';
import { closureStale } from './stale';

interface DialogProps {
  childId: string;
  onClose: () => void;
  onSaved: (text: string) => void;
}

export function ProposeClosureDialog({ childId, onClose, onSaved }: DialogProps) {
  const { t } = useTranslation();
  const propose = useApiMutation('reintegration.proposeClosure', { stale: closureStale });
  const { register, errors, dialogFor, showError } = useApiForm({
    schema: closureProposalSchema,
    defaultValues: { childId, reason: '', closingNote: '', childView: '', familyView: '' },
    fields: ['reason', 'closingNote', 'childView', 'familyView'],
  });
  const dialog = dialogFor(
    {
      isPending: propose.isPending,
      mutate: (input: ProcedureInput<'reintegration.proposeClosure'>) =>
        propose.mutate(input, {
          onSuccess: () => onSaved(t('reintegration.closure.proposed')),
          onError: showError,
        }),
    },
    (values) => values,
  );
  return (
    <FormDialog
      title={t('reintegration.closure.proposeTitle')}
      intro={t('reintegration.closure.proposeIntro')}
      onClose={onClose}
      submitLabel={t('reintegration.closure.proposeSubmit')}
      {...dialog}
    >
      <Field label={t('reintegration.closure.reason')} error={errors.reason}>
        {(a) => <input {...a} {...register('reason')} />}
      </Field>
      <Field label={t('reintegration.closure.closingNote')} error={errors.closingNote}>
        {(a) => <textarea {...a} rows={3} {...register('closingNote')} />}
      </Field>
      <Field label={t('reintegration.closure.childView')} error={errors.childView}>
        {(a) => <textarea {...a} rows={3} {...register('childView')} />}
      </Field>
      <Field label={t('reintegration.closure.familyView')} error={errors.familyView}>
        {(a) => <textarea {...a} rows={3} {...register('familyView')} />}
      </Field>
    </FormDialog>
  );
}

export function DeclineClosureDialog({ childId, onClose, onSaved }: DialogProps) {
  const { t } = useTranslation();
  const decline = useApiMutation('reintegration.declineClosure', { stale: closureStale });
  const { register, errors, dialogFor, showError } = useApiForm({
    schema: closureDeclineSchema,
    defaultValues: { childId, comment: '' },
    fields: ['comment'],
  });
  const dialog = dialogFor(
    {
      isPending: decline.isPending,
      mutate: (input: ProcedureInput<'reintegration.declineClosure'>) =>
        decline.mutate(input, {
          onSuccess: () => onSaved(t('reintegration.closure.declined')),
          onError: showError,
        }),
    },
    (values) => values,
  );
  return (
    <FormDialog
      title={t('reintegration.closure.declineTitle')}
      onClose={onClose}
      submitLabel={t('reintegration.closure.declineSubmit')}
      {...dialog}
    >
      <Field label={t('reintegration.closure.declineComment')} error={errors.comment}>
        {(a) => <textarea {...a} rows={3} {...register('comment')} />}
      </Field>
    </FormDialog>
  );
}

export function ReopenCaseDialog({ childId, onClose, onSaved }: DialogProps) {
  const { t } = useTranslation();
  const reopen = useApiMutation('reintegration.reopenCase', { stale: closureStale });
  const { register, errors, dialogFor, showError } = useApiForm({
    schema: reopenSchema,
    defaultValues: { childId, reason: '' },
    fields: ['reason'],
  });
  const dialog = dialogFor(
    {
      isPending: reopen.isPending,
      mutate: (input: ProcedureInput<'reintegration.reopenCase'>) =>
        reopen.mutate(input, {
          onSuccess: () => onSaved(t('reintegration.closure.reopened')),
          onError: showError,
        }),
    },
    (values) => values,
  );
  return (
    <FormDialog
      title={t('reintegration.closure.reopenTitle')}
      onClose={onClose}
      submitLabel={t('reintegration.closure.reopenSubmit')}
      {...dialog}
    >
      <Field label={t('reintegration.closure.reopenReason')} error={errors.reason}>
        {(a) => <textarea {...a} rows={3} {...register('reason')} />}
      </Field>
    </FormDialog>
  );
}
