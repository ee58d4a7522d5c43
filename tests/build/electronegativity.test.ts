// `npm run electronegativity`: electron/ has zero unsuppressed findings, and the
// checker really fails on an insecure shell (so a passing run means something).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './support/index';

const exec = promisify(execFile);
const CHECKER = path.join(PROJECT_ROOT, 'electron', 'tools', 'check-electronegativity.ts');

async function check(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', CHECKER, ...args], {
      cwd: PROJECT_ROOT,
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('electronegativity', () => {
  let insecure: string;
  beforeAll(async () => {
    insecure = await mkdtemp(path.join(os.tmpdir(), 'aruga-eng-'));
    await writeFile(
      path.join(insecure, 'main.ts'),
      [
        "import { BrowserWindow, shell } from 'electron';",
        'const window = new BrowserWindow({',
        '  webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false },',
        '});',
        "window.webContents.on('did-finish-load', () => shell.openExternal(process.argv[2]));",
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await rm(insecure, { recursive: true, force: true });
  });

  it('finds nothing unsuppressed in electron/', async () => {
    const { code, output } = await check();
    expect(output).toContain('electronegativity: no findings in electron');
    expect(code).toBe(0);
  });

  it('fails, naming each finding, on an insecure shell', async () => {
    const { code, output } = await check('--input', insecure);
    expect(code).toBe(1);
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      'CSP_GLOBAL_CHECK',
    ]) {
      expect(output).toContain(id);
    }
  });
});
