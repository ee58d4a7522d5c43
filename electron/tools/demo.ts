// `npm run demo -- [--data <folder>] [--size S|M|L] [--seed n]`: creates a DEMO vault of generated,
// clearly fictional data and prints its accounts. Refuses to touch a folder that holds a vault.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoVault, DEFAULT_DEMO_SEED } from '../backend/demo/demo-vault';
import { DATASET_SIZES, isSizeName, type SizeName } from '../backend/demo/sizes';
import { vaultPresence } from '../backend/vault/vault';

const USAGE = 'Usage: npm run demo -- [--data <folder>] [--size S|M|L] [--seed <integer>]';
const DEFAULT_FOLDER = path.join('.dev-data', 'demo');

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  process.exit(code);
}

function parse(): { folder: string; size: SizeName; seed: number } {
  let values: { data?: string; size?: string; seed?: string };
  try {
    ({ values } = parseArgs({
      options: { data: { type: 'string' }, size: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const size = (values.size ?? 'S').toUpperCase();
  if (!isSizeName(size)) fail(`Unknown --size ${values.size}: use S, M or L.`);
  const seed = Number(values.seed ?? DEFAULT_DEMO_SEED);
  if (!Number.isSafeInteger(seed) || seed < 0)
    fail(`Invalid --seed ${values.seed}: use a whole number.`);
  return { folder: values.data ?? DEFAULT_FOLDER, size, seed };
}

async function main(): Promise<void> {
  const { folder, size, seed } = parse();
  const absolute = path.resolve(folder);
  if (vaultPresence(absolute) === 'present') {
    fail(
      `A vault already exists in ${absolute}; nothing was changed.\n` +
        'Choose another folder with --data <folder>, or delete that folder to start the demo afresh.',
      1,
    );
  }
  const spec = DATASET_SIZES[size];
  process.stdout.write(
    `Creating a DEMO vault (size ${size}: ${spec.children} fictional children, ${spec.shelters} ` +
      `shelters, seed ${seed}) in ${absolute} …\n`,
  );
  const demo = await createDemoVault({ folder: absolute, size, seed });
  const { counts, milliseconds } = demo.dataset;
  const roleWidth = Math.max(...demo.accounts.map((a) => a.role.length)) + 2;
  const userWidth = Math.max(...demo.accounts.map((a) => a.username.length)) + 2;
  const lines = [
    '',
    'DEMO vault ready: every record in it is generated and fictional.',
    `  Folder:  ${absolute}`,
    `  Data:    ${counts.children} children, ${counts.shelters} shelters, ${counts.beds} beds, ` +
      `${counts.placements} placements, ${counts.familyMembers} family members, ` +
      `${counts.reintegrationAssessments} reintegration assessments, ` +
      `${counts.aftercareVisits} follow-up visits, ${counts.households} households, ` +
      `${counts.contacts + counts.incidents} daily log entries, ${counts.documents} documents ` +
      `(generated in ${(milliseconds / 1000).toFixed(1)} s)`,
    '',
    'Fictional demo credentials, for this demo vault only (never reuse them for real data):',
    ...demo.accounts.map(
      (a) => `  ${a.role.padEnd(roleWidth)}${a.username.padEnd(userWidth)}${a.password}`,
    ),
    `  Recovery key: ${demo.recoveryKey}`,
    '',
    'Open it in the browser harness:',
    `  npm run harness -- --data ${folder} --port 5174`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`The demo vault could not be created: ${(error as Error).message}\n`);
  process.exit(1);
});
