// `npm run harness -- --data <folder> [--port <n>]`: serves Aruga to a browser on 127.0.0.1.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server';

const USAGE = 'Usage: npm run harness -- --data <folder> [--port <n>]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(): { dataFolder: string; port: number } {
  let values: { data?: string; port?: string };
  try {
    ({ values } = parseArgs({
      options: { data: { type: 'string' }, port: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.data)
    fail('Missing --data <folder>: the folder that holds (or will hold) the vault.');
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Invalid --port: ${values.port}`);
  return { dataFolder: path.resolve(values.data), port };
}

async function main(): Promise<void> {
  const { dataFolder, port } = parse();
  await mkdir(dataFolder, { recursive: true, mode: 0o700 });
  const harness = await startHarness({ dataFolder, port });

  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(1); // a second signal: give up waiting
    stopping = true;
    harness.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(`Aruga harness ready at ${harness.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Aruga harness failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
