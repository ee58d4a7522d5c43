// 50 SIGKILLs of a child process in the middle of real writes (records, placements, user changes,
// key rotations): after each, the vault opens, passes both integrity checks and the audit chain
// check, and holds every write the child acknowledged. `npm run bench -- --crash` runs 1,000.
import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../crash/crash-test';
import { tempFolder } from './support';

describe('crash safety', () => {
  it('loses no acknowledged write and corrupts nothing over 50 kills', async () => {
    const report = await runCrashTest({ trials: 50, seed: 2026, folder: tempFolder() });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ trials: 50, kills: 50, corruptions: 0, lostWrites: 0 });
    // The kills landed in the middle of work, not only before the first write.
    expect(report.acknowledged).toBeGreaterThan(50);
    console.info('[crash test]', JSON.stringify(report));
  }, 300_000);
});
