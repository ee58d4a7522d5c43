// The unit project alone, for StrykerJS: mutants are judged by backend tests on real vaults.
import { readFileSync, statSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that build what each test needs inside the test first, smallest first; then files that
 * load the whole backend (through the unit support's index); files with a shared beforeAll
 * fixture last. Stryker stops at the first failing test, and a mutant that runs at module load or
 * in any file's beforeAll is judged by every file: the small, focused files usually kill it
 * within seconds, before the large suites start.
 */
class FocusedFilesFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (file: TestSpecification) => {
      const text = readFileSync(file.moduleId, 'utf8');
      return (
        statSync(file.moduleId).size +
        (text.includes("from './support'") ? 1e6 : 0) +
        (text.includes('beforeAll(') ? 1e9 : 0)
      );
    };
    return Promise.resolve([...files].sort((a, b) => cost(a) - cost(b)));
  }
}

export default defineConfig({
  test: {
    // run.ts names each pass's judging files (tests/mutation/plan.ts).
    include: process.env.ARUGA_MUTATION_TESTS
      ? (JSON.parse(process.env.ARUGA_MUTATION_TESTS) as string[])
      : ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    sequence: { sequencer: FocusedFilesFirst },
  },
});
