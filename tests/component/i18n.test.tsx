import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import { TEXT_ERROR_KEYS } from '../../shared/text';

// Every key the backend may send (CONTEXT.md / shared/errors.ts) must have words.
const BACKEND_MESSAGE_KEYS = [
  'validation',
  'forbidden',
  'locked',
  'notFound',
  'conflict',
  'badCredentials',
  'backoff',
  'passwordChangeRequired',
  'internal',
  'cannotDisableSelf',
  'userDisabled',
  'vaultExists',
  'recoveryKeyWrong',
  'notInRecovery',
  'keyringDamaged',
  'databaseDamaged',
  'keyringMissing',
  'databaseMissing',
  'backupNotFound',
  'backupUnreadable',
  'backupTooNew',
  'notAdministratorInBackup',
  'vaultNotDamaged',
  'backupVerifyFailed',
  'backupExists',
  'vaultTooNew',
];
const BACKEND_FIELD_KEYS = [
  'required',
  'tooLong',
  'tooMany',
  'invalid',
  'username.tooShort',
  'username.tooLong',
  'username.chars',
  'username.taken',
  'timeZone.invalid',
  'role.ownRole',
  'role.lastAdmin',
  'shelterScope.unknown',
  'password.tooShort',
  'password.tooLong',
  'password.tooGuessable',
  'password.currentWrong',
  'password.sameAsCurrent',
  'recoveryKey.wrong',
  'backup.folderMissing',
  'backup.fileMissing',
];

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('i18n catalogue', () => {
  it('has text for every backend error key', () => {
    for (const key of [...BACKEND_MESSAGE_KEYS, ...BACKEND_FIELD_KEYS, ...TEXT_ERROR_KEYS]) {
      expect(i18next.exists(`errors.${key}`), key).toBe(true);
    }
  });

  it('uses the exact sign-in wording the issue asks for', () => {
    expect(i18next.t('errors.badCredentials')).toBe("That username and password don't match.");
    expect(i18next.t('errors.backoff', { count: 12 })).toBe(
      'Too many attempts. Try again in 12 seconds.',
    );
  });

  it('never says "victim" and has no empty strings', () => {
    for (const [key, text] of leaves(en)) {
      expect(text.trim(), key).not.toBe('');
      expect(text.toLowerCase(), key).not.toContain('victim');
    }
  });
});
