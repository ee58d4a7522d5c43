// `npm run electronegativity`: runs @doyensec/electronegativity over electron/ (or `--input
// <dir>`) through its run() API (its CLI exits 0 even with findings) and exits 1 on any
// unsuppressed finding or any file it could not parse. Suppress a genuine false positive on its
// line with `// eng-disable CHECK_ID`, and say why in a comment next to it.
//
// Offline behaviour: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list
// from GitHub and silently passes when that fails; it is excluded so the result never depends
// on the network (Electron upgrades are tracked through npm instead). The tool also fetches
// updated UI translations on start-up; that request is answered locally with a failure, which
// the tool handles by using its bundled English strings.
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_INPUT = path.join(PROJECT_ROOT, 'electron');
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

interface Level {
  name: string;
}
interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: Level;
  confidence: Level;
  manualReview: boolean;
  shortenedURL?: string;
}
interface ParseError {
  file: string;
  message: string;
  tolerable: boolean;
}
interface Result {
  globalChecks: number;
  atomicChecks: number;
  errors: ParseError[];
  issues: Issue[];
}
type Run = (options: {
  input: string;
  isRelative?: boolean;
  electronVersionOverride?: string;
  excludeFromScan?: string[];
}) => Promise<Result>;

const require = createRequire(import.meta.url);

/** Answers the tool's translation download locally (it falls back to its bundled strings). */
function keepTranslationsOffline(): void {
  const i18nFile = path.join('electronegativity', 'dist', 'locales', 'i18n.js');
  const loader = Module as unknown as {
    _load(request: string, parent: { filename?: string } | undefined, isMain: boolean): unknown;
  };
  const original = loader._load.bind(loader);
  loader._load = (request, parent, isMain) => {
    if (request === 'got' && parent?.filename?.endsWith(i18nFile)) {
      return () => Promise.reject(new Error('offline: translations are not downloaded'));
    }
    return original(request, parent, isMain);
  };
}

function describe(issue: Issue): string {
  const review = issue.manualReview ? ', review required' : '';
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
  return `${issue.id} at ${where} (${issue.severity.name}/${issue.confidence.name}${review}): ${issue.description} ${issue.shortenedURL ?? ''}`.trim();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { input: { type: 'string' } } });
  const input = path.resolve(values.input ?? DEFAULT_INPUT);
  const label = path.relative(PROJECT_ROOT, input) || '.';
  keepTranslationsOffline();
  const run = require('@doyensec/electronegativity') as Run;
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const result = await run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED_CHECKS,
  });

  const unparsed = result.errors.filter((error) => !error.tolerable);
  for (const error of result.errors) {
    const kind = error.tolerable ? 'parser warning' : 'could not parse';
    process.stdout.write(`${kind}: ${error.file}: ${error.message}\n`);
  }
  for (const issue of result.issues) process.stdout.write(`${describe(issue)}\n`);

  const checks = `${result.globalChecks} global + ${result.atomicChecks} atomic checks`;
  if (result.issues.length > 0 || unparsed.length > 0) {
    process.stdout.write(
      `electronegativity: ${result.issues.length} finding(s), ${unparsed.length} unparsed file(s) in ${label} (${checks}, Electron ${electronVersion})\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `electronegativity: no findings in ${label} (${checks}, Electron ${electronVersion})\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`electronegativity failed to run: ${(error as Error).message}\n`);
  process.exit(1);
});
