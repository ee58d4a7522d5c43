// The administrator's first step: this vault becomes the organisation's first computer.
import { useTranslation } from 'react-i18next';
import { procedures } from '../../../shared/contract';
import { useApiMutation } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';

export function StartSharing() {
  const { t } = useTranslation();
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: procedures['sync.start'].input,
    defaultValues: { computerName: '' },
    fields: ['computerName'],
  });
  const start = useApiMutation('sync.start', {
    stale: () => ['sync.status', 'sync.computers'],
    onError: showError,
  });
  return (
    <form
      onSubmit={submit((values) => start.mutate(values))}
      noValidate
      className="form panel"
      aria-labelledby="sync-start-heading"
    >
      <h2 id="sync-start-heading">{t('sync.computers.startHeading')}</h2>
      <p>{t('sync.computers.startBody')}</p>
      <FormAlert message={formError} />
      <Field
        label={t('sync.computers.computerName')}
        hint={t('sync.computers.computerNameHint')}
        error={errors.computerName}
      >
        {(a) => <input {...a} {...form.register('computerName')} autoComplete="off" />}
      </Field>
      <SubmitButton pending={start.isPending} pendingText={t('sync.computers.starting')}>
        {t('sync.computers.start')}
      </SubmitButton>
    </form>
  );
}
