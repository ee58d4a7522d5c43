// Which unit files judge which mutated code. `npm run mutation` runs one StrykerJS pass per group,
// judged by that group's files only: every backend test goes through the router and most build a
// vault in `beforeAll`, so a mutant judged by the whole unit project runs most of it, and a survivor
// runs all of it (the dispatch alone would take hours). A score judged by a group's files is a lower
// bound: a file left out can only kill more. Every entry of stryker.config.json's `mutate` list
// must fall in exactly one group (run.ts checks), so a new module cannot go unjudged.

export interface MutationGroup {
  /** Names the group's JSON report, reports/mutation/<name>.json. */
  name: string;
  /** Entries of stryker.config.json's `mutate` list, matched by prefix. */
  mutate: readonly string[];
  /** Unit test files, by name without `.test.ts`. */
  judgedBy: readonly string[];
}

export const MUTATION_PLAN: readonly MutationGroup[] = [
  {
    name: 'crypto',
    mutate: ['electron/backend/vault/crypto.ts'],
    judgedBy: ['crypto', 'kdf-params', 'keyring-slots', 'keyring-format', 'keyring-integrity'],
  },
  {
    name: 'keyring',
    mutate: ['electron/backend/vault/keyring.ts'],
    judgedBy: [
      'keyring-format',
      'keyring-integrity',
      'keyring-slots',
      'decoy-kdf',
      'kdf-params',
      'vault',
      'vault-hardening',
      'sync-accounts',
    ],
  },
  {
    name: 'backoff',
    mutate: ['electron/backend/vault/backoff.ts'],
    judgedBy: ['backoff', 'backoff-sign-in'],
  },
  // The permission matrix and every contract's role lists.
  { name: 'permissions', mutate: ['shared/'], judgedBy: ['permission-roles'] },
  {
    name: 'router-transactions',
    mutate: ['electron/backend/runtime/router.ts:81-88'],
    judgedBy: ['router-dispatch', 'backup', 'sync-procedures'],
  },
  {
    name: 'router-dispatch',
    mutate: [
      'electron/backend/runtime/router.ts:97-113',
      'electron/backend/runtime/router.ts:216-',
    ],
    judgedBy: ['router-dispatch', 'router-ended', 'progress', 'restore-damaged', 'audit-and-data'],
  },
  {
    name: 'audit-log',
    mutate: ['electron/backend/audit-log.ts'],
    judgedBy: ['audit-chain', 'audit-log-reads'],
  },
  {
    name: 'record-scope',
    mutate: ['electron/backend/records/scope.ts'],
    judgedBy: ['record-scope', 'placement-rules', 'router-dispatch', 'therapy-plans'],
  },
  {
    name: 'placements',
    mutate: ['electron/backend/domains/shelters/placements.ts'],
    judgedBy: ['placement-rules', 'cases-placements', 'placement-store-conflicts'],
  },
  {
    name: 'placement-store',
    mutate: ['electron/backend/domains/shelters/placement-store.ts'],
    judgedBy: ['placement-store-conflicts', 'placement-rules'],
  },
  {
    name: 'therapy-conflicts',
    mutate: ['electron/backend/domains/therapy/conflicts.ts'],
    judgedBy: ['therapy-conflicts', 'therapy-schedule'],
  },
  {
    name: 'discharge-gates',
    mutate: ['electron/backend/domains/reintegration/gates.ts'],
    judgedBy: ['reintegration-gates', 'reintegration-assessments'],
  },
  {
    name: 'sync-merge',
    mutate: ['electron/backend/db/merge.ts'],
    judgedBy: ['sync-merge-rows', 'sync-merge'],
  },
];

export const testFile = (name: string) => `tests/unit/${name}.test.ts`;
