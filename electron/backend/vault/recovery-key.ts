// The recovery key: 160 random bits in Crockford base32, shown as 8 groups of 4 for reading aloud.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_GROUPS = 8;
const LENGTH = RECOVERY_KEY_GROUPS * 4;

export function generateRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  bytes.fill(0);
  return formatRecoveryKey(out);
}

function formatRecoveryKey(compact: string): string {
  return compact.match(/.{4}/g)!.join('-');
}

/** Accepts any spacing, dashes and case, and Crockford's look-alikes (O→0, I/L→1). Null if malformed. */
export function normalizeRecoveryKey(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return formatRecoveryKey(compact);
}
