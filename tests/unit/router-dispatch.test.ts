// The router every call passes through: what it audits (writes once, reads never, refusals as
// denied), and the exact error key each refusal carries (keys the renderer's catalogue knows).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BackendApi } from '../../electron/backend/api';
import type { CallContext } from '../../electron/backend/runtime/call-context';
import { DOMAINS, type Domain } from '../../electron/backend/runtime/composition';
import {
  ADMIN,
  addUser,
  childInput,
  fails,
  newVault,
  ok,
  signIn,
  signInAsNewUser,
  tempFolder,
} from './support';

const catalogue = JSON.parse(
  readFileSync(new URL('../../renderer/i18n/en.json', import.meta.url), 'utf8'),
) as { errors: Record<string, string> };

async function newest(backend: BackendApi) {
  const { entries } = await ok(backend, 'audit.list', { limit: 1 });
  return entries[0]!;
}

type AnyHandler = (ctx: CallContext, input: never) => unknown;

/** The app's domains, with the named procedures' handlers replaced. */
const replacing = (replaced: Record<string, AnyHandler>): Domain[] =>
  DOMAINS.map((domain) => {
    const made = domain.handlers;
    if (!made) return domain;
    return {
      ...domain,
      handlers: (hooks) => {
        const handlers: Record<string, unknown> = { ...made(hooks) };
        for (const [name, handler] of Object.entries(replaced))
          if (name in handlers) handlers[name] = handler;
        return handlers as ReturnType<typeof made>;
      },
    };
  });

/** What a damaged page makes SQLCipher throw. */
const corrupt = () =>
  Object.assign(new Error('database disk image is malformed'), {
    code: 'SQLITE_CORRUPT',
  });

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
    // A list's element is named by its index.
    expect(
      await fails(backend, 'users.create', {
        displayName: 'Fictional Dana Cruz',
        username: 'dana.fictional',
        role: 'caseworker',
        shelterScope: ['Fictional Home Cebu', ' '],
        temporaryPassword: 'Temp-Dana-Pass-93',
      }),
    ).toEqual({
      code: 'VALIDATION',
      message: 'validation',
      fields: { 'shelterScope.1': 'required' },
    });
    const empty = await fails(backend, 'settings.update', 'not an object');
    expect(empty).toEqual({ code: 'VALIDATION', message: 'validation', fields: { _: 'invalid' } });
    // An unknown key inside a nested object is named by its whole path.
    await signInAsNewUser(backend, 'coord.fictional', 'coordinator');
    const birth = { kind: 'dob', dateOfBirth: '2012-05-04', birthplace: 'Cebu' };
    expect((await fails(backend, 'children.register', childInput({ birth }))).fields).toEqual({
      'birth.birthplace': 'invalid',
    });
  });

  it('a call the role may not make is audited as denied, with who tried and what', async () => {
    const { backend } = await newVault();
    const user = await signInAsNewUser(backend, 'dana.fictional', 'caseworker');
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
    backend.onEvent((e) => e.type === 'locked' && events.push(`${e.type}:${e.reason}`));
    for (let i = 0; i < 4; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      await ok(backend, 'session.touch', undefined);
    }
    expect((await ok(backend, 'app.status', undefined)).state).toBe('unlocked');
    await new Promise((r) => setTimeout(r, 700));
    expect(events).toEqual(['locked:idle']);
  });
});

describe('signing in over an open session', () => {
  it('replaces it: the new session answers, and its first change is saved and audited', async () => {
    const { backend } = await newVault();
    const { temporaryPassword } = await addUser(backend, 'dana.fictional', 'caseworker');
    const session = await signIn(backend, 'dana.fictional', temporaryPassword);
    expect(session).toMatchObject({ username: 'dana.fictional', mustChangePassword: true });
    await ok(backend, 'account.changePassword', {
      currentPassword: temporaryPassword,
      newPassword: 'Final-Dana-Harbor-62',
    });
    await signIn(backend, ADMIN.username, ADMIN.password);
    expect(
      (await ok(backend, 'users.list', {})).find((u) => u.username === 'dana.fictional'),
    ).toMatchObject({ mustChangePassword: false });
  });
});

describe('recovery mode stays open while the administrator is at work', () => {
  it('each attempt at the reset restarts its idle timer, even a refused one; silence locks', async () => {
    const { backend, recoveryKey, admin } = await newVault({ idleLockMsOverride: 400 });
    await ok(backend, 'session.lock', { reason: 'manual' });
    await ok(backend, 'auth.recover', { recoveryKey });
    const events: string[] = [];
    backend.onEvent((e) => e.type === 'locked' && events.push(`${e.type}:${e.reason}`));
    for (let i = 0; i < 4; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      // Too weak a password: refused, but the administrator is there.
      await fails(backend, 'auth.recoveryResetAdmin', { userId: admin.userId, newPassword: 'x' });
    }
    expect((await ok(backend, 'app.status', {})).state).toBe('recovery');
    await new Promise((r) => setTimeout(r, 700));
    expect(events).toEqual(['locked:idle']);
  });
});

