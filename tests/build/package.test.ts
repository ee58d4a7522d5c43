// Packs the app for real with electron-builder (linux "dir" target, the fastest), using a
// stand-in Electron distribution since the real binary cannot be downloaded here. Proves what
// the asar really holds, that native code is unpacked, and that electron-builder runs our
// afterPack hook so the fuses are set on the packaged executable.
import * as fuses from '@electron/fuses';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type * as ElectronBuilder from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../electron/tools/build-electron';
import { PROJECT_ROOT, requireCjs } from './support/index';

const builder = requireCjs('electron-builder') as typeof ElectronBuilder;
const asar = requireCjs('@electron/asar') as { listPackage(archive: string): string[] };
const { FuseState, FuseV1Options, FuseVersion } = fuses;

/** A linux Electron distribution whose executable is only a fuse wire in Electron's defaults. */
async function fakeElectronDist(dir: string): Promise<void> {
  const { DISABLE, ENABLE } = FuseState;
  const wire = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE, ENABLE];
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const executable = path.join(dir, 'electron');
  await writeFile(
    executable,
    Buffer.concat([
      Buffer.from('\x7fELF stand-in '.repeat(64)),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([Number(FuseVersion.V1), wire.length, ...wire]),
    ]),
  );
  await chmod(executable, 0o755);
  await writeFile(path.join(dir, 'version'), '45.5.0');
  await writeFile(path.join(dir, 'LICENSE'), 'stand-in');
}

describe('electron-builder packaging', () => {
  let work: string;
  let appOutDir: string;
  let files: string[];

  beforeAll(async () => {
    if (!existsSync(path.join(PROJECT_ROOT, 'dist', 'renderer', 'index.html'))) {
      throw new Error('dist/renderer is missing: run `npm run build:renderer` first');
    }
    await buildElectron();
    work = await mkdtemp(path.join(os.tmpdir(), 'aruga-pack-'));
    await fakeElectronDist(path.join(work, 'electron-dist'));
    await builder.build({
      projectDir: PROJECT_ROOT,
      targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
      config: {
        electronDist: path.join(work, 'electron-dist'),
        directories: { output: path.join(work, 'release') },
      },
    });
    appOutDir = path.join(work, 'release', 'linux-unpacked');
    files = asar.listPackage(path.join(appOutDir, 'resources', 'app.asar'));
  }, 180_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('holds only package.json, the bundles, the renderer and production modules', () => {
    const own = files.filter((file) => !file.startsWith(`${path.sep}node_modules`));
    const allowed = [
      'package.json',
      'dist',
      path.join('dist', 'electron'),
      path.join('dist', 'renderer'),
    ];
    for (const file of own) {
      const relative = file.slice(1);
      const ok =
        allowed.includes(relative) ||
        relative.startsWith(path.join('dist', 'electron') + path.sep) ||
        relative.startsWith(path.join('dist', 'renderer') + path.sep);
      expect(ok, file).toBe(true);
    }
    for (const bundle of ['main.cjs', 'preload.cjs', 'backend-worker.cjs']) {
      expect(own).toContain(path.join(path.sep, 'dist', 'electron', bundle));
    }
    expect(own).toContain(path.join(path.sep, 'dist', 'renderer', 'index.html'));
  });

  it('never packs the harness, sources, tests or development data', () => {
    const leaks = files.filter((file) =>
      /(^|[\\/])(harness|tests|\.dev-data|electron[\\/](main|preload|backend|tools))([\\/]|$)/.test(
        file.replace(/^[\\/]node_modules[\\/].*/, ''),
      ),
    );
    expect(leaks).toEqual([]);
    expect(files.some((file) => file.endsWith('.map'))).toBe(false);
  });

  it('unpacks SQLCipher native code next to the archive', () => {
    const prebuild = path.join(
      appOutDir,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      '@signalapp',
      'sqlcipher',
      'prebuilds',
      'win32-x64',
      '@signalapp+sqlcipher.node',
    );
    expect(existsSync(prebuild)).toBe(true);
  });

  it('sets the fuses on the packaged executable through the afterPack hook', async () => {
    const wire = await fuses.getCurrentFuseWire(path.join(appOutDir, 'aruga'));
    const { DISABLE, ENABLE } = FuseState;
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
  });
});
