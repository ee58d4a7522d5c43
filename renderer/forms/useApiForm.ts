// The one form hook: react-hook-form validating with a zod schema (its issues as catalogue keys),
// the backend's field errors put at their inputs and the rest in the form's alert, and a submit
// handler that clears the last attempt's alert. The write itself is a useApiMutation whose
// onError is `showError` (or a dialog's own refusal handling built on it).
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import { zodErrorOptions } from './schema';
import { useServerErrors } from './useServerErrors';

interface Options<Values extends FieldValues, Out> {
  /** Plain form values in, the procedure's fields (or what the form sends) out. */
  schema: z.ZodType<Out, Values>;
  defaultValues: DefaultValues<Values>;
  /** The inputs a backend field error can be shown at. */
  fields: readonly Path<Values>[];
}

export function useApiForm<Values extends FieldValues, Out>({
  schema,
  defaultValues,
  fields,
}: Options<Values, Out>) {
  const form = useForm<Values, unknown, Out>({
    resolver: zodResolver(schema, zodErrorOptions),
    defaultValues,
  });
  const serverErrors = useServerErrors(form.setError, fields);
  const { clearFormError } = serverErrors;
  /** The submit handler: valid values go to `send`, after `clear` (the alert, by default). */
  const submit = useCallback(
    (send: (values: Out) => void, clear: () => void = clearFormError) =>
      form.handleSubmit((values) => {
        clear();
        send(values);
      }),
    [form, clearFormError],
  );
  /** A dialog that sends `toInput(values)` with `mutation`: FormDialog's submit, alert and state. */
  const dialogFor = <I>(
    mutation: { mutate: (input: I) => void; isPending: boolean },
    toInput: (values: Out) => I,
  ) => ({
    onSubmit: submit((values) => mutation.mutate(toInput(values))),
    formError: serverErrors.formError,
    pending: mutation.isPending,
  });
  return {
    form,
    register: form.register,
    errors: form.formState.errors,
    ...serverErrors,
    submit,
    dialogFor,
  };
}
