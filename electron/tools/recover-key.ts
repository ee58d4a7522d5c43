// The escape hatch (DESIGN.md §2): `npm run -s recover-key -- --data <folder>` reads the recovery
// key from standard input and prints the raw 256-bit data key alone on one line, with which the
// standard `sqlcipher` shell opens the database: PRAGMA key = "x'<printed hex>'";
// Everything else (prompts, refusals) goes to standard error, so a script can take stdout as is.
import { createInterface } from 'node:readline/promises';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { unlockWithRecoveryKey } from '../backend/vault/vault';

const ASK = 'Enter the recovery key (eight groups, as printed at setup): ';
const TTY_ATTEMPTS = 3;

/** At a terminal, asks on stderr until a key is typed; from a pipe, takes the whole input. */
async function readRecoveryKey(): Promise<string> {
  if (!process.stdin.isTTY) return (await text(process.stdin)).trim();
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    for (let attempt = 0; attempt < TTY_ATTEMPTS; attempt++) {
      const typed = (await prompt.question(ASK)).trim();
      if (typed) return typed;
    }
    return '';
  } finally {
    prompt.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  if (!values.data) {
    process.stderr.write(
      'Usage: npm run -s recover-key -- --data <vault folder>  (recovery key on standard input)\n',
    );
    return 2;
  }
  const typed = await readRecoveryKey();
  if (!typed) {
    process.stderr.write(`No recovery key was given. ${ASK.trim()}\n`);
    return 2;
  }
  try {
    const vault = await unlockWithRecoveryKey(values.data, typed, () => ({
      userId: null,
      deviceId: 'recover-key-cli',
    }));
    vault.audit.append({
      actorId: null,
      action: 'vault.exportDataKey',
      targetType: 'vault',
      targetId: null,
    });
    process.stdout.write(`${vault.exportDataKeyHex()}\n`);
    vault.close();
    return 0;
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    const message =
      code === 'BAD_CREDENTIALS'
        ? 'That recovery key does not open this vault.'
        : code === 'CORRUPT'
          ? 'The vault files are missing or damaged; restore them from a backup.'
          : 'The data key could not be recovered.';
    process.stderr.write(`${message}\n`);
    return 1;
  }
}

process.exitCode = await main();
