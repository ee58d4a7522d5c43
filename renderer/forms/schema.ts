// Form-side helpers around the shared zod schemas. Every issue message is an i18n key under
// `errors.`; schemas in shared/ set most of them, this map covers zod's built-in checks.
import type { z } from 'zod';
import { checkPassword } from '../../shared/password-policy';

function issueKey(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'wholeNumber';
      // An empty number input arrives as NaN, an empty select as undefined.
      if (issue.input === undefined || issue.input === '' || Number.isNaN(issue.input)) {
        return 'required';
      }
      return 'invalid';
    case 'invalid_value':
      // An empty select for an enum (z.enum answers invalid_value, not invalid_type).
      return issue.input === undefined || issue.input === '' ? 'required' : 'invalid';
    case 'too_small':
      return issue.origin === 'number' ? 'outOfRange' : 'required';
    case 'too_big':
      return issue.origin === 'number' ? 'outOfRange' : 'tooLong';
    default:
      return 'invalid';
  }
}

/** Pass as zodResolver's second argument. */
export const zodErrorOptions = { error: (issue: z.core.$ZodRawIssue) => issueKey(issue) };

/** Lets object-level password checks run even while another field is still invalid. */
export const alwaysCheck = { when: () => true };

/** Adds the NIST 800-63B strength problem (if any) for `password` at `path`. */
export function addStrengthIssue(
  ctx: z.core.$RefinementCtx,
  path: string,
  password: unknown,
  personal: unknown[],
): void {
  if (typeof password !== 'string' || password === '') return;
  const words = personal.filter((w): w is string => typeof w === 'string');
  const verdict = checkPassword(password, words);
  if (!verdict.ok && verdict.problem) {
    ctx.addIssue({ code: 'custom', path: [path], message: `password.${verdict.problem}` });
  }
}

export function addMismatchIssue(
  ctx: z.core.$RefinementCtx,
  path: string,
  password: unknown,
  confirm: unknown,
): void {
  if (typeof confirm === 'string' && confirm !== '' && confirm !== password) {
    ctx.addIssue({ code: 'custom', path: [path], message: 'password.mismatch' });
  }
}
