// The leak check: after an end-to-end run, no file the app left behind (database,
// -wal, -shm, keyring, preferences, logs, temp files) may hold a string typed in the test, nor
// the plaintext SQLite header. Matching is byte-wise, ASCII case-insensitive, in UTF-8 and UTF-16LE.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const SQLITE_HEADER = 'SQLite format 3';
/** Shorter needles could match ciphertext by chance. */
export const MIN_CANARY_LENGTH = 6;

export interface TreeFile {
  path: string;
  bytes: Buffer;
}

/** Every regular file under `dir`, recursively, with its bytes (symlinks and sockets skipped). */
export async function readTreeBytes(dir: string): Promise<TreeFile[]> {
  const files: TreeFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await readTreeBytes(full)));
    else if (entry.isFile()) files.push({ path: full, bytes: await readFile(full) });
  }
  return files;
}

export interface LeakFinding {
  file: string;
  needle: string;
  encoding: 'utf8' | 'utf16le';
  offset: number;
}

export interface LeakCheckOptions {
  /** Folders to read completely: the data folder and the run's temp folder. */
  roots: readonly string[];
  /** Strings typed during the run (display names, notes, passwords…). */
  canaries: readonly string[];
  /** Also flag an unencrypted SQLite header (default true). */
  forbidSqliteHeader?: boolean;
}

export interface LeakReport {
  /** Every file that was read. */
  files: string[];
  findings: LeakFinding[];
}

export async function findLeaks(options: LeakCheckOptions): Promise<LeakReport> {
  for (const canary of options.canaries) {
    if (canary.length < MIN_CANARY_LENGTH) {
      throw new Error(`Canary "${canary}" is shorter than ${MIN_CANARY_LENGTH} characters`);
    }
  }
  const needles = [...options.canaries];
  if (options.forbidSqliteHeader ?? true) needles.push(SQLITE_HEADER);
  const patterns = needles.flatMap((needle) =>
    (['utf8', 'utf16le'] as const).map((encoding) => ({
      needle,
      encoding,
      bytes: asciiLower(Buffer.from(needle, encoding)),
    })),
  );

  const report: LeakReport = { files: [], findings: [] };
  for (const root of options.roots) {
    for (const file of await readTreeBytes(root)) {
      report.files.push(file.path);
      const haystack = asciiLower(file.bytes);
      for (const { needle, encoding, bytes } of patterns) {
        const offset = haystack.indexOf(bytes);
        if (offset !== -1) report.findings.push({ file: file.path, needle, encoding, offset });
      }
    }
  }
  return report;
}

/** Throws listing every finding; returns the files read so a test can check the coverage. */
export async function assertNoLeaks(options: LeakCheckOptions): Promise<string[]> {
  const { files, findings } = await findLeaks(options);
  if (findings.length > 0) {
    const lines = findings.map(
      (f) => `  ${f.file}: "${f.needle}" (${f.encoding}) at byte ${f.offset}`,
    );
    throw new Error(
      `Leak check found ${findings.length} plaintext match(es):\n${lines.join('\n')}`,
    );
  }
  return files;
}

/** A copy with A–Z lowered, so "Maria" also matches "maria" (usernames are stored lowercased). */
function asciiLower(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.length; i++) {
    const byte = out[i]!;
    if (byte >= 0x41 && byte <= 0x5a) out[i] = byte + 0x20;
  }
  return out;
}
