// What every therapy form does with a failed save: NEEDS_OVERRIDE shows the broken rules and
// asks for a reason, field errors go to their inputs, anything else to the form's alert.
// Nothing typed is ever cleared. (A success makes every therapy view stale: see stale.ts.)
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
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useSession } from '../../auth/AuthContext';
import { zodErrorOptions } from '../../forms/schema';
import { useServerErrors } from '../../forms/useServerErrors';
import { refusalText } from './series/clashes';

export interface OverrideValues extends FieldValues {
  overrideReason: string;
}

export function useTherapyForm<T extends OverrideValues, Out>({
  schema,
  defaultValues,
  fields,
}: {
  schema: z.ZodType<Out, T>;
  defaultValues: DefaultValues<T>;
  /** The inputs a backend field error can be shown at. */
  fields: readonly Path<T>[];
}) {
  const form = useForm<T, unknown, Out>({
    resolver: zodResolver(schema, zodErrorOptions),
    defaultValues,
    // Each field says what is wrong as soon as it is left, not only at Save.
    mode: 'onTouched',
  });
  const { formError, showError, setFormError } = useServerErrors(form.setError, fields);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const { setFocus } = form;

  // The reason box appears with the warnings: take the user straight to it.
  const asking = warnings.length > 0;
  useEffect(() => {
    if (asking) setFocus('overrideReason' as Path<T>);
  }, [asking, setFocus]);

  const onError = useCallback(
    (error: unknown) => {
      // A hard conflict is refused and named: what clashes, and when.
      const clash = refusalText(t, error, timeZone);
      if (clash) {
        setFormError(null);
        setRefusal(clash);
        return;
      }
      if (isApiError(error) && error.code === 'NEEDS_OVERRIDE') {
        setWarnings(error.warnings);
        setFormError({ key: 'therapy.needsOverride' });
        return;
      }
      showError(error);
    },
    [setFormError, showError, t, timeZone],
  );

  /** Clears the last attempt's messages before a new one. */
  const clearAlerts = useCallback(() => {
    setFormError(null);
    setRefusal(null);
  }, [setFormError]);

  /** The reason typed so far, if the backend asked for one. */
  const overrideReason = (values: { overrideReason?: unknown }): { overrideReason?: string } => {
    const reason = typeof values.overrideReason === 'string' ? values.overrideReason.trim() : '';
    return asking && reason ? { overrideReason: reason } : {};
  };

  const resetOverride = useCallback(() => {
    setWarnings([]);
    form.setValue('overrideReason' as Path<T>, '' as PathValue<T, Path<T>>);
  }, [form]);

  return {
    form,
    register: form.register,
    errors: form.formState.errors,
    formError,
    setFormError,
    clearAlerts,
    /** A refusal already in words (spread as FormDialog's alertText). */
    refusal,
    warnings,
    onError,
    overrideReason,
    resetOverride,
  };
}
