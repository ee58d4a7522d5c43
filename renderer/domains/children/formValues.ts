// Form values hold '' for an empty text, date or select; the contract wants an optional field
// left out, and a missing required one answers 'required'.
import type { z } from 'zod';

export function withoutBlanks<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== '' && value !== undefined),
  ) as Partial<T>;
}

/**
 * A form schema from a contract input schema: the form's plain values (strings, '' for empty)
 * first lose their blanks, then the contract's own schema validates them, so the messages and
 * limits are exactly the backend's.
 */
export function fromForm<Values, Out>(
  values: z.ZodType<Values, Values>,
  target: z.ZodType<Out>,
  prepare: (values: Values) => unknown = (v) => withoutBlanks(v as object),
) {
  return values.transform((v): unknown => prepare(v)).pipe(target);
}
