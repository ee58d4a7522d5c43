// Each account's own language: saved in the vault with the account, audited, returned with the
// session, and remembered on this computer for the next sign-in screen.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREFERENCES_NAME, rememberLanguage } from '../../electron/backend/preferences';
import { ADMIN, addUser, backendAt, fails, newVault, ok, signIn, tempFolder } from './support';

describe("a user's language", () => {
  it('is saved with the account, survives sign-out, and the sign-in screen follows the last one', async () => {
    const { folder, backend, admin } = await newVault();
    expect(admin.language).toBe('en');
    expect((await ok(backend, 'app.status', {})).language).toBe('en');

    const chosen = await ok(backend, 'account.setLanguage', { language: 'ceb' });
    expect(chosen.language).toBe('ceb');
    const { entries } = await ok(backend, 'audit.list', {
      action: 'account.setLanguage',
      limit: 5,
    });
    expect(entries[0]).toMatchObject({ targetType: 'user', targetId: admin.userId, outcome: 'ok' });

    await ok(backend, 'session.lock', { reason: 'signOut' });
    // Before anyone signs in (even after a restart), this computer's last language.
    expect((await ok(backendAt(folder), 'app.status', {})).language).toBe('ceb');
    expect((await signIn(backend, ADMIN.username, ADMIN.password)).language).toBe('ceb');
  });

  it("is each user's own, and refuses a language Aruga does not have", async () => {
    const { backend } = await newVault();
    const { temporaryPassword } = await addUser(backend, 'coco', 'coordinator');
    expect((await fails(backend, 'account.setLanguage', { language: 'es' })).code).toBe(
      'VALIDATION',
    );
    await ok(backend, 'account.setLanguage', { language: 'fil' });
    await ok(backend, 'session.lock', { reason: 'signOut' });
    const coco = await signIn(backend, 'coco', temporaryPassword);
    expect(coco.language).toBe('en');
    // Signing in sets the computer's language to the one who signed in.
    expect((await ok(backend, 'app.status', {})).language).toBe('en');
  });

  it('is written to this computer only when it changes', () => {
    const folder = tempFolder();
    const file = join(folder, `${PREFERENCES_NAME}.json`);
    rememberLanguage(folder, 'fil');
    const written = statSync(file).ino;
    rememberLanguage(folder, 'fil');
    // The file is replaced whole at each write (a new inode): the same language left it alone.
    expect(statSync(file).ino).toBe(written);
    rememberLanguage(folder, 'ceb');
    expect(statSync(file).ino).not.toBe(written);
  });
});
