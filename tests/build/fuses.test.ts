// build/afterPack.cjs flips exactly the fuses the shell requires, on a real fuse wire.
import * as fuses from '@electron/fuses';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AfterPackContext } from 'electron-builder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUIRED_FUSES, afterPack, fuseConfig } from '../../build/afterPack.cjs';
import { PROJECT_ROOT, requireCjs } from './support/index';

const { FuseState, FuseV1Options, FuseVersion } = fuses;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_LENGTH = 9;

/** A stand-in executable: random bytes around Electron's fuse sentinel and a v1 fuse wire. */
function fakeElectronBinary(initial: number[]): Buffer {
  return Buffer.concat([
    Buffer.from('MZ fake executable header '.repeat(40)),
    Buffer.from(SENTINEL),
    Buffer.from([Number(FuseVersion.V1), initial.length, ...initial]),
    Buffer.from(' trailing code '.repeat(40)),
  ]);
}

function contextFor(appOutDir: string): AfterPackContext {
  return {
    appOutDir,
    electronPlatformName: 'win32',
    packager: { appInfo: { productFilename: 'Aruga' } },
  } as unknown as AfterPackContext;
}

describe('afterPack fuses', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aruga-fuses-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('requires exactly the seven fuses of the security checklist', () => {
    expect(REQUIRED_FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds the @electron/fuses config from the library enum, nothing more', () => {
    expect(fuseConfig(fuses)).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('exports the hook under the name electron-builder looks up', () => {
    const loaded = requireCjs(path.join(PROJECT_ROOT, 'build/afterPack.cjs')) as Record<
      string,
      unknown
    >;
    expect(typeof loaded.afterPack).toBe('function');
  });

  it('flips the required fuses in the packaged binary and leaves the others alone', async () => {
    // Electron's defaults: the dangerous ones on, the protective ones off.
    const { DISABLE, ENABLE } = FuseState;
    const initial = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE, ENABLE];
    expect(initial).toHaveLength(WIRE_LENGTH);
    const binary = path.join(dir, 'Aruga.exe');
    const before = fakeElectronBinary(initial);
    await writeFile(binary, before);

    await afterPack(contextFor(dir));

    const wire = await fuses.getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    // Not ours to change: still as shipped.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(DISABLE);
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(ENABLE);
    // Only those seven wire bytes changed; the rest of the executable is untouched.
    const after = await readFile(binary);
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
    expect(changed).toEqual([0, 1, 2, 3, 4, 5, 7].map((i) => wireStart + i));
    expect(after.length).toBe(before.length);
  });

  it('fails the build, changing nothing, when Electron dropped a required fuse', async () => {
    const { DISABLE, ENABLE, REMOVED } = FuseState;
    // Setting a removed fuse is a no-op in Electron, so the protection would silently be gone.
    const initial = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, REMOVED, DISABLE, ENABLE, ENABLE];
    const binary = path.join(dir, 'Aruga.exe');
    const before = fakeElectronBinary(initial);
    await writeFile(binary, before);
    await expect(afterPack(contextFor(dir))).rejects.toThrow(/OnlyLoadAppFromAsar/);
    expect((await readFile(binary)).equals(before)).toBe(true);
  });

  it('fails the build when the fuse wire is too short for a required fuse', async () => {
    const { DISABLE, ENABLE } = FuseState;
    await writeFile(path.join(dir, 'Aruga.exe'), fakeElectronBinary([ENABLE, DISABLE, ENABLE]));
    await expect(afterPack(contextFor(dir))).rejects.toThrow(/no EnableNodeCliInspectArguments/);
  });

  it('fails the build when the executable has no fuse wire', async () => {
    await writeFile(path.join(dir, 'Aruga.exe'), Buffer.from('not electron'));
    await expect(afterPack(contextFor(dir))).rejects.toThrow(/sentinel/);
  });
});
