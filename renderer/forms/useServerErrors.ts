// Puts a backend error where it belongs: each `fields[path]` at its form field (so it shows next
// to the input), everything else in the form-level alert.
import { useCallback, useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../api/client';

export interface FormMessage {
  key: string;
  count?: number;
}

/** The form-level message for an error that has no field to sit at. */
export function messageFor(error: unknown): FormMessage {
  return isApiError(error) ? { key: error.message } : { key: 'internal' };
}

export function useServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldNames: readonly Path<T>[],
) {
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const namesKey = fieldNames.join('\n');

  const showError = useCallback(
    (error: unknown): void => {
      if (!isApiError(error)) {
        setFormError({ key: 'internal' });
        return;
      }
      const names = namesKey.split('\n');
      let unplaced = false;
      let first = true;
      for (const [path, key] of Object.entries(error.fields)) {
        // "shelterScope.2" belongs to the shelterScope control.
        const name = names.find((n) => path === n || path.startsWith(`${n}.`));
        if (!name) {
          unplaced = true;
          continue;
        }
        setError(name as Path<T>, { type: 'server', message: key }, { shouldFocus: first });
        first = false;
      }
      const placedAll = Object.keys(error.fields).length > 0 && !unplaced;
      setFormError(placedAll ? { key: 'validation' } : { key: error.message });
    },
    [setError, namesKey],
  );

  const clearFormError = useCallback(() => setFormError(null), []);
  return { formError, showError, clearFormError, setFormError };
}
