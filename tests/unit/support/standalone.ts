// What the tests of the small vault modules need, without loading the whole backend: temp
// folders removed after each file, and the tests' cheaper KDF. A mutation-testing run of the
// back-off or the keyring then loads only that module, a second or two per mutant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { TEST_ARGON2ID, type PasswordKdf } from '../../../electron/backend/vault/crypto';

/** A real Argon2id at the tests' cheaper cost, the KDF every slot the tests make uses. */
export const FAST_KDF: PasswordKdf = { alg: 'argon2id', params: TEST_ARGON2ID };

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'aruga-unit-'));
  folders.push(folder);
  return folder;
}
