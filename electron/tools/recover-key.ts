// The escape hatch: `npm run -s recover-key -- --data <folder>` reads the recovery
// key from standard input and prints the raw 256-bit data key alone on one line, with which the
// standard `sqlcipher` shell opens the database: PRAGMA key = "x'<printed hex>'";
// Everything else (prompts, refusals) goes to standard error, so a script can take stdout as is.
// The key comes from the keyring and the recovery key alone, so a damaged database cannot stop
// it; whether the database then opens with that key is reported separately, on standard error.
import { createInterface } from 'node:readline/promises';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { checkPages } from '../backend/db/sqlcipher';
import { unwrapWithRecoveryKey } from '../backend/vault/vault';
import { SCHEMA } from '../backend/runtime/composition';

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
  let key;
  try {
    key = await unwrapWithRecoveryKey(values.data, typed);
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
  // Taken before opening: a failed open zeroes every key it tried.
  const fromKeyring = key.dataKeyHex;
  let opened: string | null = null;
  let report: string;
  try {
    const vault = key.open(SCHEMA, () => ({ userId: null, deviceId: 'recover-key-cli' }));
    try {
      // An interrupted rotation's pending keyring may be the one that fits.
      opened = vault.exportDataKeyHex();
      const sound = checkPages(vault.db);
      vault.audit.append({
        actorId: null,
        action: 'vault.exportDataKey',
        targetType: 'vault',
        targetId: null,
      });
      report = sound
        ? 'The database opens with this key.'
        : 'The database opens with this key, but some of its pages are damaged.';
    } finally {
      vault.close();
    }
  } catch (error) {
    report =
      error instanceof AppError && error.message === 'vaultInUse'
        ? 'The database was not checked: this vault is open elsewhere (close Aruga first).'
        : 'The database does NOT open with this key: it is damaged, or belongs to another keyring. The key above is still the one the keyring holds.';
  }
  process.stdout.write(`${opened ?? fromKeyring}\n`);
  process.stderr.write(`${report}\n`);
  return 0;
}

process.exitCode = await main();
