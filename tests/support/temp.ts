// Temp folders for end-to-end runs, and a scoped TMPDIR so the leak check can read exactly the
// temp files this run's process (and its backend worker) created.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder, by default under the OS temp folder, e.g. /tmp/aruga-data-AbC123. */
export function makeTempDir(label: string, parent: string = os.tmpdir()): Promise<string> {
  return mkdtemp(path.join(parent, `aruga-${label}-`));
}

/** Removes a folder tree; set ARUGA_KEEP_TEST_DIRS=1 to keep it for a post-mortem. */
export async function removeDir(dir: string): Promise<void> {
  if (process.env.ARUGA_KEEP_TEST_DIRS === '1') return;
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

export interface ScopedTempDir {
  /** The folder TMPDIR/TMP/TEMP point at until restore(). */
  dir: string;
  /** The temp folder before scoping: put things here that the leak check must not read. */
  outside: string;
  restore(): void;
}

/**
 * Points TMPDIR, TMP and TEMP at a fresh folder. os.tmpdir() reads them on every call and worker
 * threads copy process.env when they start, so scope before starting the harness. Vitest runs
 * each test file in its own process, so this does not leak into other test files.
 */
export async function scopeTempDir(): Promise<ScopedTempDir> {
  const outside = os.tmpdir();
  const dir = await mkdtemp(path.join(outside, 'aruga-run-tmp-'));
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  for (const name of Object.keys(saved)) process.env[name] = dir;
  return {
    dir,
    outside,
    restore() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}
