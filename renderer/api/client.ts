// The renderer's typed client, derived from the one IPC contract. It unwraps the
// Envelope that window.aruga.call returns and throws a typed ApiError instead.
import type {
  ArugaBridge,
  LockEvent,
  OutputRequest,
  OutputResult,
  ProgressEvent,
} from '../../shared/bridge';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';
import {
  ERROR_CODES,
  type AppErrorShape,
  type Envelope,
  type ErrorCode,
} from '../../shared/errors';

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Field path → i18n key under `errors.`. */
  readonly fields: Record<string, string>;
  readonly retryAfterSeconds: number | null;
  /** Soft rules broken (NEEDS_OVERRIDE), as i18n keys. */
  readonly warnings: string[];
  /** Safe facts naming a clash (CONFLICT). */
  readonly details: Record<string, string | number | null>;

  constructor(shape: AppErrorShape) {
    // `message` is an i18n key under `errors.`, never text meant for people as-is.
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.fields = shape.fields ?? {};
    this.retryAfterSeconds = shape.retryAfterSeconds ?? null;
    this.warnings = shape.warnings ?? [];
    this.details = shape.details ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiClient {
  call<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>>;
  /** Lock events from the backend (idle, OS lock, another window's quick-hide…). */
  onLock(listener: (event: LockEvent) => void): () => void;
  /** How far long calls are (a backup, a restore, a salvage). */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  /** A sync brought other computers' records (an automatic one, or one this window did not start). */
  onSynced(listener: () => void): () => void;
  /** Called whenever a call fails with LOCKED: the backend locked without us hearing about it. */
  onLockedError(listener: () => void): () => void;
  /** Prints or saves a report (a broken bridge answers not done). */
  output(request: OutputRequest): Promise<OutputResult>;
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error as Partial<AppErrorShape> | null;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.message === 'string' &&
    (ERROR_CODES as readonly string[]).includes(error.code ?? '')
  );
}

const INTERNAL: AppErrorShape = { code: 'INTERNAL', message: 'internal' };

export function createApiClient(bridge: ArugaBridge): ApiClient {
  const lockedListeners = new Set<() => void>();

  async function call<N extends ProcedureName>(
    name: N,
    input: ProcedureInput<N>,
  ): Promise<ProcedureOutput<N>> {
    let envelope: unknown;
    try {
      envelope = await bridge.call(name, input);
    } catch {
      // A broken bridge (harness gone, IPC failure) is an internal error, not a crash.
      throw new ApiError(INTERNAL);
    }
    if (!isEnvelope(envelope)) throw new ApiError(INTERNAL);
    if (envelope.ok) return envelope.value as ProcedureOutput<N>;
    const error = new ApiError(envelope.error);
    if (error.code === 'LOCKED') lockedListeners.forEach((listener) => listener());
    throw error;
  }

  return {
    call,
    onLock: (listener) => bridge.onLock(listener),
    onProgress: (listener) => bridge.onProgress(listener),
    onSynced: (listener) => bridge.onSynced(listener),
    output: (request) => bridge.output(request).catch(() => ({ done: false })),
    onLockedError(listener) {
      lockedListeners.add(listener);
      return () => lockedListeners.delete(listener);
    },
  };
}
