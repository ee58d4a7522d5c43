// Helpers shared by the build tests: the project root and the parsed electron-builder.yml.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const requireCjs = createRequire(import.meta.url);

/** js-yaml is the parser electron-builder itself reads electron-builder.yml with. */
const jsYaml = requireCjs('js-yaml') as { load(text: string): unknown };

export function loadBuilderConfig(): Record<string, unknown> {
  const text = readFileSync(path.join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8');
  const config = jsYaml.load(text);
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error('electron-builder.yml is not a mapping');
  }
  return config as Record<string, unknown>;
}
