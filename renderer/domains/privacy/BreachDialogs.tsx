// Recording or correcting a suspected breach, and closing one with what was done.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { procedures } from '../../../shared/contract';
import {
  breachSaveSchema,
  type Breach,
  type BreachSaveInput,
} from '../../../shared/privacy/contract';
import { zonedFormat } from '../../../shared/time';
import { useApiMutation } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useApiForm } from '../../forms/useApiForm';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';

const BREACH_FIELDS = [
  'summary',
  'discoveredOn',
  'discoveredTime',
  'notified',
  'npcNotifiedOn',
] as const;
/** An empty notification date is "not yet": the procedure's null. */
const breachForm = z
  .object({
    summary: z.string(),
    discoveredOn: z.string(),
    discoveredTime: z.string(),
    notified: z.string(),
    npcNotifiedOn: z.string(),
  })
  .transform((v): Omit<BreachSaveInput, 'id'> => ({
    ...v,
    npcNotifiedOn: v.npcNotifiedOn === '' ? null : v.npcNotifiedOn,
  }))
  .pipe(breachSaveSchema.omit({ id: true }));

export function BreachDialog({
  breach,
  onClose,
  onSaved,
}: {
  breach: Breach | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const { register, errors, showError, dialogFor } = useApiForm({
    schema: breachForm,
    defaultValues: {
      summary: breach?.summary ?? '',
      discoveredOn: breach ? zonedFormat(breach.discoveredAt, settings.timeZone, 'yyyy-MM-dd') : '',
      discoveredTime: breach ? zonedFormat(breach.discoveredAt, settings.timeZone, 'HH:mm') : '',
      notified: breach?.notified ?? '',
      npcNotifiedOn: breach?.npcNotifiedOn ?? '',
    },
    fields: BREACH_FIELDS,
  });
  const save = useApiMutation('breaches.save', {
    stale: () => ['breaches.list'],
    onSuccess: onSaved,
    onError: showError,
  });
  return (
    <FormDialog
      title={breach ? t('privacy.breaches.editTitle') : t('privacy.breaches.addTitle')}
      onClose={onClose}
      submitLabel={t('privacy.breaches.save')}
      {...dialogFor(save, (values) => ({ ...values, ...(breach ? { id: breach.id } : {}) }))}
    >
      <Field
        label={t('privacy.breaches.summary')}
        hint={t('privacy.breaches.summaryHint')}
        error={errors.summary}
      >
        {(a) => <textarea {...a} {...register('summary')} rows={4} />}
      </Field>
      <Field label={t('privacy.breaches.discoveredOn')} error={errors.discoveredOn}>
        {(a) => <input {...a} {...register('discoveredOn')} type="date" />}
      </Field>
      <Field
        label={t('privacy.breaches.discoveredTime')}
        hint={t('privacy.breaches.discoveredTimeHint')}
        error={errors.discoveredTime}
      >
        {(a) => (
          <input {...a} {...register('discoveredTime')} type="time" className="input-short" />
        )}
      </Field>
      <Field
        label={t('privacy.breaches.notified')}
        hint={t('privacy.breaches.notifiedHint')}
        error={errors.notified}
      >
        {(a) => <textarea {...a} {...register('notified')} rows={3} />}
      </Field>
      <Field
        label={t('privacy.breaches.npcNotifiedOn')}
        hint={t('privacy.breaches.npcNotifiedOnHint')}
        error={errors.npcNotifiedOn}
      >
        {(a) => <input {...a} {...register('npcNotifiedOn')} type="date" />}
      </Field>
    </FormDialog>
  );
}

const closeForm = procedures['breaches.close'].input.pick({ closingNote: true });

export function CloseBreachDialog({
  breach,
  onClose,
  onClosed,
}: {
  breach: Breach;
  onClose: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const { register, errors, showError, dialogFor } = useApiForm({
    schema: closeForm,
    defaultValues: { closingNote: '' },
    fields: ['closingNote'],
  });
  const close = useApiMutation('breaches.close', {
    stale: () => ['breaches.list'],
    onSuccess: onClosed,
    onError: showError,
  });
  return (
    <FormDialog
      title={t('privacy.breaches.closeTitle')}
      intro={t('privacy.breaches.closeIntro')}
      onClose={onClose}
      submitLabel={t('privacy.breaches.confirmClose')}
      {...dialogFor(close, (values) => ({ id: breach.id, closingNote: values.closingNote }))}
    >
      <Field label={t('privacy.breaches.closingNote')} error={errors.closingNote}>
        {(a) => <textarea {...a} {...register('closingNote')} rows={3} />}
      </Field>
    </FormDialog>
  );
}
