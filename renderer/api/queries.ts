// TanStack Query wrappers keyed by procedure name and input: one cache entry per call, and a
// lock drops them all with queryClient.clear().
import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';
import { useApi } from './ApiContext';
import type { ApiError } from './client';

export function queryKey<N extends ProcedureName>(name: N, input: ProcedureInput<N>) {
  return [name, input] as const;
}

/** `gcTime: 0` keeps an answer only while a screen shows it (e.g. a revealed name). */
export type ApiQueryOptions = { gcTime?: number; staleTime?: number; enabled?: boolean };

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

/** One query, named by its procedure and input: what a screen will ask for. */
export type QueryRef = {
  [N in ProcedureName]: readonly [N, ProcedureInput<N>];
}[ProcedureName];

/**
 * Starts queries during render, for parts of the screen that will only mount later (after the
 * answer they are waiting for), so the calls go out together instead of one after another.
 */
export function usePrefetchApiQueries(queries: readonly QueryRef[]): void {
  const api = useApi();
  const queryClient = useQueryClient();
  for (const [name, input] of queries) {
    const key = queryKey(name, input);
    if (queryClient.getQueryState(key)) continue;
    void queryClient.prefetchQuery({
      queryKey: key,
      queryFn: () => api.call(name, input as never),
    });
  }
}

/**
 * A cached answer a write makes stale: every input of a procedure (its name), or one input
 * (`[name, input]`, which also matches entries whose input has more fields).
 */
export type Stale = {
  [N in ProcedureName]: N | readonly [N, Partial<ProcedureInput<N>>];
}[ProcedureName];

/** Marks the answers stale; the ones on screen refetch. */
export function invalidate(queryClient: QueryClient, stale: readonly Stale[]): Promise<unknown> {
  return Promise.all(
    stale.map((entry) =>
      queryClient.invalidateQueries({ queryKey: typeof entry === 'string' ? [entry] : entry }),
    ),
  );
}

type MutationOptions<N extends ProcedureName> = Omit<
  UseMutationOptions<ProcedureOutput<N>, ApiError, ProcedureInput<N>>,
  'mutationFn'
> & {
  /** What a success makes stale (given the answer), marked before `onSuccess` runs. */
  stale?: (output: ProcedureOutput<N>) => readonly Stale[];
};

/** The one way the renderer writes: a procedure, and what its success makes stale. */
export function useApiMutation<N extends ProcedureName>(
  name: N,
  { stale, onSuccess, ...options }: MutationOptions<N> = {},
) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<ProcedureOutput<N>, ApiError, ProcedureInput<N>>({
    mutationFn: (input) => api.call(name, input),
    onSuccess: (...args) => {
      if (stale) void invalidate(queryClient, stale(args[0]));
      return onSuccess?.(...args);
    },
    ...options,
  });
}
