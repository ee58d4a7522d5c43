// One place for what a placement dialog does with a failed call: NEEDS_OVERRIDE opens the
// "reason for going ahead" part, a CONFLICT is named in words, field errors go to their inputs.
// Nothing typed is cleared.
import { useCallback, useEffect, useState } from 'react';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import type { FormMessage } from '../../../forms/useServerErrors';
import { errorText } from '../../../i18n';
import { clashText, withFormFields } from './errors';

export interface OverrideValues extends FieldValues {
  needsOverride: boolean;
  overrideReason: string;
}

export interface PlacementErrorOptions<T extends OverrideValues> {
  /** Backend field path → form field name. */
  rename: Record<string, Path<T>>;
  /** Backend field key → a plainer key for this dialog. */
  reword?: Record<string, string>;
  timeZone: string;
  /** The bed being asked for, to name it in a clash. */
  bedName: (values: T) => string | null;
}

/** What it builds on: the dialog's useApiForm. */
interface PlacementForm<T extends OverrideValues> {
  form: UseFormReturn<T, unknown, unknown>;
  formError: FormMessage | null;
  showError: (error: unknown) => void;
  setFormError: (message: FormMessage | null) => void;
}

export function usePlacementErrors<T extends OverrideValues>(
  { form, formError, showError, setFormError }: PlacementForm<T>,
  options: PlacementErrorOptions<T>,
) {
  const { t } = useTranslation();
  const { setValue, setFocus, getValues } = form;
  const [clash, setClash] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const { rename, reword, timeZone, bedName } = options;

  // The reason box appears with the warnings: take the user straight to it.
  const asking = warnings.length > 0;
  useEffect(() => {
    if (asking) setFocus('overrideReason' as Path<T>);
  }, [asking, setFocus]);

  const onError = useCallback(
    (error: unknown) => {
      setClash(null);
      if (isApiError(error) && error.code === 'NEEDS_OVERRIDE') {
        setWarnings(error.warnings);
        setValue('needsOverride' as Path<T>, true as PathValue<T, Path<T>>);
        setFormError({ key: error.message });
        return;
      }
      if (isApiError(error) && error.code === 'CONFLICT') {
        const words = clashText(t, error, { bed: bedName(getValues()), timeZone });
        if (words) {
          setFormError(null);
          setClash(words);
          return;
        }
      }
      showError(withFormFields(error, rename, reword));
    },
    [t, bedName, getValues, timeZone, rename, reword, setValue, setFormError, showError],
  );

  const clear = useCallback(() => {
    setFormError(null);
    setClash(null);
  }, [setFormError]);

  /** A different shelter or bed may break no rule: ask again only if the backend does. */
  const resetOverride = useCallback(() => {
    setWarnings([]);
    setValue('needsOverride' as Path<T>, false as PathValue<T, Path<T>>);
  }, [setValue]);

  const alert = clash ?? (formError ? errorText(formError.key, 'internal') : null);
  return { alert, warnings, onError, clear, resetOverride };
}
