// The transport into the backend worker: inputs are bounded before they are cloned across, and
// every call is answered and forgotten, even one that cannot be sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendApi } from '../../electron/backend/api';
import { PendingCalls, startBackendWorker } from '../../electron/host/backend-host';
import { inputProblem, MAX_INPUT_DEPTH, MAX_INPUT_SIZE } from '../../shared/input-bounds';
import type { Envelope } from '../../shared/errors';
import { FAST_KDF, tempFolder } from './support';

/** `levels` arrays, each inside the one before. */
function nested(levels: number): unknown {
  const outer: unknown[] = [];
  let inner = outer;
  for (let i = 1; i < levels; i += 1) {
    const next: unknown[] = [];
    inner.push(next);
    inner = next;
  }
  return outer;
}

const UNSENT: Envelope<never> = { ok: false, error: { code: 'VALIDATION', message: 'validation' } };

describe('input bounds', () => {
  it('lets every ordinary input through', () => {
    expect(inputProblem({})).toBeNull();
    expect(inputProblem(undefined)).toBeNull();
    expect(
      inputProblem({
        legalName: 'Fictional Maria Santos',
        birth: { kind: 'dob', dateOfBirth: '2012-05-04' },
        languages: ['Cebuano', 'Filipino'],
        account: 'x'.repeat(20_000),
        limit: 50,
        livesInHousehold: false,
        childId: null,
      }),
    ).toBeNull();
    expect(inputProblem({ input: nested(MAX_INPUT_DEPTH - 1) })).toBeNull();
  });

  it('refuses nesting past the bound, huge inputs, cycles and anything but plain data', () => {
    expect(inputProblem(nested(MAX_INPUT_DEPTH + 1))).toBe('tooDeep');
    expect(inputProblem(nested(5_000))).toBe('tooDeep');
    expect(inputProblem({ text: 'x'.repeat(MAX_INPUT_SIZE + 1) })).toBe('tooLarge');
    expect(inputProblem(new Array(MAX_INPUT_SIZE + 1).fill(0))).toBe('tooLarge');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(inputProblem(cyclic)).not.toBeNull();
    for (const value of [new Map(), new Date(), new Uint8Array(4), () => 1, 1n, Symbol('x')]) {
      expect(inputProblem({ value })).toBe('notPlainData');
    }
  });
});

describe('pending calls', () => {
  it('a call that cannot be posted is answered at once and forgotten', async () => {
    const pending = new PendingCalls();
    const answer = await pending.start(() => {
      throw new RangeError('Maximum call stack size exceeded');
    }, UNSENT);
    expect(answer).toEqual(UNSENT);
    expect(pending.size).toBe(0);
  });

  it('a posted call waits for its answer, or for the worker to end, then is forgotten', async () => {
    const pending = new PendingCalls();
    const ids: number[] = [];
    const first = pending.start((id) => ids.push(id), UNSENT);
    const second = pending.start((id) => ids.push(id), UNSENT);
    expect(pending.size).toBe(2);
    pending.settle(ids[0]!, { ok: true, value: 1 });
    expect(await first).toEqual({ ok: true, value: 1 });
    pending.settleAll({ ok: false, error: { code: 'INTERNAL', message: 'internal' } });
    expect(await second).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(pending.size).toBe(0);
  });
});

describe('the backend worker', () => {
  let backend: BackendApi;
  beforeAll(async () => {
    backend = await startBackendWorker({ dataFolder: tempFolder(), kdf: FAST_KDF });
  });
  afterAll(() => backend.close());

  it('answers a deeply nested or huge input with VALIDATION, and keeps answering', async () => {
    // 5,000 levels make structured cloning throw: this one must never reach postMessage.
    for (const input of [nested(5_000), { input: nested(100) }, 'x'.repeat(2 * MAX_INPUT_SIZE)]) {
      const envelope = await backend.call('app.status', input);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await backend.call('app.status', {})).toMatchObject({
      ok: true,
      value: { state: 'setup' },
    });
  });
});
