import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from '../../renderer/api/client';
import type { ArugaBridge } from '../../shared/bridge';
import { FakeBridge } from './support/FakeBridge';
import { ERR, status } from './support/fixtures';

describe('typed API client', () => {
  it('unwraps a successful envelope', async () => {
    const client = createApiClient(new FakeBridge().ok('app.status', status({ demo: true })));
    const value = await client.call('app.status', {});
    expect(value.demo).toBe(true);
  });

  it('throws a typed ApiError carrying code, message key, fields and retryAfterSeconds', async () => {
    const bridge = new FakeBridge()
      .failOnce('users.create', ERR.validation({ username: 'username.taken' }))
      .failOnce('auth.signIn', ERR.backoff(8));
    const client = createApiClient(bridge);
    const created = client.call('users.create', {
      displayName: 'x',
      username: 'x',
      role: 'admin',
      shelterScope: [],
      temporaryPassword: 'x',
    });
    await expect(created).rejects.toBeInstanceOf(ApiError);
    await expect(created).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'validation',
      fields: { username: 'username.taken' },
      retryAfterSeconds: null,
    });
    await expect(
      client.call('auth.signIn', { username: 'a', password: 'b' }),
    ).rejects.toMatchObject({ code: 'BACKOFF', retryAfterSeconds: 8, fields: {} });
  });

  it('turns a broken bridge or a malformed answer into INTERNAL, never a raw error', async () => {
    const throwing: ArugaBridge = {
      call: () => Promise.reject(new Error('socket hang up at /home/secret/stack.js:12')),
      onLock: () => () => undefined,
      onProgress: () => () => undefined,
      onSynced: () => () => undefined,
      output: () => Promise.reject(new Error('socket hang up')),
    };
    await expect(createApiClient(throwing).call('app.status', {})).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'internal',
    });
    const malformed: ArugaBridge = {
      call: () => Promise.resolve({ ok: false, error: { code: 'NOPE', message: 'x' } } as never),
      onLock: () => () => undefined,
      onProgress: () => () => undefined,
      onSynced: () => () => undefined,
      output: () => Promise.resolve({ done: true }),
    };
    await expect(createApiClient(malformed).call('app.status', {})).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    // A broken bridge prints nothing and says so.
    await expect(
      createApiClient(throwing).output({ mode: 'csv', content: 'a', fileName: 'a.csv' }),
    ).resolves.toEqual({ done: false });
  });

  it('tells its listeners when a call finds the vault locked', async () => {
    const client = createApiClient(new FakeBridge().fail('users.list', ERR.locked));
    const listener = vi.fn();
    const off = client.onLockedError(listener);
    await expect(client.call('users.list', {})).rejects.toMatchObject({ code: 'LOCKED' });
    expect(listener).toHaveBeenCalledOnce();
    off();
    await expect(client.call('users.list', {})).rejects.toMatchObject({ code: 'LOCKED' });
    expect(listener).toHaveBeenCalledOnce();
  });
});
