// The scaffold every placement dialog shares: the schema validates, a refusal is put into words
// by usePlacementErrors, and a write refreshes every view of placements before `onDone`.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm, type DefaultValues } from 'react-hook-form';
import type { z } from 'zod';
import { zodErrorOptions } from '../../../forms/schema';
import { invalidatePlacements } from '../invalidate';
import {
  usePlacementErrors,
  type OverrideValues,
  type PlacementErrorOptions,
} from './usePlacementErrors';

export function usePlacementForm<T extends OverrideValues, Out>({
  schema,
  defaultValues,
  errors,
  onDone,
}: {
  schema: z.ZodType<Out, T>;
  defaultValues: DefaultValues<T>;
  errors: PlacementErrorOptions<T>;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm<T, unknown, Out>({
    resolver: zodResolver(schema, zodErrorOptions),
    defaultValues,
  });
  const placementErrors = usePlacementErrors(form, errors);
  const { clear } = placementErrors;
  return {
    form,
    register: form.register,
    errors: form.formState.errors,
    ...placementErrors,
    /** The submit handler: valid values go to `send`, with the last attempt's alert cleared. */
    onValid: (send: (values: Out) => void) =>
      form.handleSubmit((values) => {
        clear();
        send(values);
      }),
    /** For the mutation's onSuccess: a placement was written. */
    saved: (message: string) => {
      invalidatePlacements(queryClient);
      onDone(message);
    },
  };
}
