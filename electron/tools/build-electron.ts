// `npm run build:electron`: bundles the shell for Electron with esbuild.
//   electron/main/main.ts       → dist/electron/main.cjs         (package.json "main")
//   electron/preload/preload.ts → dist/electron/preload.cjs      (sandboxed preloads must be CJS)
//   electron/backend/worker.ts  → dist/electron/backend-worker.cjs
import { build, type BuildOptions } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUT_DIR = path.join(PROJECT_ROOT, 'dist', 'electron');

export const ENTRY_POINTS = {
  main: 'electron/main/main.ts',
  preload: 'electron/preload/preload.ts',
  'backend-worker': 'electron/backend/worker.ts',
} as const;

/**
 * Loaded at run time: Electron itself, and SQLCipher's native addon from node_modules. Everything
 * else is bundled, so ESM-only libraries (conf, electron-store) become CommonJS at build time
 * rather than going through require() of an ES module at run time.
 */
export const EXTERNALS = ['electron', '@signalapp/sqlcipher'];

/** Shared esbuild options for one entry; tests reuse them to bundle the preload in memory. */
export function bundleOptions(entry: keyof typeof ENTRY_POINTS): BuildOptions {
  return {
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [ENTRY_POINTS[entry]],
    outfile: path.join(OUT_DIR, `${entry}.cjs`),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: EXTERNALS,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Sources are ES modules; give `import.meta.url` its CommonJS meaning in the Node bundles.
    // Not in the preload: a sandboxed preload's require() offers little beyond 'electron'.
    ...(entry === 'preload'
      ? {}
      : {
          define: { 'import.meta.url': '__importMetaUrl' },
          banner: {
            js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;",
          },
        }),
  };
}

export async function buildElectron(): Promise<void> {
  for (const entry of Object.keys(ENTRY_POINTS) as (keyof typeof ENTRY_POINTS)[]) {
    if (!existsSync(path.join(PROJECT_ROOT, ENTRY_POINTS[entry]))) {
      process.stderr.write(`build:electron: ${ENTRY_POINTS[entry]} does not exist yet, skipped\n`);
      continue;
    }
    await build(bundleOptions(entry));
    process.stdout.write(`build:electron: dist/electron/${entry}.cjs\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildElectron().catch((error: unknown) => {
    process.stderr.write(`build:electron failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
