// Starts the real browser harness in-process for end-to-end tests, and talks to it over HTTP.
import type { Page } from 'playwright-core';
import type { BackendOptions, PasswordKdf } from '../../electron/backend/api';
import { TEST_ARGON2ID } from '../../electron/backend/vault/crypto';
import { startHarness, type Harness, type HarnessOptions } from '../../electron/harness/server';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { nextAnswer } from './bridge-calls';
import { makeTempDir, removeDir } from './temp';

/** Far cheaper than production so key slots are quick to make; same code path. */
export const TEST_KDF: PasswordKdf = { alg: 'argon2id', params: TEST_ARGON2ID };

export interface TestHarness extends Harness {
  dataFolder: string;
  /** Closes the harness and removes the data folder if this helper created it. */
  dispose(): Promise<void>;
}

export interface TestHarnessOptions {
  /** Defaults to a fresh temp folder (removed by dispose()). */
  dataFolder?: string;
  /** Backend options; kdf defaults to TEST_KDF. E.g. `{ idleLockMsOverride: 3000 }`. */
  backend?: Omit<BackendOptions, 'dataFolder'>;
  /** Defaults to dist/renderer (run `npx vite build` first). */
  rendererDir?: string;
  /** Stands in for Electron's print window and save dialog (see reportOutputs in report-pdf.ts). */
  output?: HarnessOptions['output'];
}

export async function startTestHarness(options: TestHarnessOptions = {}): Promise<TestHarness> {
  const ownFolder = options.dataFolder === undefined;
  const dataFolder = options.dataFolder ?? (await makeTempDir('data'));
  try {
    const harness = await startHarness({
      dataFolder,
      backend: { kdf: TEST_KDF, ...options.backend },
      ...(options.rendererDir === undefined ? {} : { rendererDir: options.rendererDir }),
      ...(options.output === undefined ? {} : { output: options.output }),
    });
    return {
      ...harness,
      dataFolder,
      async dispose() {
        await harness.close();
        if (ownFolder) await removeDir(dataFolder);
      },
    };
  } catch (error) {
    if (ownFolder) await removeDir(dataFolder);
    throw error;
  }
}

/** Calls a procedure over the harness's HTTP endpoint (the page's bridge.js uses its socket). */
export async function harnessCall<N extends ProcedureName>(
  harness: Pick<Harness, 'url' | 'token'>,
  name: N,
  input: ProcedureInput<N>,
): Promise<Envelope<ProcedureOutput<N>>> {
  const response = await fetch(new URL('/__harness/call', harness.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Aruga-Token': harness.token },
    body: JSON.stringify({ name, input }),
  });
  return (await response.json()) as Envelope<ProcedureOutput<N>>;
}

/** Unwraps an ok envelope or throws with its error, for test set-up steps. */
export function expectOk<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`Expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

/**
 * Clicks a page's "Sign out" and waits until its `session.lock` call is answered. The renderer
 * shows the sign-in screen before that, so a call made in between could meet a lock still on its
 * way and lose its session.
 */
export async function signOutFully(page: Page): Promise<void> {
  const { answer } = await nextAnswer(page, 'session.lock');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await answer;
  await page.getByRole('heading', { level: 1, name: 'Sign in to Aruga' }).waitFor();
}
