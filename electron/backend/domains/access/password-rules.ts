import { AppError } from '../../../../shared/errors';
import { checkPassword } from '../../../../shared/password-policy';

/** Enforces the shared NIST 800-63B policy; the error names the field so the UI can show it there. */
export function requireAcceptablePassword(
  field: string,
  password: string,
  personal: readonly string[],
): void {
  const verdict = checkPassword(password, personal);
  if (!verdict.ok) {
    throw new AppError('VALIDATION', 'validation', {
      fields: { [field]: `password.${verdict.problem}` },
    });
  }
}
