// Command-line options of the shell. Pure, so tests can cover it without Electron.
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The `--data <folder>` override, resolved against the working directory, or null. `argv` is
 * what follows the executable (and, in development, the app path). Unknown switches (Chromium's
 * own) are ignored.
 */
export function dataFolderOverride(argv: readonly string[]): string | null {
  const { values } = parseArgs({
    args: [...argv],
    options: { data: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const data = values.data;
  return typeof data === 'string' && data.trim() !== '' ? path.resolve(data) : null;
}
