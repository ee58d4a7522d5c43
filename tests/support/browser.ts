// Debian's Chromium driven by playwright-core, with a fresh profile per launch.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { makeTempDir, removeDir } from './temp';

export const CHROMIUM_PATH = process.env.ARUGA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** The fresh --user-data-dir of this launch. */
  profileDir: string;
  /** Closes Chromium and removes its profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Where to create the profile (and Chromium's own temp files); defaults to os.tmpdir(). */
  parentDir?: string;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const profileDir = await makeTempDir('chromium', options.parentDir);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, TMPDIR: profileDir },
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    acceptDownloads: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profileDir,
    async close() {
      await context.close();
      await removeDir(profileDir);
    },
  };
}

export interface PageErrors {
  /** Console errors, uncaught exceptions and failed requests, in order. */
  readonly messages: string[];
  /** Throws listing every message collected so far. */
  assertNone(): void;
}

/** Collects what a healthy screen never produces: console errors (CSP violations among them). */
export function watchPageErrors(page: Page): PageErrors {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    // Chromium asks for /favicon.ico on its own; the app never does (Electron shows no favicon).
    if (url.endsWith('/favicon.ico')) return;
    messages.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => messages.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Navigation and close abort open requests such as the lock-event stream: not an error.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    messages.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`);
  });
  return {
    messages,
    assertNone() {
      if (messages.length > 0) {
        throw new Error(`The page reported ${messages.length} error(s):\n${messages.join('\n')}`);
      }
    },
  };
}
