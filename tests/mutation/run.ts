// `npm run mutation`: StrykerJS on the security- and safety-critical modules (stryker.config.json),
// one pass per group of plan.ts, each judged by the unit files that cover it. Prints the score per
// module and merges it into tests/bench/results.json under "mutation". `npm run mutation -- --mutate
// <entry>` runs one module with its group's files; `--tests <glob>` (repeatable) judges whatever is
// mutated by those files instead. `--no-check` leaves out the TypeScript checker: a mutant that
// would not compile is then run as JavaScript and counts like any other (the results say which way
// a module was judged).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult } from '@stryker-mutator/api/core';
import { MUTATION_PLAN, testFile } from './plan';

const TARGET = 85;
const { values } = parseArgs({
  options: {
    mutate: { type: 'string', multiple: true },
    tests: { type: 'string', multiple: true },
    concurrency: { type: 'string' },
    'no-check': { type: 'boolean' },
  },
});

// The contracts' role lists and the router's dispatch are mutated by line range (the rest of a
// contract is schemas; the rest of the router is the session's state machine). A range that has
// drifted would silently mutate other code instead, so it stops the run: a contract's range holds
// role lists only (a named list, or a procedure's own `access: [...]`), and a router range starts
// at one of the dispatch's declarations and ends where that run of declarations closes, at the
// same indentation. StrykerJS mutates nothing inside a TypeScript `as` expression, so an access
// list inside a contract object that ends `} as const` gets no mutant from its range: it is left
// out of the list, and the vault-free matrix test (permission-roles) still checks it.
const DISPATCH_STARTS = [
  /^const OWN_TRANSACTION = /,
  /^function fieldErrors\(/,
  /^ {2}private async dispatch\(/,
];
const configured = (JSON.parse(readFileSync('stryker.config.json', 'utf8')) as { mutate: string[] })
  .mutate;
for (const entry of values.mutate ?? configured) {
  const range = /^(shared\/.+|electron\/backend\/runtime\/router\.ts):(\d+)-(\d+)$/.exec(entry);
  if (!range) continue;
  const lines = readFileSync(range[1]!, 'utf8')
    .split('\n')
    .slice(Number(range[2]) - 1, Number(range[3]));
  const first = lines[0] ?? '';
  const last = lines.at(-1) ?? '';
  const indent = /^ */.exec(first)![0];
  const holds = range[1]!.startsWith('shared/')
    ? lines.every((line) =>
        /^(export )?const [A-Z_]+: readonly Role\[\] = |^ +access: \[.*\],$/.test(line),
      )
    : DISPATCH_STARTS.some((start) => start.test(first)) &&
      new RegExp(`^${indent}(\\}|\\]\\);)$`).test(last);
  if (!holds)
    throw new Error(
      `${entry} no longer covers ${range[1]!.startsWith('shared/') ? 'role lists only' : 'whole dispatch declarations'}: fix its range in stryker.config.json`,
    );
}

// One pass per plan group, or one pass judged by the files given with --tests.
const entries = values.mutate ?? configured;
const passes: { name: string; mutate: string[]; tests: string[] }[] = values.tests
  ? [{ name: 'mutation', mutate: entries, tests: values.tests }]
  : MUTATION_PLAN.map((group) => ({
      name: group.name,
      mutate: entries.filter((entry) => group.mutate.some((prefix) => entry.startsWith(prefix))),
      tests: group.judgedBy.map(testFile),
    })).filter((pass) => pass.mutate.length > 0);
if (!values.tests)
  for (const entry of entries) {
    const groups = passes.filter((pass) => pass.mutate.includes(entry)).length;
    if (groups !== 1)
      throw new Error(
        `${entry} falls in ${groups} groups of tests/mutation/plan.ts: it must fall in exactly one`,
      );
  }

/**
 * What the TypeScript checker compiles in a pass: the mutated files and what they import, not the
 * whole backend. With every backend and test file in the program, each mutant re-checked every
 * file that imports the mutated one, and the checker, not the tests, set the pace (5 min for the
 * 81 mutants of backoff.ts, whose tests take 2 s). A mutant that only breaks a caller's types now
 * runs as JavaScript and is judged by the tests like any other, which can lower a score, never
 * raise it. The files that add to a shared type (`declare module`: each domain's tables, its
 * contract's procedures) are in every pass, since what they declare holds in any program that has
 * them, whether or not the mutated file imports them.
 */
const PASS_TSCONFIG = 'tests/mutation/tsconfig.pass.json';
const AUGMENTING = ['shared', 'electron']
  .flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => `${folder}/${file}`),
  )
  .filter(
    (file) =>
      file.endsWith('.ts') && /^declare (module|global)\b/m.test(readFileSync(file, 'utf8')),
  );
