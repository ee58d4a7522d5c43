// The administrator's choice of the roles that may read (and write) the health section. The
// child's own caseworker always may; each change is audited.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { HEALTH_READER_ROLES, type HealthReaderRole } from '../../../shared/casework/vocabulary';
import { queryKey, useApiMutation, useApiQuery } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Checkbox } from '../../ui/Checkbox';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';

export function HealthReadersScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('casework.healthReaders.title'));
  const readers = useApiQuery('health.readers', {});
  return (
    <>
      <h1>{t('casework.healthReaders.title')}</h1>
      <p className="lead-text">{t('casework.healthReaders.intro')}</p>
      {readers.isError ? <FormAlert message={{ key: readers.error.message }} /> : null}
      {readers.data ? <ReadersForm initial={readers.data.roles} /> : null}
    </>
  );
}

const readersShape = z.object({
  coordinator: z.boolean(),
  caseworker: z.boolean(),
  therapist: z.boolean(),
});
type ReadersValues = z.infer<typeof readersShape>;
const checked = (roles: readonly HealthReaderRole[]): ReadersValues => ({
  coordinator: roles.includes('coordinator'),
  caseworker: roles.includes('caseworker'),
  therapist: roles.includes('therapist'),
});

function ReadersForm({ initial }: { initial: HealthReaderRole[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(0);
  const { form, register, formError, showError, submit } = useApiForm({
    schema: readersShape,
    defaultValues: checked(initial),
    fields: [],
  });
  const save = useApiMutation('health.saveReaders', {
    onSuccess: (next) => {
      queryClient.setQueryData(queryKey('health.readers', {}), next);
      form.reset(checked(next.roles));
      setSaved((n) => n + 1);
    },
    onError: showError,
  });
  const onSubmit = submit((values) =>
    save.mutate({ roles: HEALTH_READER_ROLES.filter((role) => values[role]) }),
  );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="form panel"
      aria-label={t('casework.healthReaders.title')}
    >
      <FormAlert message={formError} />
      <fieldset className="fieldset">
        <legend>{t('casework.healthReaders.legend')}</legend>
        {HEALTH_READER_ROLES.map((role) => (
          <Checkbox key={role} label={t(`roles.${role}`)} {...register(role)} />
        ))}
        <p className="muted">{t('casework.healthReaders.ownCaseworker')}</p>
      </fieldset>
      <StatusMessage version={saved}>
        {saved ? t('casework.healthReaders.saved') : null}
      </StatusMessage>
      <SubmitButton pending={save.isPending} pendingText={t('common.working')}>
        {t('casework.healthReaders.save')}
      </SubmitButton>
    </form>
  );
}
