// The failed-unlock back-off, at fixed instants: exact waits, the reset after a good unlock, and
// the failures handed to the audit log exactly once. No vault here (backoff-sign-in.test.ts has
// the one through sign-in), so a mutation run of the back-off loads only the back-off.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fileSystem } from '../../electron/backend/vault/atomic-file';
import {
  Backoff,
  BACKOFF_FILE,
  delaySeconds,
  MAX_BACKOFF_SECONDS,
} from '../../electron/backend/vault/backoff';
import { tempFolder } from './support/standalone';

const T = Date.parse('2026-03-02T08:00:00.000Z');

describe('the documented waits', () => {
  it('1 s after the first failure, doubling, capped at fifteen minutes; none before any failure', () => {
    expect([0, -1, 1, 2, 3, 4, 10, 11].map(delaySeconds)).toEqual([0, 0, 1, 2, 4, 8, 512, 900]);
    expect(MAX_BACKOFF_SECONDS).toBe(900);
    expect(delaySeconds(60)).toBe(900);
  });

  it('three failures at a fixed time wait exactly 4 s, counted down to the second', () => {
    const backoff = new Backoff(tempFolder());
    expect(backoff.retryAfterSeconds(T)).toBe(0);
    expect([1, 2, 3].map(() => backoff.recordFailure('password', { now: T }))).toEqual([1, 2, 4]);
    expect(backoff.retryAfterSeconds(T)).toBe(4);
    expect(backoff.retryAfterSeconds(T + 1)).toBe(4);
    expect(backoff.retryAfterSeconds(T + 1000)).toBe(3);
    expect(backoff.retryAfterSeconds(T + 3001)).toBe(1);
    expect(backoff.retryAfterSeconds(T + 4000)).toBe(0);
    expect(backoff.retryAfterSeconds(T + 60_000)).toBe(0);
  });

  it('the wait runs from the latest failure, and survives a new process', () => {
    const folder = tempFolder();
    new Backoff(folder).recordFailure('password', { now: T });
    new Backoff(folder).recordFailure('recoveryKey', { now: T + 10_000 });
    expect(new Backoff(folder).retryAfterSeconds(T + 10_000)).toBe(2);
    const stored = JSON.parse(readFileSync(join(folder, BACKOFF_FILE), 'utf8')) as unknown;
    expect(stored).toEqual({
      failures: 2,
      lastFailureAt: T + 10_000,
      pending: [
        { at: new Date(T).toISOString(), kind: 'password' },
        { at: new Date(T + 10_000).toISOString(), kind: 'recoveryKey' },
      ],
    });
  });
});

describe('a good unlock resets the back-off', () => {
  it('after a reset the next failure waits exactly 1 s again, and each failure is handed over once', () => {
    const folder = tempFolder();
    const backoff = new Backoff(folder);
    backoff.recordFailure('password', { now: T });
    backoff.recordFailure('password', { now: T + 5000 });
    expect(backoff.takePendingAndReset()).toEqual([
      { at: new Date(T).toISOString(), kind: 'password' },
      { at: new Date(T + 5000).toISOString(), kind: 'password' },
    ]);
    expect(new Backoff(folder).takePendingAndReset()).toEqual([]);
    expect(new Backoff(folder).retryAfterSeconds(T + 5000)).toBe(0);
    expect(new Backoff(folder).recordFailure('password', { now: T + 6000 })).toBe(1);
    expect(new Backoff(folder).retryAfterSeconds(T + 6000)).toBe(1);
  });

  it('a failure audited at once is counted for the wait but not handed over again', () => {
    const backoff = new Backoff(tempFolder());
    backoff.recordFailure('password', { now: T, auditLater: false });
    expect(backoff.retryAfterSeconds(T)).toBe(1);
    backoff.recordFailure('password', { now: T + 2000 });
    expect(backoff.takePendingAndReset()).toEqual([
      { at: new Date(T + 2000).toISOString(), kind: 'password' },
    ]);
  });

  it('failures that were all audited at once are reset too', () => {
    const folder = tempFolder();
    new Backoff(folder).recordFailure('password', { now: T, auditLater: false });
    expect(new Backoff(folder).takePendingAndReset()).toEqual([]);
    expect(new Backoff(folder).recordFailure('password', { now: T + 1000 })).toBe(1);
  });

  it('an unlock with nothing to reset writes nothing: no back-off file appears', () => {
    const folder = tempFolder();
    expect(new Backoff(folder).takePendingAndReset()).toEqual([]);
    expect(existsSync(join(folder, BACKOFF_FILE))).toBe(false);
  });
});

