// The leak-check helper must be able to fail: plant canaries and plaintext SQLite and find them.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertNoLeaks, findLeaks, readTreeBytes } from '../support/leak-check';
import { makeTempDir, removeDir } from '../support/temp';

const CANARY = 'Maria Canary-Santos';
let root: string;

beforeEach(async () => {
  root = await makeTempDir('leak-check');
  await mkdir(path.join(root, 'logs', 'deep'), { recursive: true });
  await writeFile(path.join(root, 'aruga.db'), randomish(4096));
  await writeFile(path.join(root, 'aruga.db-wal'), randomish(2048));
  await writeFile(path.join(root, 'logs', 'deep', 'app.log'), 'started\nsigned in\n');
});

afterEach(async () => {
  await removeDir(root);
});

/** Deterministic bytes with no long ASCII runs, standing in for ciphertext. */
function randomish(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

function planted(text: Buffer): Buffer {
  return Buffer.concat([randomish(1000), text, randomish(1000)]);
}

describe('readTreeBytes', () => {
  it('reads every file, recursively, byte for byte', async () => {
    const files = await readTreeBytes(root);
    expect(files.map((f) => path.relative(root, f.path)).sort()).toEqual([
      'aruga.db',
      'aruga.db-wal',
      path.join('logs', 'deep', 'app.log'),
    ]);
    expect(files.find((f) => f.path.endsWith('aruga.db'))!.bytes).toEqual(randomish(4096));
  });
});

describe('leak check', () => {
  it('passes clean files and reports what it read', async () => {
    const files = await assertNoLeaks({ roots: [root], canaries: [CANARY] });
    expect(files).toHaveLength(3);
  });

  it('finds a UTF-8 canary in a nested file', async () => {
    await writeFile(path.join(root, 'logs', 'deep', 'app.log'), `user ${CANARY} signed in`);
    await expect(assertNoLeaks({ roots: [root], canaries: [CANARY] })).rejects.toThrow(
      /app\.log: "Maria Canary-Santos" \(utf8\)/,
    );
  });

  it('finds a UTF-16LE canary, and one in another letter case, in binary files', async () => {
    await writeFile(path.join(root, 'aruga.db-shm'), planted(Buffer.from(CANARY, 'utf16le')));
    await writeFile(path.join(root, 'keyring.json'), `{"name":"${CANARY.toUpperCase()}"}`);
    const { findings } = await findLeaks({ roots: [root], canaries: [CANARY] });
    expect(findings.map((f) => [path.basename(f.file), f.encoding])).toEqual(
      expect.arrayContaining([
        ['aruga.db-shm', 'utf16le'],
        ['keyring.json', 'utf8'],
      ]),
    );
    expect(findings.find((f) => f.encoding === 'utf16le')!.offset).toBe(1000);
  });

  it('finds non-ASCII canaries', async () => {
    const name = 'Niño Dela Peña';
    await writeFile(path.join(root, 'prefs.json'), planted(Buffer.from(name, 'utf8')));
    await expect(assertNoLeaks({ roots: [root], canaries: [name] })).rejects.toThrow(/prefs\.json/);
  });

  it('flags a plaintext SQLite database, unless told not to', async () => {
    await writeFile(
      path.join(root, 'plain.db'),
      Buffer.from('SQLite format 3\0' + 'x'.repeat(100)),
    );
    await expect(assertNoLeaks({ roots: [root], canaries: [] })).rejects.toThrow(
      /plain\.db: "SQLite format 3"/,
    );
    await expect(
      assertNoLeaks({ roots: [root], canaries: [], forbidSqliteHeader: false }),
    ).resolves.toHaveLength(4);
  });

  it('checks every root and refuses canaries too short to mean anything', async () => {
    const second = await makeTempDir('leak-check-2');
    try {
      await writeFile(path.join(second, 'tmp-123'), CANARY);
      const { findings, files } = await findLeaks({ roots: [root, second], canaries: [CANARY] });
      expect(files).toHaveLength(4);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.file).toBe(path.join(second, 'tmp-123'));
    } finally {
      await removeDir(second);
    }
    await expect(findLeaks({ roots: [root], canaries: ['Ana'] })).rejects.toThrow(/shorter/);
  });

  it('fails loudly on a missing root rather than checking nothing', async () => {
    await expect(
      findLeaks({ roots: [path.join(root, 'nope')], canaries: [CANARY] }),
    ).rejects.toThrow(/ENOENT/);
  });
});
