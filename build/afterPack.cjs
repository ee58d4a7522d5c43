// electron-builder afterPack hook: flips Electron's fuses on the packaged binary.
// CommonJS because electron-builder require()s hooks; @electron/fuses is
// an ES module, hence the dynamic import. electron-builder embeds the asar integrity hash before
// this hook and signs after it, as the fuses require.
'use strict';

const path = require('node:path');

/** The fuses Aruga sets, by their @electron/fuses `FuseV1Options` names. Others keep defaults. */
const REQUIRED_FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // The app is served from app://, never file://: file: pages get no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * The @electron/fuses config for REQUIRED_FUSES, built from the library's own enum so a renamed
 * or removed fuse fails the build instead of being skipped.
 * @param {typeof import('@electron/fuses')} fuses
 * @returns {import('@electron/fuses').FuseConfig}
 */
function fuseConfig(fuses) {
  /** @type {Record<string, unknown>} */
  const config = { version: fuses.FuseVersion.V1 };
  for (const [name, enabled] of Object.entries(REQUIRED_FUSES)) {
    const index = fuses.FuseV1Options[/** @type {keyof typeof fuses.FuseV1Options} */ (name)];
    if (typeof index !== 'number') throw new Error(`@electron/fuses has no fuse named ${name}`);
    config[index] = enabled;
  }
  return /** @type {import('@electron/fuses').FuseConfig} */ (config);
}

/**
 * Where electron-builder put the Electron executable (the same rule as its own fuse support).
 * @param {import('electron-builder').AfterPackContext} context
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'win32') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  }
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  return path.join(appOutDir, /** @type {{ executableName: string }} */ (packager).executableName);
}

/** @param {import('electron-builder').AfterPackContext} context */
async function afterPack(context) {
  const fuses = await import('@electron/fuses');
  const binary = electronBinaryPath(context);
  // A fuse this Electron no longer has would silently not apply: stop and review instead.
  const shipped = await fuses.getCurrentFuseWire(binary);
  for (const name of Object.keys(REQUIRED_FUSES)) {
    const index = fuses.FuseV1Options[/** @type {keyof typeof fuses.FuseV1Options} */ (name)];
    if (shipped[index] === undefined || shipped[index] === fuses.FuseState.REMOVED) {
      throw new Error(
        `Electron at ${binary} has no ${name} fuse; review the fuse list in this hook`,
      );
    }
  }
  await fuses.flipFuses(binary, fuseConfig(fuses));
}

// electron-builder uses the export named after the hook.
module.exports = { afterPack, REQUIRED_FUSES, fuseConfig, electronBinaryPath };
