// One end-to-end run: a scoped temp folder, a data folder, the real harness and a fresh Chromium
// on the app. Everything the leak check must read is kept apart from what it must not (the
// browser profile holds Chromium's own plaintext SQLite files).
import type { Page } from 'playwright-core';
import type { BackendOptions } from '../../electron/backend/api';
import { launchBrowser, watchPageErrors, type BrowserSession, type PageErrors } from './browser';
import type { HarnessOptions } from '../../electron/harness/server';
import { startTestHarness, type TestHarness } from './harness';
import { makeTempDir, removeDir, scopeTempDir } from './temp';

export interface E2eRun {
  harness: TestHarness;
  browser: BrowserSession;
  page: Page;
  errors: PageErrors;
  /** The vault's folder: a leak-check root. */
  dataFolder: string;
  /** TMPDIR of this process and the backend worker during the run: a leak-check root. */
  tempDir: string;
  /** Closes the backend (and its database) but keeps the folders, for the leak check. */
  stopHarness(): Promise<void>;
  /** Closes everything and removes every folder of the run. */
  close(): Promise<void>;
}

export interface E2eRunOptions {
  /** Backend options for the harness (kdf defaults to TEST_KDF), e.g. idleLockMsOverride. */
  backend?: Omit<BackendOptions, 'dataFolder'>;
  /** Open the app in the page (default true). */
  open?: boolean;
  /** Stands in for Electron's print window and save dialog (see reportOutputs). */
  output?: HarnessOptions['output'];
}

export async function startE2eRun(options: E2eRunOptions = {}): Promise<E2eRun> {
  const scope = await scopeTempDir();
  const cleanups: Array<() => Promise<void>> = [
    async () => scope.restore(),
    () => removeDir(scope.dir),
  ];
  const close = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => errors.push(error));
    }
    if (errors.length > 0) throw errors[0];
  };

  try {
    const dataFolder = await makeTempDir('data', scope.outside);
    cleanups.push(() => removeDir(dataFolder));
    const harness = await startTestHarness({
      dataFolder,
      ...(options.backend === undefined ? {} : { backend: options.backend }),
      ...(options.output === undefined ? {} : { output: options.output }),
    });
    cleanups.push(() => harness.dispose());
    const browser = await launchBrowser({ parentDir: scope.outside });
    cleanups.push(() => browser.close());
    const errors = watchPageErrors(browser.page);
    if (options.open ?? true) await browser.page.goto(harness.url);
    return {
      harness,
      browser,
      page: browser.page,
      errors,
      dataFolder,
      tempDir: scope.dir,
      stopHarness: () => harness.close(),
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
