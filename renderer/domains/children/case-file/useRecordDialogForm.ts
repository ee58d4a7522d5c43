// The scaffold every case-record form shares: the form schema validates, the backend's field
// errors land at their inputs, and a save refreshes the child's cached file before `onDone`.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { ProcedureInput, ProcedureName } from '../../../../shared/contract';
import { useApiMutation } from '../../../api/queries';
import { zodErrorOptions } from '../../../forms/schema';
import { useServerErrors } from '../../../forms/useServerErrors';
import { invalidateChild } from '../caseQueries';

interface Options<N extends ProcedureName, Values extends FieldValues, Out> {
  procedure: N;
  /** Plain form values in, the procedure's fields out (see fromForm). */
  schema: z.ZodType<Out, Values>;
  defaultValues: DefaultValues<Values>;
  /** The inputs a backend field error can be shown at. */
  fields: readonly Path<Values>[];
  /** Whose cached file the save makes stale. */
  childId: string;
  toInput: (values: Out) => ProcedureInput<N>;
  onDone: () => void;
}

export function useRecordDialogForm<N extends ProcedureName, Values extends FieldValues, Out>({
  procedure,
  schema,
  defaultValues,
  fields,
  childId,
  toInput,
  onDone,
}: Options<N, Values, Out>) {
  const queryClient = useQueryClient();
  const form = useForm<Values, unknown, Out>({
    resolver: zodResolver(schema, zodErrorOptions),
    defaultValues,
  });
  const { formError, showError, setFormError } = useServerErrors(form.setError, fields);
  const save = useApiMutation(procedure, {
    onSuccess: () => {
      void invalidateChild(queryClient, childId);
      onDone();
    },
    onError: showError,
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    save.mutate(toInput(values));
  });
  return {
    form,
    errors: form.formState.errors,
    register: form.register,
    /** The submit handler, form-level alert and pending state (spread onto FormDialog). */
    dialog: { onSubmit, formError, pending: save.isPending },
  };
}
