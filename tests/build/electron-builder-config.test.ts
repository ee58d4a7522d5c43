// electron-builder.yml is valid for electron-builder and packages only the shell and the renderer:
// never the browser harness, the tests or development data.
import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, loadBuilderConfig, requireCjs } from './support/index';

const schema = JSON.parse(
  readFileSync(requireCjs.resolve('app-builder-lib/scheme.json'), 'utf8'),
) as object;
// The scheme uses electron-builder's own `typeof` keyword (for hook functions): not strict.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

interface FileFilter {
  (
    file: string,
    stat: { isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean },
  ): boolean;
}
/** electron-builder's own matcher for the `files` globs: what it would copy into the app. */
const { FileMatcher } = requireCjs('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (
    from: string,
    to: string,
    expand: (pattern: string) => string,
    patterns: string[],
  ) => { createFilter(): FileFilter };
};

function packagedBy(files: string[]): (relativePath: string) => boolean {
  const filter = new FileMatcher(PROJECT_ROOT, '/packaged', (p) => p, files).createFilter();
  const asFile = { isDirectory: () => false, isFile: () => true, isSymbolicLink: () => false };
  return (relativePath) => filter(path.join(PROJECT_ROOT, relativePath), asFile);
}

describe('electron-builder.yml', () => {
  const config = loadBuilderConfig();

  it("validates against electron-builder's schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check rejects a broken config (it is not vacuous)', () => {
    expect(validate({ ...config, nsis: { oneClick: 'sometimes' } })).toBe(false);
    expect(validate({ ...config, unknownOption: true })).toBe(false);
  });

  it('identifies the app and builds a per-user, assisted NSIS installer for x64', () => {
    expect(config.appId).toBe('org.aruga.app');
    expect(config.productName).toBe('Aruga');
    expect(config.directories).toMatchObject({ output: 'release', buildResources: 'build' });
    expect(config.win).toMatchObject({ target: [{ target: 'nsis', arch: ['x64'] }] });
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      deleteAppDataOnUninstall: false,
    });
  });

  it('writes a CycloneDX bill of materials beside the installer', () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const output = (config.directories as { output: string }).output;
    expect(scripts['dist:win']).toMatch(/&& electron-builder --win nsis && /);
    expect(scripts['dist:win']).toMatch(
      new RegExp(`npm sbom --sbom-format cyclonedx > ${output}/[\\w.-]+\\.cdx\\.json$`),
    );
  });

  it('packs into asar, unpacks native code and never rebuilds it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', 'node_modules/@signalapp/sqlcipher/prebuilds/**']),
    );
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('flips fuses in the afterPack hook only, and the hook exists', () => {
    expect(config).not.toHaveProperty('electronFuses');
    expect(typeof config.afterPack).toBe('string');
    const hook = path.resolve(PROJECT_ROOT, config.afterPack as string);
    expect(path.relative(PROJECT_ROOT, hook)).toBe(path.join('build', 'afterPack.cjs'));
    expect(existsSync(hook)).toBe(true);
  });

  describe('files', () => {
    const files = config.files as string[];
    const packaged = packagedBy(files);

    it('includes only dist/electron, dist/renderer and package.json', () => {
      const includes = files.filter((pattern) => !pattern.startsWith('!'));
      expect(includes.sort()).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json']);
    });

    it('explicitly excludes the harness, the tests and development data', () => {
      expect(files).toEqual(
        expect.arrayContaining([
          '!electron/harness/**',
          '!dist/harness/**',
          '!tests/**',
          '!.dev-data/**',
        ]),
      );
    });

    it.each([
      'package.json',
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/electron/backend-worker.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc123.js',
    ])('packages %s', (file) => {
      expect(packaged(file)).toBe(true);
    });

    it.each([
      'electron/harness/cli.ts',
      'electron/harness/server.ts',
      'dist/harness/server.js',
      'electron/main/main.ts',
      'electron/backend/vault/vault.ts',
      'tests/build/electron-builder-config.test.ts',
      'tests/e2e/fixtures/vault.db',
      '.dev-data/aruga.db',
      '.dev-data/keyring.json',
      'dist/types/node/tsconfig.node.tsbuildinfo',
      'dist/electron/main.cjs.map',
      'renderer/index.html',
      'electron-builder.yml',
    ])('never packages %s', (file) => {
      expect(packaged(file)).toBe(false);
    });

    it('keeps the harness out even if a later include were broadened to dist/**', () => {
      const broadened = packagedBy(['dist/**', ...files.filter((p) => p.startsWith('!'))]);
      expect(broadened('dist/harness/server.js')).toBe(false);
      expect(broadened('dist/electron/main.cjs')).toBe(true);
    });
  });

  describe('the Windows installer', () => {
    const win = config.win as { files?: string[] };

    /**
     * What electron-builder copies of the production node_modules: everything, less the `files`
     * negations of the top level and the platform (its getNodeModuleFileMatcher).
     */
    const shippedModule = packagedBy([
      '**/*',
      ...[...(config.files as string[]), ...(win.files ?? [])].filter((p) => p.startsWith('!')),
    ]);
    const prebuilds = 'node_modules/@signalapp/sqlcipher/prebuilds';

    it('ships only the Windows x64 SQLCipher binary of every prebuild the package carries', () => {
      const platforms = readdirSync(path.join(PROJECT_ROOT, prebuilds));
      expect(platforms).toContain('win32-x64');
      for (const platform of platforms) {
        const binary = `${prebuilds}/${platform}/@signalapp+sqlcipher.node`;
        expect({ binary, shipped: shippedModule(binary) }).toEqual({
          binary,
          shipped: platform === 'win32-x64',
        });
      }
      expect(shippedModule('node_modules/@signalapp/sqlcipher/dist/index.cjs')).toBe(true);
    });

    it('keeps the vault at uninstall unless the plainly worded box is ticked', () => {
      const nsis = config.nsis as { include?: string; deleteAppDataOnUninstall?: boolean };
      expect(nsis.deleteAppDataOnUninstall).toBe(false);
      expect(nsis.include).toBe('build/uninstaller.nsh');
      const script = readFileSync(path.join(PROJECT_ROOT, nsis.include!), 'utf8');
      // A page of the uninstaller with one checkbox, which starts unticked and says what it does.
      expect(script).toMatch(
        /!macro customUnWelcomePage[\s\S]*UninstPage custom un\.ArugaDataPage/,
      );
      const checkbox = /\$\{NSD_CreateCheckbox\}[^\n]*"([^"]+)"\s*\n\s*Pop (\$\w+)/.exec(script);
      expect(checkbox?.[1]).toMatch(/delete all Aruga records.*cannot be recovered/);
      expect(script).toContain(`\${NSD_Uncheck} ${checkbox?.[2]}`);
      expect(script).toMatch(/StrCpy \$ArugaDeleteData \$\{BST_UNCHECKED\}/);
      // The one deletion: the data folder, only when ticked and never during an update.
      const deletions = script.split('\n').filter((line) => /\b(RMDir|Delete)\b/.test(line));
      expect(deletions.map((line) => line.trim())).toEqual(['RMDir /r "$APPDATA\\Aruga"']);
      const uninstall = /!macro customUnInstall\b([\s\S]*?)!macroend/.exec(script)?.[1] ?? '';
      expect(uninstall).toMatch(
        /\$\{If\} \$ArugaDeleteData == \$\{BST_CHECKED\}\s*\n\s*\$\{AndIfNot\} \$\{isUpdated\}\s*\n[^\n]*\n\s*RMDir \/r "\$APPDATA\\Aruga"\s*\n\s*\$\{EndIf\}/,
      );
    });
  });
});
