/** Typed error codes: the only failure information that ever crosses to the renderer. */
export const ERROR_CODES = [
  'VALIDATION',
  'FORBIDDEN',
  'LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'NEEDS_OVERRIDE',
  'BAD_CREDENTIALS',
  'BACKOFF',
  'PASSWORD_CHANGE_REQUIRED',
  'CORRUPT',
  /** The disk refused a write (full, or failing): nothing was changed. */
  'STORAGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  /** An i18n key under `errors.` — safe to show; never a stack trace or record content. */
  message: string;
  /** Field path → i18n key, for VALIDATION. */
  fields?: Record<string, string>;
  /** Seconds to wait, for BACKOFF. */
  retryAfterSeconds?: number;
  /** For NEEDS_OVERRIDE: the soft rules a placement breaks (i18n keys under `softRule.`). */
  warnings?: string[];
  /** Safe facts that name a clash, e.g. the other placement's case code and dates (CONFLICT). */
  details?: Record<string, string | number | null>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Thrown by services; the router turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code.toLowerCase(),
    readonly extra: Pick<
      AppErrorShape,
      'fields' | 'retryAfterSeconds' | 'warnings' | 'details'
    > = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, ...this.extra };
  }
}
