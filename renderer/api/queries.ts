// TanStack Query wrappers keyed by procedure name and input: one cache entry per call, and a
// lock drops them all with queryClient.clear().
import {
  useMutation,
  usePrefetchQuery,
  useQuery,
  type UseMutationOptions,
} from '@tanstack/react-query';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';
import { useApi } from './ApiContext';
import type { ApiError } from './client';

export function queryKey<N extends ProcedureName>(name: N, input: ProcedureInput<N>) {
  return [name, input] as const;
}

/** `gcTime: 0` keeps an answer only while a screen shows it (e.g. a revealed name). */
export type ApiQueryOptions = { gcTime?: number; staleTime?: number };

export function useApiQuery<N extends ProcedureName>(
  name: N,
  input: ProcedureInput<N>,
  options: ApiQueryOptions = {},
) {
  const api = useApi();
  return useQuery<ProcedureOutput<N>, ApiError>({
    queryKey: queryKey(name, input),
    queryFn: () => api.call(name, input),
    ...options,
  });
}

/** Starts a query now, for a part of the screen that will only mount later. */
export function usePrefetchApiQuery<N extends ProcedureName>(name: N, input: ProcedureInput<N>) {
  const api = useApi();
  usePrefetchQuery<ProcedureOutput<N>, ApiError>({
    queryKey: queryKey(name, input),
    queryFn: () => api.call(name, input),
  });
}

export function useApiMutation<N extends ProcedureName>(
  name: N,
  options: Omit<
    UseMutationOptions<ProcedureOutput<N>, ApiError, ProcedureInput<N>>,
    'mutationFn'
  > = {},
) {
  const api = useApi();
  return useMutation<ProcedureOutput<N>, ApiError, ProcedureInput<N>>({
    mutationFn: (input) => api.call(name, input),
    ...options,
  });
}
