import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChipListInput, type ChipListError } from '../../components/ChipListInput';
import type { CreateUserValues } from './CreateUserForm';

/** A free list of shelter names: text + Add, removable chips. */
export function ShelterScopeInput({
  control,
  error,
}: {
  control: Control<CreateUserValues>;
  error: ChipListError;
}) {
  const { t } = useTranslation();
  return (
    <ChipListInput
      control={control}
      name="shelterScope"
      error={error}
      label={t('users.create.shelterScope')}
      hint={t('users.create.shelterScopeHint')}
      addLabel={t('users.create.addShelter')}
      listLabel={t('users.create.sheltersAdded')}
      removeLabel={(name) => t('users.create.removeShelter', { name })}
    />
  );
}
