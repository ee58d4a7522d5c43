// The escape hatch (DESIGN.md §2): `npm run recover-key -- --data <folder>` reads the recovery key
// from standard input and prints the raw 256-bit data key, with which the standard `sqlcipher`
// shell opens the database: PRAGMA key = "x'<printed hex>'";
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { unlockWithRecoveryKey } from '../backend/vault/vault';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  if (!values.data) {
    process.stderr.write(
      'Usage: npm run recover-key -- --data <vault folder>  (recovery key on standard input)\n',
    );
    return 2;
  }
  const typed = (await text(process.stdin)).trim();
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
