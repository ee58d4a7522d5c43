// The harness bridge in a real Chromium, on a tiny fixture app (independent of the renderer):
// window.aruga's shape and timing, calls, lock events, the CSP, and the e2e helpers themselves.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArugaBridge } from '../../shared/bridge';
import { expectNoAxeViolations } from '../support/axe';
import { launchBrowser, watchPageErrors, type BrowserSession } from '../support/browser';
import { expectOk, harnessCall, startTestHarness, type TestHarness } from '../support/harness';
import { makeTempDir, removeDir } from '../support/temp';

/**
 * What the page's global object holds. This project type-checks without DOM typings, so code
 * run in the page reaches `window` as `globalThis as unknown as PageGlobals`.
 */
interface PageGlobals {
  aruga: ArugaBridge;
  /** Set by the fixture app: what it saw of window.aruga when its module ran. */
  arugaAtStart?: string;
  lockEvents?: unknown[];
  stopListening?: () => void;
  inlineRan?: boolean;
}

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Bridge fixture</title>
    <script type="module" crossorigin src="./assets/app.js"></script>
  </head>
  <body><main><h1>Bridge fixture</h1><p id="out">waiting</p></main></body>
</html>`;
const APP_JS = `window.arugaAtStart = typeof window.aruga + ':' + Object.keys(window.aruga ?? {}).join(',');
document.getElementById('out').textContent = 'ready';
`;
const ADMIN = {
  adminDisplayName: 'Bridge Admin',
  adminUsername: 'bridge.admin',
  adminPassword: 'a long and calm sentence 91',
  timeZone: 'Asia/Manila',
};

let fixtureDir: string;
let harness: TestHarness;
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  fixtureDir = await makeTempDir('bridge-fixture');
  await mkdir(path.join(fixtureDir, 'assets'));
  await writeFile(path.join(fixtureDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(fixtureDir, 'assets', 'app.js'), APP_JS);
  harness = await startTestHarness({ rendererDir: fixtureDir });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await harness?.dispose();
  if (fixtureDir) await removeDir(fixtureDir);
});

describe('window.aruga in Chromium', () => {
  it('exists, with exactly the preload shape, before the app module runs', async () => {
    const errors = watchPageErrors(page);
    await page.goto(harness.url);
    await expect.poll(() => page.locator('#out').textContent()).toBe('ready');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).arugaAtStart)).toBe(
      'object:call,output,onLock,onProgress,onSynced',
    );
    const shape = await page.evaluate(() => {
      const window = globalThis as unknown as PageGlobals;
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'aruga');
      return {
        frozen: Object.isFrozen(window.aruga),
        writable: descriptor?.writable,
        configurable: descriptor?.configurable,
        types: Object.entries(window.aruga).map(([k, v]) => `${k}:${typeof v}`),
      };
    });
    expect(shape).toEqual({
      frozen: true,
      writable: false,
      configurable: false,
      types: [
        'call:function',
        'output:function',
        'onLock:function',
        'onProgress:function',
        'onSynced:function',
      ],
    });
    await expectNoAxeViolations(page, 'bridge fixture');
    errors.assertNone();
  });

  it('calls the real backend and returns its envelopes', async () => {
    const status = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).aruga.call('app.status', {}),
    );
    expect(status).toMatchObject({ ok: true, value: { state: 'setup', session: null } });
    const invalid = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).aruga.call('vault.create', { adminUsername: 1 }),
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(invalid)).not.toMatch(/\bat |\.ts\b/);
  });

  it('delivers lock events to onLock listeners until they unsubscribe', async () => {
    const streamOpen = page.waitForResponse((r) => r.url().includes('/__harness/events?'));
    await page.evaluate(() => {
      const window = globalThis as unknown as PageGlobals;
      window.lockEvents = [];
      window.stopListening = window.aruga.onLock((event) => window.lockEvents!.push(event));
      // A second listener keeps the page's event stream open, as the app always does: with none
      // left, the harness takes the page for closed and locks the vault.
      window.aruga.onLock(() => undefined);
    });
    expect((await streamOpen).status()).toBe(200);
    expectOk(await harnessCall(harness, 'vault.create', ADMIN));
    expectOk(await harnessCall(harness, 'session.lock', { reason: 'manual' }));
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).lockEvents))
      .toEqual([{ type: 'locked', reason: 'manual' }]);

    // A lock from the shell side (OS lock or suspend) arrives the same way.
    expectOk(
      await harnessCall(harness, 'auth.signIn', {
        username: ADMIN.adminUsername,
        password: ADMIN.adminPassword,
      }),
    );
    await harness.backend.lock('system');
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).lockEvents!.length))
      .toBe(2);

    await page.evaluate(() => (globalThis as unknown as PageGlobals).stopListening!());
    expectOk(
      await harnessCall(harness, 'auth.signIn', {
        username: ADMIN.adminUsername,
        password: ADMIN.adminPassword,
      }),
    );
    expectOk(await harnessCall(harness, 'session.lock', { reason: 'manual' }));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).lockEvents)).toEqual([
      { type: 'locked', reason: 'manual' },
      { type: 'locked', reason: 'system' },
    ]);
  });

  it('enforces the CSP, and the error watcher reports its violations', async () => {
    const errors = watchPageErrors(page);
    // An inline script, as an injected attacker would add it (a string: no DOM typings here).
    await page.evaluate(`{
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true;';
      document.body.append(script);
    }`);
    await expect.poll(() => errors.messages.length).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).inlineRan),
    ).toBeUndefined();
    expect(errors.messages.join('\n')).toMatch(/Content Security Policy/);
    expect(() => errors.assertNone()).toThrow(/1 error|error\(s\)/);
  });
});

describe('the axe helper', () => {
  it('fails with a readable list of violations', async () => {
    const other = await browser.context.newPage();
    try {
      await other.setContent(
        '<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></body></html>',
      );
      const failure = await expectNoAxeViolations(other, 'broken page').catch((e: Error) => e);
      expect(failure).toBeInstanceOf(Error);
      const message = (failure as Error).message;
      expect(message).toMatch(/on "broken page"/);
      expect(message).toMatch(/image-alt \[critical\]/);
      expect(message).toMatch(/html-has-lang/);
      expect(message).toContain('["img"]');
    } finally {
      await other.close();
    }
  });
});
