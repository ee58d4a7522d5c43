// `npm start [-- --data <folder>] [--port <n>]`: runs Aruga in Electron when its binary is
// available (it is fetched on first start, since .npmrc disables install scripts). Where it
// cannot be had, it says so in one line and serves the same app through the browser harness
// on a development data folder, opening Chromium when there is a display.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHarness } from '../harness/server';
import { installFailureReason, missingDisplayReason } from './electron-availability';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ELECTRON_PACKAGE = path.join(ROOT, 'node_modules', 'electron');
const DEV_DATA = path.join(ROOT, '.dev-data');
const CHROMIUM = '/usr/bin/chromium';
const INSTALL_TIMEOUT_MS = 90_000;

interface Options {
  data?: string;
  port: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid --port: ${values.port}`);
  }
  return { ...(values.data === undefined ? {} : { data: values.data }), port };
}

/** The Electron executable named by node_modules/electron/path.txt, if it is really there. */
function installedElectron(): string | null {
  const pathFile = path.join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(ELECTRON_PACKAGE, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

type ElectronCheck = { binary: string } | { reason: string };

/** Installed, or fetched now by electron's own installer (fails fast without a network). */
function electronBinary(): ElectronCheck {
  const display = missingDisplayReason(process.platform, process.env);
  if (display !== null) return { reason: display };
  const installed = installedElectron();
  if (installed !== null) return { binary: installed };
  const install = spawnSync(process.execPath, [path.join(ELECTRON_PACKAGE, 'install.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
  });
  const binary = install.status === 0 ? installedElectron() : null;
  if (binary !== null) return { binary };
  return {
    reason: installFailureReason({
      status: install.status,
      timedOut: (install.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
      stderr: install.stderr ?? '',
      nodeVersion: process.version,
    }),
  };
}

/** `npm run <script>` in the project, through the npm that started us when there is one. */
function npmRun(script: string): void {
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', script], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync('npm', ['run', script], {
        cwd: ROOT,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

function onStopSignal(stop: () => void): void {
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function runElectron(binary: string, { data }: Options): void {
  npmRun('build');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const args = ['.', ...(data === undefined ? [] : ['--data', path.resolve(data)])];
  const electron = spawn(binary, args, { cwd: ROOT, stdio: 'inherit', env });
  onStopSignal(() => electron.kill('SIGINT'));
  electron.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)));
}

/** Chromium on the harness URL, in a throwaway profile, when a display is available. */
async function openChromium(url: string): Promise<{ close(): Promise<void> } | null> {
  if (!process.env.DISPLAY || !existsSync(CHROMIUM)) return null;
  const profile = await mkdtemp(path.join(os.tmpdir(), 'aruga-chromium-'));
  const args = [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    `--app=${url}`,
  ];
  // Chromium refuses to start as root without this; only ever the case in containers.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  const browser: ChildProcess = spawn(CHROMIUM, args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => {
    browser.once('exit', () => resolve());
    browser.once('error', () => resolve());
  });
  return {
    async close() {
      if (browser.exitCode === null && browser.signalCode === null) browser.kill('SIGTERM');
      await exited;
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function runHarness({ data, port }: Options): Promise<void> {
  npmRun('build:renderer');
  const dataFolder = path.resolve(data ?? DEV_DATA);
  await mkdir(dataFolder, { recursive: true, mode: 0o700 });
  const harness = await startHarness({ dataFolder, port });
  const browser = await openChromium(harness.url);
  process.stdout.write(
    `Aruga is running at ${harness.url} (data in ${path.relative(ROOT, dataFolder) || '.'}). Press Ctrl+C to stop.\n`,
  );

  let stopping = false;
  onStopSignal(() => {
    if (stopping) return;
    stopping = true;
    Promise.all([browser?.close(), harness.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

async function main(): Promise<void> {
  const opts = options();
  const electron = electronBinary();
  if ('binary' in electron) {
    runElectron(electron.binary, opts);
    return;
  }
  process.stdout.write(
    `Electron cannot start here (${electron.reason}); starting Aruga in the browser harness instead.\n`,
  );
  await runHarness(opts);
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${(error as Error).message}\n`);
  process.exit(1);
});
