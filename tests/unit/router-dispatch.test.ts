// The router every call passes through: what it audits (writes once, reads never, refusals as
// denied), and the exact error key each refusal carries (keys the renderer's catalogue knows).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BackendApi } from '../../electron/backend/api';
import { ADMIN, addUser, fails, newVault, ok, signIn } from './support';

const catalogue = JSON.parse(
  readFileSync(new URL('../../renderer/i18n/en.json', import.meta.url), 'utf8'),
) as { errors: Record<string, string> };

async function newest(backend: BackendApi) {
  const { entries } = await ok(backend, 'audit.list', { limit: 1 });
  return entries[0]!;
}

describe('the router audits writes once and reads never', () => {
  it('queries leave the log as it was; a mutation adds one entry with its actor and action', async () => {
    const { backend, admin } = await newVault();
    const before = await newest(backend);
    await ok(backend, 'users.list', {});
    await ok(backend, 'settings.get', {});
    await ok(backend, 'audit.verify', {});
    await ok(backend, 'session.touch', {});
    await ok(backend, 'app.status', {});
    await ok(backend, 'audit.list', { limit: 5 });
    expect(await newest(backend)).toEqual(before);

    const user = await ok(backend, 'users.create', {
      displayName: 'Fictional Dana Cruz',
      username: 'dana.fictional',
      role: 'caseworker',
      shelterScope: [],
      temporaryPassword: 'Temp-Dana-Pass-93',
    });
    const written = await newest(backend);
    expect(written).toMatchObject({
      seq: before.seq + 1,
      actorId: admin.userId,
      action: 'users.create',
      outcome: 'ok',
      targetType: 'user',
      targetId: user.id,
    });
  });

  it('a refused mutation writes nothing and audits nothing', async () => {
    const { backend } = await newVault();
    await addUser(backend, 'dana.fictional', 'caseworker');
    const before = await newest(backend);
    const refused = await fails(backend, 'users.create', {
      displayName: 'Fictional Dana Again',
      username: 'dana.fictional',
      role: 'therapist',
      shelterScope: [],
      temporaryPassword: 'Temp-Dana-Pass-94',
    });
    expect(refused.code).toBe('CONFLICT');
    expect(await newest(backend)).toEqual(before);
    expect((await ok(backend, 'users.list', {})).map((u) => u.username).sort()).toEqual([
      ADMIN.username,
      'dana.fictional',
    ]);
  });
});

describe('the router’s refusals carry the documented keys', () => {
  it('unknown procedure, bad input, wrong role, password change pending, locked, not in recovery', async () => {
    const { backend } = await newVault();
    const { temporaryPassword } = await addUser(backend, 'dana.fictional', 'caseworker');
    const refusals = [
      await backend.call('no.such.procedure', {}),
      await backend.call('settings.update', { idleLockMinutes: 'soon' }),
      await backend.call('users.create', { username: 'x', extra: 1 }),
      await backend.call('auth.recoveryResetAdmin', {}),
    ];
    await ok(backend, 'session.lock', { reason: 'manual' });
    refusals.push(await backend.call('settings.get', {}));
    await signIn(backend, 'dana.fictional', temporaryPassword);
    refusals.push(await backend.call('settings.get', {}));
    refusals.push(await backend.call('users.list', {}));
    const shapes = refusals.map((envelope) => (envelope.ok ? 'ok' : envelope.error));
    expect(shapes).toMatchObject([
      { code: 'NOT_FOUND', message: 'notFound' },
      { code: 'VALIDATION', message: 'validation' },
      { code: 'VALIDATION', message: 'validation' },
      { code: 'LOCKED', message: 'notInRecovery' },
      { code: 'LOCKED', message: 'locked' },
      { code: 'PASSWORD_CHANGE_REQUIRED', message: 'passwordChangeRequired' },
      { code: 'FORBIDDEN', message: 'forbidden' },
    ]);
    for (const shape of shapes) {
      if (shape === 'ok') continue;
      expect(catalogue.errors[shape.message], shape.message).toEqual(expect.any(String));
    }
  });

  it('a field error names the field with a catalogue key; an unknown key is reported against itself', async () => {
    const { backend } = await newVault();
    const error = await fails(backend, 'users.create', {
      displayName: 'Fictional Dana Cruz',
      username: 'x!',
      role: 'janitor',
      shelterScope: [],
      temporaryPassword: '',
      nickname: 'D',
    });
    // The first problem with a field is the one shown; zod's own wording becomes 'invalid'.
    expect(error).toEqual({
      code: 'VALIDATION',
      message: 'validation',
      fields: {
        username: 'username.tooShort',
        role: 'invalid',
        temporaryPassword: 'required',
        nickname: 'invalid',
      },
    });
    const empty = await fails(backend, 'settings.update', 'not an object');
    expect(empty).toEqual({ code: 'VALIDATION', message: 'validation', fields: { _: 'invalid' } });
  });

  it('a call the role may not make is audited as denied, with who tried and what', async () => {
    const { backend } = await newVault();
    const { user, temporaryPassword } = await addUser(backend, 'dana.fictional', 'caseworker');
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, 'dana.fictional', temporaryPassword);
    await ok(backend, 'account.changePassword', {
      currentPassword: temporaryPassword,
      newPassword: 'Final-Dana-Harbor-62',
    });
    expect(await fails(backend, 'users.list', {})).toMatchObject({ code: 'FORBIDDEN' });
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    const { entries } = await ok(backend, 'audit.list', { action: 'users.list', limit: 5 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: user.id, outcome: 'denied' });
  });
});

describe('the router keeps an active session open', () => {
  it('every allowed call restarts the idle timer; silence locks', async () => {
    const { backend } = await newVault({ idleLockMsOverride: 400 });
    const events: string[] = [];
    backend.onEvent((e) => events.push(`${e.type}:${e.reason}`));
    for (let i = 0; i < 4; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      await ok(backend, 'session.touch', undefined);
    }
    expect((await ok(backend, 'app.status', undefined)).state).toBe('unlocked');
    await new Promise((r) => setTimeout(r, 700));
    expect(events).toEqual(['locked:idle']);
  });
});