const passTsconfig = (mutate: readonly string[]) => ({
  extends: './tsconfig.json',
  include: [],
  files: [
    ...new Set([...mutate.map((entry) => entry.replace(/:\d+-\d+$/, '')), ...AUGMENTING]),
  ].map((file) => `../../${file}`),
});

interface ModuleScore {
  score: number;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  meetsTarget: boolean;
  /** The unit files that judged the mutants (a lower bound: a file left out can only kill more). */
  judgedBy: string[];
  /** Whether mutants that would not compile were set aside by the TypeScript checker first. */
  typeChecked: boolean;
}

/** Each mutated file's score over `results` (a file mutated by two passes counts both). */
function scoresOf(
  results: readonly MutantResult[],
  judgedBy: ReadonlyMap<string, ReadonlySet<string>>,
): Record<string, ModuleScore> {
  const byModule = new Map<string, MutantResult[]>();
  for (const r of results) byModule.set(r.fileName, [...(byModule.get(r.fileName) ?? []), r]);
  const count = (rs: MutantResult[], status: MutantResult['status']) =>
    rs.filter((r) => r.status === status).length;
  const modules: Record<string, ModuleScore> = {};
  for (const [file, rs] of [...byModule].sort(([a], [b]) => a.localeCompare(b))) {
    const killed = count(rs, 'Killed');
    const timeout = count(rs, 'Timeout');
    const survived = count(rs, 'Survived');
    const noCoverage = count(rs, 'NoCoverage');
    const detected = killed + timeout;
    // Stryker's own definition: compile errors and ignored mutants are not counted.
    const score =
      Math.round((1000 * detected) / Math.max(1, detected + survived + noCoverage)) / 10;
    modules[file.replace(`${process.cwd()}/`, '')] = {
      score,
      killed,
      survived,
      noCoverage,
      timeout,
      meetsTarget: score >= TARGET,
      judgedBy: [...(judgedBy.get(file) ?? [])].sort(),
      typeChecked: !values['no-check'],
    };
  }
  return modules;
}

/** Merges into the bench results: a run of one module keeps the other modules' last figures. */
function saveScores(modules: Record<string, ModuleScore>, seconds: number): void {
  const out = new URL('../bench/results.json', import.meta.url);
  const previous = existsSync(out)
    ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>)
    : {};
  const before = (previous.mutation as { modules?: Record<string, unknown> } | undefined)?.modules;
  writeFileSync(
    out,
    JSON.stringify(
      {
        ...previous,
        mutation: {
          at: new Date().toISOString(),
          target: TARGET,
          lastRunSeconds: seconds,
          modules: { ...before, ...modules },
        },
      },
      null,
      2,
    ),
  );
}

const started = Date.now();
const elapsed = () => Math.round((Date.now() - started) / 1000);
const results: MutantResult[] = [];
const judgedBy = new Map<string, Set<string>>();
try {
  for (const pass of passes) {
    console.log(
      `mutation: ${pass.name}: ${pass.mutate.join(', ')}, judged by ${pass.tests.length} files`,
    );
    // Read by tests/mutation/vitest.config.ts in StrykerJS's runner processes, which each pass
    // starts afresh. JSON, since a glob may hold commas ({a,b}).
    process.env.ARUGA_MUTATION_TESTS = JSON.stringify(pass.tests);
    writeFileSync(PASS_TSCONFIG, JSON.stringify(passTsconfig(pass.mutate), null, 2));
    const passResults = await new Stryker({
      mutate: pass.mutate,
      tsconfigFile: PASS_TSCONFIG,
      jsonReporter: { fileName: `reports/mutation/${pass.name}.json` },
      ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
      ...(values['no-check'] ? { checkers: [] } : {}),
    }).runMutationTest();
    results.push(...passResults);
    for (const r of passResults)
      judgedBy.set(r.fileName, new Set([...(judgedBy.get(r.fileName) ?? []), ...pass.tests]));
    // After every pass, so a pass that fails later loses none of the scores before it.
    saveScores(scoresOf(results, judgedBy), elapsed());
  }
} finally {
  rmSync(PASS_TSCONFIG, { force: true });
}

console.table(
  Object.entries(scoresOf(results, judgedBy)).map(([module, m]) => ({
    module,
    'score %': m.score.toFixed(1),
    killed: m.killed + m.timeout,
    survived: m.survived,
    'no coverage': m.noCoverage,
    [`≥ ${TARGET}%`]: m.meetsTarget ? 'yes' : 'NO',
  })),
);
console.log(`mutation: ${results.length} mutants in ${elapsed()} s`);
console.log('mutation: scores written to tests/bench/results.json');
