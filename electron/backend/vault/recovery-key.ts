// The recovery key: 160 random bits in Crockford base32, shown as 8 groups of 4 for reading aloud.
// A join's one-time code (domains/sync/join-file.ts) is the same kind of code, shorter.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_GROUPS = 8;

/**
 * `groups` groups of four Crockford base32 characters, 20 random bits each (`groups` is even, so
 * the bits fill whole bytes).
 */
export function generateGroupedCode(groups: number): string {
  const bytes = randomBytes((groups * 20) / 8);
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
  return formatGroups(out);
}

function formatGroups(compact: string): string {
  return compact.match(/.{4}/g)!.join('-');
}

/** Accepts any spacing, dashes and case, and Crockford's look-alikes (O→0, I/L→1). Null if malformed. */
export function normalizeGroupedCode(typed: string, groups: number): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== groups * 4 || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return formatGroups(compact);
}

export function generateRecoveryKey(): string {
  return generateGroupedCode(RECOVERY_KEY_GROUPS);
}

export function normalizeRecoveryKey(typed: string): string | null {
  return normalizeGroupedCode(typed, RECOVERY_KEY_GROUPS);
}