describe('a call that fails part-way', () => {
  /** The app's domains, with `users.create` throwing `error` after it has written the user. */
  const failingAfterWrite = (error: () => Error): Domain[] =>
    DOMAINS.map((domain) =>
      domain.name !== 'access'
        ? domain
        : {
            ...domain,
            handlers: (hooks) => {
              const handlers = domain.handlers!(hooks);
              return {
                ...handlers,
                'users.create': async (ctx, input) => {
                  await handlers['users.create']!(ctx, input);
                  throw error();
                },
              };
            },
          },
    );
  const dana = {
    displayName: 'Fictional Dana Cruz',
    username: 'dana.fictional',
    role: 'caseworker',
    shelterScope: [],
    temporaryPassword: 'Temp-Dana-Pass-93',
  };

  it('a full disk is STORAGE and a damaged database CORRUPT, as the renderer words them', async () => {
    const withCode = (code: string) => () => Object.assign(new Error('disk I/O'), { code });
    for (const [code, expected] of [
      ['SQLITE_FULL', { code: 'STORAGE', message: 'diskFull' }],
      ['ENOSPC', { code: 'STORAGE', message: 'diskFull' }],
      ['SQLITE_CORRUPT', { code: 'CORRUPT', message: 'databaseDamaged' }],
      ['SQLITE_NOTADB', { code: 'CORRUPT', message: 'databaseDamaged' }],
    ] as const) {
      const { backend } = await newVault({}, failingAfterWrite(withCode(code)));
      expect(await fails(backend, 'users.create', dana), code).toEqual(expected);
      expect(catalogue.errors[expected.message]).toEqual(expect.any(String));
    }
  });

  it('leaves nothing written nor audited, answers INTERNAL, and logs the error’s kind, not its text', async () => {
    const { backend } = await newVault(
      {},
      failingAfterWrite(() => new TypeError('cannot read Fictional Dana Cruz')),
    );
    const before = await newest(backend);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const refused = await fails(backend, 'users.create', dana);
      expect(refused).toEqual({ code: 'INTERNAL', message: 'internal' });
      expect(logged.mock.calls).toEqual([['[aruga] internal error', 'TypeError']]);
    } finally {
      logged.mockRestore();
    }
    expect(await newest(backend)).toEqual(before);
    expect((await ok(backend, 'users.list', {})).map((u) => u.username)).toEqual([ADMIN.username]);
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect(
      await fails(backend, 'auth.signIn', {
        username: 'dana.fictional',
        password: 'Temp-Dana-Pass-93',
      }),
    ).toMatchObject({ code: 'BAD_CREDENTIALS' });
  });

  it('something thrown that is not an Error is INTERNAL too, logged by its type', async () => {
    const { backend } = await newVault(
      {},
      failingAfterWrite(() => 'Fictional Dana Cruz' as unknown as Error),
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await fails(backend, 'users.create', dana)).toEqual({
        code: 'INTERNAL',
        message: 'internal',
      });
      expect(logged.mock.calls).toEqual([['[aruga] internal error', 'string']]);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('what the router audits on the handler’s behalf', () => {
  it('a wrong current password is refused, changes nothing, and is audited once as failed', async () => {
    const { backend, admin } = await newVault();
    const before = await newest(backend);
    expect(
      await fails(backend, 'account.changePassword', {
        currentPassword: 'Not-The-Admin-Pass-1',
        newPassword: 'Final-Admin-Harbor-62',
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: { currentPassword: 'password.currentWrong' } });
    const { entries } = await ok(backend, 'audit.list', { limit: 10 });
    expect(entries.filter((e) => e.seq > before.seq)).toMatchObject([
      {
        seq: before.seq + 1,
        actorId: admin.userId,
        action: 'account.changePassword',
        outcome: 'failed',
        targetType: 'user',
        targetId: admin.userId,
        detail: { reason: 'currentPasswordWrong' },
      },
    ]);
    // Written for good, outside the refused call's rolled-back work: the next session reads it,
    // and the old password still opens the vault.
    await ok(backend, 'session.lock', { reason: 'manual' });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the one failure's back-off
    await signIn(backend, ADMIN.username, ADMIN.password);
    const after = await ok(backend, 'audit.list', { action: 'account.changePassword', limit: 5 });
    expect(after.entries.map((e) => [e.seq, e.outcome])).toEqual([[before.seq + 1, 'failed']]);
  });

  it('a handler may name its own target and detail, and the router writes them', async () => {
    const { backend } = await newVault();
    const settings = await ok(backend, 'settings.get', {});
    await ok(backend, 'settings.update', { ...settings, idleLockMinutes: 7 });
    expect(await newest(backend)).toMatchObject({
      action: 'settings.update',
      outcome: 'ok',
      targetType: 'settings',
      targetId: null,
      detail: { changed: 'idleLockMinutes' },
    });
  });

  it('a query marked as a view is audited with its target; other queries are not', async () => {
    const { backend, admin } = await newVault();
    const before = await newest(backend);
    await ok(backend, 'reports.staffAccessRequest', { userId: admin.userId });
    await ok(backend, 'users.list', {});
    const { entries } = await ok(backend, 'audit.list', { limit: 10 });
    expect(entries.filter((e) => e.seq > before.seq)).toMatchObject([
      {
        seq: before.seq + 1,
        actorId: admin.userId,
        action: 'reports.staffAccessRequest',
        outcome: 'ok',
        targetType: 'user',
        targetId: admin.userId,
        detail: { report: 'staffAccessRequest' },
      },
    ]);
  });

  it('a sign-in and a new vault are audited once each, by the handler, not again by the router', async () => {
    const { backend, admin } = await newVault();
    const first = await ok(backend, 'audit.list', { limit: 500 });
    expect(first.entries.filter((e) => e.action === 'vault.create')).toHaveLength(1);
    expect(first.entries.filter((e) => e.action === 'auth.signIn')).toMatchObject([
      { detail: { via: 'setup' } },
    ]);
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    const { entries } = await ok(backend, 'audit.list', { action: 'auth.signIn', limit: 5 });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actorId: admin.userId,
      targetType: 'user',
      targetId: admin.userId,
      detail: { via: 'password' },
    });
  });
});

describe('recovery mode', () => {
  it('locks like a session, and opens nothing a signed-in role would', async () => {
    const { backend, recoveryKey } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    await ok(backend, 'auth.recover', { recoveryKey });
    for (const name of ['users.list', 'settings.get', 'audit.list', 'session.touch'] as const)
      expect({ name, error: await fails(backend, name, {}) }).toEqual({
        name,
        error: { code: 'LOCKED', message: 'locked' },
      });
    const events: string[] = [];
    backend.onEvent((e) => e.type === 'locked' && events.push(e.reason));
    expect(await ok(backend, 'session.lock', { reason: 'manual' })).toBeNull();
    expect(events).toEqual(['manual']);
    expect((await ok(backend, 'app.status', {})).state).toBe('locked');
  });
});

describe('calls that cannot run inside the call’s one transaction', () => {
  it('a backup, a key rotation, sharing and a join file for a new computer run outside it', async () => {
    const { backend } = await newVault();
    const before = await newest(backend);
    const folder = tempFolder();
    await ok(backend, 'backup.create', { folder: tempFolder() });
    await ok(backend, 'vault.rotateKey', {});
    await ok(backend, 'sync.start', { computerName: 'Fictional Office PC' });
    await ok(backend, 'sync.addComputer', {
      computerName: 'Fictional Laptop',
      folder: tempFolder(),
    });
    await ok(backend, 'sync.now', { folder });
    const { entries } = await ok(backend, 'audit.list', { limit: 20 });
    expect(
      entries
        .filter((e) => e.seq > before.seq)
        .map((e) => e.action)
        .reverse(),
    ).toEqual(['backup.create', 'vault.rotateKey', 'sync.start', 'sync.addComputer', 'sync.now']);
  });
});

describe('what the router checks before a handler runs', () => {
  it('a lock with no session open is LOCKED and tells no one', async () => {
    const { backend } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    const events: string[] = [];
    backend.onEvent((e) => events.push(e.type));
    expect(await fails(backend, 'session.lock', { reason: 'manual' })).toEqual({
      code: 'LOCKED',
      message: 'locked',
    });
    expect(events).toEqual([]);
  });

  it('in recovery, an id the input names is checked: only an administrator’s account can be reset', async () => {
    const { backend, recoveryKey, admin } = await newVault();
    const { user } = await addUser(backend, 'dana.fictional', 'caseworker');
    await ok(backend, 'session.lock', { reason: 'manual' });
    await ok(backend, 'auth.recover', { recoveryKey });
    // Refused at the field, by the scope check, before the handler runs.
    expect(
      await fails(backend, 'auth.recoveryResetAdmin', {
        userId: user.id,
        newPassword: 'Final-Dana-Harbor-62',
      }),
    ).toEqual({ code: 'NOT_FOUND', message: 'notFound', fields: { userId: 'notFound' } });
    const session = await ok(backend, 'auth.recoveryResetAdmin', {
      userId: admin.userId,
      newPassword: 'Final-Admin-Harbor-77',
    });
    expect(session).toMatchObject({ userId: admin.userId, role: 'admin' });
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect(await signIn(backend, ADMIN.username, 'Final-Admin-Harbor-77')).toMatchObject({
      userId: admin.userId,
    });
  });
});

describe('what the router gives a handler', () => {
  it('progress reaches the renderer only from a procedure declared to report it', async () => {
    const reporting = replacing({
      'session.touch': (ctx) => {
        ctx.progress(1, 2);
        return null;
      },
    });
    const { backend } = await newVault({}, reporting);
    const events: string[] = [];
    backend.onEvent((e) => events.push(e.type));
    await ok(backend, 'session.touch', {});
    expect(events).toEqual([]);
  });

  it('a mutation whose handler names no target is audited all the same, with no target', async () => {
    const { backend, admin } = await newVault(
      {},
      replacing({ 'settings.update': () => ({ fictional: 'settings' }) }),
    );
    const before = await newest(backend);
    const settings = await ok(backend, 'settings.get', {});
    await ok(backend, 'settings.update', { ...settings, idleLockMinutes: 7 });
    expect(await newest(backend)).toMatchObject({
      seq: before.seq + 1,
      actorId: admin.userId,
      action: 'settings.update',
      outcome: 'ok',
      targetType: null,
      targetId: null,
    });
  });

  it('a reload of the case file the session has open is not audited as another view', async () => {
    const { backend } = await newVault();
    await signInAsNewUser(backend, 'coord.fictional', 'coordinator');
    const child = await ok(backend, 'children.register', childInput());
    await ok(backend, 'children.get', { id: child.id });
    await ok(backend, 'children.get', { id: child.id, reload: true });
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    const { entries } = await ok(backend, 'audit.list', { action: 'children.get', limit: 5 });
    expect(entries).toMatchObject([{ targetType: 'child', targetId: child.id }]);
  });
});

describe('what opens the damaged-vault restore', () => {
  const restoreDamaged = (backend: BackendApi) =>
    fails(backend, 'backup.restoreDamaged', {
      file: join(tempFolder(), 'fictional.arugabackup'),
      unlockWith: 'recoveryKey',
      username: '',
      password: '',
      recoveryKey: 'fictional',
    });
  const salvage = { unlockWith: 'recoveryKey', username: '', password: '', recoveryKey: 'x' };
  const notDamaged = { code: 'CONFLICT', message: 'vaultNotDamaged' };

  it('only a damaged database met with nothing open: not a refusal, nor damage met in a session or over one', async () => {
    const { backend } = await newVault(
      {},
      replacing({
        'users.create': () => {
          throw corrupt();
        },
        // A restore that meets damage after it has locked the vault.
        'backup.restore': (ctx) => {
          ctx.lock('signOut');
          throw corrupt();
        },
        'backup.salvageDamaged': () => {
          throw corrupt();
        },
      }),
    );
    await ok(backend, 'session.lock', { reason: 'manual' });
    // A refusal with nothing open is not damage.
    expect(await restoreDamaged(backend)).toEqual(notDamaged);
    expect(await restoreDamaged(backend)).toEqual(notDamaged);

    await signIn(backend, ADMIN.username, ADMIN.password);
    const dana = { displayName: 'Fictional Dana Cruz', username: 'dana.fictional' };
    expect(
      await fails(backend, 'users.create', {
        ...dana,
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'Temp-Dana-Pass-93',
      }),
    ).toMatchObject({ code: 'CORRUPT' });
    // A public call made over an open session.
    expect(await fails(backend, 'backup.salvageDamaged', salvage)).toMatchObject({
      code: 'CORRUPT',
    });
    expect(
      await fails(backend, 'backup.restore', {
        file: join(tempFolder(), 'fictional.arugabackup'),
        unlockWith: 'password',
        username: ADMIN.username,
        password: ADMIN.password,
        recoveryKey: '',
      }),
    ).toMatchObject({ code: 'CORRUPT' });
    expect((await ok(backend, 'app.status', {})).state).toBe('locked');
    expect(await restoreDamaged(backend)).toEqual(notDamaged);

    // The same damage met with nothing open opens it.
    expect(await fails(backend, 'backup.salvageDamaged', salvage)).toMatchObject({
      code: 'CORRUPT',
    });
    expect(await restoreDamaged(backend)).not.toEqual(notDamaged);
  });
});