describe('a damaged or future-dated back-off file', () => {
  it('is one longest wait from the moment it is first read, written back so it runs out', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, BACKOFF_FILE), '{"failures": "many"');
    expect(new Backoff(folder).retryAfterSeconds(T)).toBe(MAX_BACKOFF_SECONDS);
    // Another process, 100 s later: the same wait, 100 s shorter.
    expect(new Backoff(folder).retryAfterSeconds(T + 100_000)).toBe(MAX_BACKOFF_SECONDS - 100);
    expect(new Backoff(folder).retryAfterSeconds(T + MAX_BACKOFF_SECONDS * 1000)).toBe(0);
  });

  it('a last failure in the future counts from now, keeping its failures to audit', () => {
    const folder = tempFolder();
    const pending = [{ at: new Date(T + 3_600_000).toISOString(), kind: 'password' }];
    writeFileSync(
      join(folder, BACKOFF_FILE),
      JSON.stringify({ failures: 2, lastFailureAt: T + 3_600_000, pending }),
    );
    expect(new Backoff(folder).retryAfterSeconds(T)).toBe(MAX_BACKOFF_SECONDS);
    expect(new Backoff(folder).takePendingAndReset()).toEqual(pending);
  });

  it('more failures than the longest level keep their count', () => {
    const folder = tempFolder();
    writeFileSync(
      join(folder, BACKOFF_FILE),
      JSON.stringify({ failures: 40, lastFailureAt: T + 1000, pending: [] }),
    );
    new Backoff(folder).retryAfterSeconds(T);
    expect(JSON.parse(readFileSync(join(folder, BACKOFF_FILE), 'utf8'))).toEqual({
      failures: 40,
      lastFailureAt: T,
      pending: [],
    });
  });
});

describe('failures waiting to be audited', () => {
  it('keeps the latest 200, so a flood of guesses cannot grow the file without end', () => {
    // Not durability under test: 205 fsyncs would take seconds on a busy disk.
    vi.spyOn(fileSystem, 'fsyncSync').mockImplementation(() => undefined);
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    const backoff = new Backoff(tempFolder());
    for (let i = 0; i < 205; i += 1) backoff.recordFailure('password', { now: T + i });
    const pending = backoff.takePendingAndReset();
    expect(pending).toHaveLength(200);
    expect(pending[0]!.at).toBe(new Date(T + 5).toISOString());
    expect(pending.at(-1)!.at).toBe(new Date(T + 204).toISOString());
  });
});

describe('a disk that refuses to write', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const refuseWrites = () =>
    vi.spyOn(fileSystem, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });

  it('does not lift the back-off: the failure is kept for as long as this process runs', () => {
    const backoff = new Backoff(tempFolder());
    refuseWrites();
    expect(backoff.recordFailure('password', { now: T })).toBe(1);
    expect(backoff.recordFailure('password', { now: T })).toBe(2);
    expect(backoff.retryAfterSeconds(T)).toBe(2);
    // A good unlock still hands the failures over, though the file cannot be reset.
    expect(backoff.takePendingAndReset()).toHaveLength(2);
  });

  it('keeps a damaged file’s longest wait in memory, running out from its first reading', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, BACKOFF_FILE), 'not json');
    const backoff = new Backoff(folder);
    refuseWrites();
    expect(backoff.retryAfterSeconds(T)).toBe(MAX_BACKOFF_SECONDS);
    expect(backoff.retryAfterSeconds(T + 100_000)).toBe(MAX_BACKOFF_SECONDS - 100);
  });
});
