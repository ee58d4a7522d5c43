import { FormDialog } from '../../ui/FormDialog';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  SHELTER_SEX_RULES,
  SHELTER_TYPES,
  canSeeShelterAddress,
} from '../../../shared/shelters/vocabulary';
import { shelterFieldsSchema, type Shelter } from '../../../shared/shelters/contract';
import { useApiMutation } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { Field } from '../../ui/Field';
import { alwaysCheck } from '../../forms/schema';
import { useApiForm } from '../../forms/useApiForm';
import { SHELTERS_STALE } from './stale';

/** The contract's shelter fields, plus the rule the backend also checks: youngest ≤ oldest. */
const shelterFormSchema = shelterFieldsSchema.superRefine((value, ctx) => {
  const { minAge, maxAge } = value as { minAge: unknown; maxAge: unknown };
  if (typeof minAge === 'number' && typeof maxAge === 'number' && minAge > maxAge) {
    ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'age.minAboveMax' });
  }
}, alwaysCheck);

type ShelterValues = z.input<typeof shelterFormSchema>;
const FIELDS = ['name', 'type', 'address', 'sexRule', 'minAge', 'maxAge', 'capacity'] as const;

const EMPTY: ShelterValues = {
  name: '',
  type: 'ngo_shelter',
  address: '',
  sexRule: 'any',
  minAge: 0,
  maxAge: 17,
  capacity: 10,
};

function valuesOf(shelter: Shelter): ShelterValues {
  return {
    name: shelter.name,
    type: shelter.type,
    address: shelter.address ?? '',
    sexRule: shelter.sexRule,
    minAge: shelter.minAge,
    maxAge: shelter.maxAge,
    capacity: shelter.capacity,
  };
}

/** Add a shelter, or edit one (name, type, address, sex and age rules, capacity). */
export function ShelterFormDialog({
  shelter,
  onClose,
  onDone,
}: {
  shelter: Shelter | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const showAddress = canSeeShelterAddress(useSession().role);
  const { register, errors, formError, showError, submit } = useApiForm({
    schema: shelterFormSchema,
    defaultValues: shelter ? valuesOf(shelter) : EMPTY,
    fields: FIELDS,
  });
  const save = useApiMutation('shelters.save', {
    stale: () => SHELTERS_STALE,
    onSuccess: (saved) => onDone(t('shelters.shelters.saved', { name: saved.name })),
    onError: showError,
  });
  const onSubmit = submit((values) =>
    save.mutate({ ...values, ...(shelter ? { id: shelter.id } : {}) }),
  );

  const title = shelter
    ? t('shelters.shelterForm.editTitle', { name: shelter.name })
    : t('shelters.shelterForm.addTitle');
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={onSubmit}
      formError={formError}
      pending={save.isPending}
      submitLabel={t('shelters.shelterForm.submit')}
    >
      <Field label={t('shelters.shelterForm.name')} error={errors.name}>
        {(a) => <input {...a} {...register('name')} maxLength={120} autoComplete="off" />}
      </Field>
      <Field label={t('shelters.shelterForm.type')} error={errors.type}>
        {(a) => (
          <select {...a} {...register('type')}>
            {SHELTER_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`shelters.types.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {showAddress ? (
        <Field
          label={t('shelters.shelterForm.address')}
          hint={t('shelters.shelterForm.addressHint')}
          error={errors.address}
        >
          {(a) => <textarea {...a} {...register('address')} rows={2} maxLength={300} />}
        </Field>
      ) : null}
      <Field label={t('shelters.shelterForm.sexRule')} error={errors.sexRule}>
        {(a) => (
          <select {...a} {...register('sexRule')}>
            {SHELTER_SEX_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t(`shelters.sexRules.${rule}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label={t('shelters.shelterForm.minAge')} error={errors.minAge}>
          {(a) => (
            <input
              {...a}
              {...register('minAge', { valueAsNumber: true })}
              type="number"
              inputMode="numeric"
              className="input-short"
            />
          )}
        </Field>
        <Field label={t('shelters.shelterForm.maxAge')} error={errors.maxAge}>
          {(a) => (
            <input
              {...a}
              {...register('maxAge', { valueAsNumber: true })}
              type="number"
              inputMode="numeric"
              className="input-short"
            />
          )}
        </Field>
        <Field label={t('shelters.shelterForm.capacity')} error={errors.capacity}>
          {(a) => (
            <input
              {...a}
              {...register('capacity', { valueAsNumber: true })}
              type="number"
              inputMode="numeric"
              className="input-short"
            />
          )}
        </Field>
      </div>
    </FormDialog>
  );
}
