import { useId } from 'react';
import type { FieldValues, Path, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { PasswordStrength } from './PasswordStrength';

interface Props<F extends FieldValues> {
  /** `register('…')` results for the new password and its confirmation. */
  password: UseFormRegisterReturn<Path<F>>;
  confirm: UseFormRegisterReturn<Path<F>>;
  value: string;
  errors: {
    password?: { message?: string } | undefined;
    confirm?: { message?: string } | undefined;
  };
  labels: { password: string; confirm: string };
  /** The account's own words (username, name), which the password must not lean on. */
  personal: readonly string[];
}

/** A new password, its live strength meter, and its confirmation: the one way to choose a password. */
export function NewPasswordFields<F extends FieldValues>({
  password,
  confirm,
  value,
  errors,
  labels,
  personal,
}: Props<F>) {
  const { t } = useTranslation();
  const strengthId = useId();
  return (
    <>
      <Field
        label={labels.password}
        hint={t('password.hint')}
        error={errors.password}
        describedBy={strengthId}
      >
        {(a) => <input {...a} {...password} type="password" autoComplete="new-password" />}
      </Field>
      <PasswordStrength id={strengthId} password={value} personal={personal} />
      <Field label={labels.confirm} error={errors.confirm}>
        {(a) => <input {...a} {...confirm} type="password" autoComplete="new-password" />}
      </Field>
    </>
  );
}
