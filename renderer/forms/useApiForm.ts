// The one form hook: react-hook-form validating with a zod schema (its issues as catalogue keys),
// the backend's field errors put at their inputs and the rest in the form's alert, and a submit
// handler that clears the last attempt's alert. The write itself is a useApiMutation whose
// onError is `showError`, or `onError` where a form also takes refusals in words and soft-rule
// overrides (NEEDS_OVERRIDE: the broken rules are listed and a typed reason is asked for).
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type PathValue,
} from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from '../api/client';
import { zodErrorOptions } from './schema';
import { useServerErrors } from './useServerErrors';

export interface ApiFormOptions<Values extends FieldValues, Out> {
  /** Plain form values in, the procedure's fields (or what the form sends) out. */
  schema: z.ZodType<Out, Values>;
  defaultValues: DefaultValues<Values>;
  /** The inputs a backend field error can be shown at. */
  fields: readonly Path<Values>[];
  /** Each field says what is wrong as soon as it is left, not only at submit. */
  validateOnLeave?: boolean;
  /** An error the form puts into words itself (e.g. a named clash), else null. */
  refusal?: (error: unknown) => string | null;
  /** The alert's key when the backend asks for an override reason (its own message otherwise). */
  overrideAlert?: string;
}

/** The field a form with soft rules keeps the typed reason in. */
const OVERRIDE_REASON = 'overrideReason';

export function useApiForm<Values extends FieldValues, Out>({
  schema,
  defaultValues,
  fields,
  validateOnLeave = false,
  refusal: toRefusal,
  overrideAlert,
}: ApiFormOptions<Values, Out>) {
  const form = useForm<Values, unknown, Out>({
    resolver: zodResolver(schema, zodErrorOptions),
    defaultValues,
    ...(validateOnLeave ? { mode: 'onTouched' as const } : {}),
  });
  const serverErrors = useServerErrors(form.setError, fields);
  const { clearFormError, setFormError, showError } = serverErrors;
  const [refusal, setRefusal] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const { setFocus, setValue } = form;

  // The reason box appears with the warnings: take the user straight to it.
  const asking = warnings.length > 0;
  useEffect(() => {
    if (asking) setFocus(OVERRIDE_REASON as Path<Values>);
  }, [asking, setFocus]);

  /** A failed write: a refusal in words, the rules to override, or field and form errors. */
  const onError = useCallback(
    (error: unknown) => {
      const words = toRefusal?.(error) ?? null;
      if (words) {
        setFormError(null);
        setRefusal(words);
        return;
      }
      if (isApiError(error) && error.code === 'NEEDS_OVERRIDE') {
        setWarnings(error.warnings);
        setFormError({ key: overrideAlert ?? error.message });
        return;
      }
      showError(error);
    },
    [toRefusal, overrideAlert, setFormError, showError],
  );

  /** Clears the last attempt's messages before a new one. */
  const clearAlerts = useCallback(() => {
    clearFormError();
    setRefusal(null);
  }, [clearFormError]);

  /** The reason typed so far, to send only once the backend has asked for one. */
  const overrideReason = (values: { overrideReason?: unknown }): { overrideReason?: string } => {
    const reason = typeof values.overrideReason === 'string' ? values.overrideReason.trim() : '';
    return asking && reason ? { overrideReason: reason } : {};
  };

  /** A changed choice may break no rule: ask again only if the backend does. */
  const resetOverride = useCallback(() => {
    setWarnings([]);
    setValue(OVERRIDE_REASON as Path<Values>, '' as PathValue<Values, Path<Values>>);
  }, [setValue]);

  /** The submit handler: valid values go to `send`, after `clear` (the alert, by default). */
  const submit = useCallback(
    (send: (values: Out) => void, clear: () => void = clearAlerts) =>
      form.handleSubmit((values) => {
        clear();
        send(values);
      }),
    [form, clearAlerts],
  );
  /** A dialog that sends `toInput(values)` with `mutation`: FormDialog's submit, alert and state. */
  const dialogFor = <I>(
    mutation: { mutate: (input: I) => void; isPending: boolean },
    toInput: (values: Out) => I,
  ) => ({
    onSubmit: submit((values) => mutation.mutate(toInput(values))),
    formError: serverErrors.formError,
    alertText: refusal,
    pending: mutation.isPending,
  });
  return {
    form,
    register: form.register,
    errors: form.formState.errors,
    ...serverErrors,
    onError,
    clearAlerts,
    /** A refusal already in words (FormDialog's alertText). */
    refusal,
    warnings,
    overrideReason,
    resetOverride,
    submit,
    dialogFor,
  };
}
