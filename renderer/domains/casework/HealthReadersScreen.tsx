// The administrator's choice of the roles that may read (and write) the health section. The
// child's own caseworker always may; each change is audited.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { HEALTH_READER_ROLES, type HealthReaderRole } from '../../../shared/casework/vocabulary';
import { queryKey, useApiMutation, useApiQuery } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { Checkbox } from '../../ui/Checkbox';
import { SettingForm, SettingScreen, useSavedSetting } from '../../ui/SettingForm';

export function HealthReadersScreen() {
  const { t } = useTranslation();
  const setting = useApiQuery('health.readers', {});
  return (
    <SettingScreen
      title={t('casework.healthReaders.title')}
      intro={t('casework.healthReaders.intro')}
      setting={setting}
    >
      {(readers) => <ReadersForm initial={readers.roles} />}
    </SettingScreen>
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
  const { form, register, formError, showError, submit } = useApiForm({
    schema: readersShape,
    defaultValues: checked(initial),
    fields: [],
  });
  const { saved, onSaved } = useSavedSetting(
    queryKey('health.readers', {}),
    (next: { roles: HealthReaderRole[] }) => form.reset(checked(next.roles)),
  );
  const save = useApiMutation('health.saveReaders', { onSuccess: onSaved, onError: showError });
  return (
    <SettingForm
      label={t('casework.healthReaders.title')}
      onSubmit={submit((values) =>
        save.mutate({ roles: HEALTH_READER_ROLES.filter((role) => values[role]) }),
      )}
      formError={formError}
      saved={saved}
      savedText={t('casework.healthReaders.saved')}
      pending={save.isPending}
      saveLabel={t('casework.healthReaders.save')}
    >
      <fieldset className="fieldset">
        <legend>{t('casework.healthReaders.legend')}</legend>
        {HEALTH_READER_ROLES.map((role) => (
          <Checkbox key={role} label={t(`roles.${role}`)} {...register(role)} />
        ))}
        <p className="muted">{t('casework.healthReaders.ownCaseworker')}</p>
      </fieldset>
    </SettingForm>
  );
}
