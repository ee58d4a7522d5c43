import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/queries';
import { Field } from '../../../ui/Field';
import { FormAlert } from '../../../ui/FormAlert';

interface StaffPickerProps {
  chosenId: string;
  onChoose: (userId: string) => void;
  /** An `errors.` key, e.g. when the report was asked for without a staff member. */
  error?: string | undefined;
}

/**
 * Picks the staff member an access request is about, from every account (disabled ones too: a
 * former employee may ask what is still held about them). Only the administrator lists accounts.
 */
export function StaffPicker({ chosenId, onChoose, error }: StaffPickerProps) {
  const { t } = useTranslation();
  const users = useApiQuery('users.list', {});
  if (users.isError) return <FormAlert message={{ key: users.error.message }} />;
  return (
    <Field
      label={t('accessRequest.staff.picker.label')}
      error={error ? { message: error } : undefined}
    >
      {(a) => (
        <select {...a} value={chosenId} onChange={(e) => onChoose(e.target.value)}>
          <option value="" disabled>
            {t('accessRequest.staff.picker.choose')}
          </option>
          {(users.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {t(`accessRequest.staff.picker.${u.active ? 'active' : 'disabled'}`, {
                name: `${u.displayName} · ${u.username}`,
                role: t(`roles.${u.role}`),
              })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
