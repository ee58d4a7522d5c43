import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from './Field';
import { ChoiceOptions } from './ChoiceOptions';

/** A record dialog's coded select: a blank "Choose…", then each code in words. */
export function ChoiceField<T extends string>({
  label,
  error,
  registration,
  values,
  optionText,
}: {
  label: string;
  error: { message?: string } | undefined;
  registration: UseFormRegisterReturn;
  values: readonly T[];
  optionText: (value: T) => string;
}) {
  return (
    <Field label={label} error={error}>
      {(a) => (
        <select {...a} {...registration}>
          <ChoiceOptions values={values} label={optionText} />
        </select>
      )}
    </Field>
  );
}
