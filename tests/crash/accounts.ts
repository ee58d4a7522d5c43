// What the crash test's parent and child agree on: the accounts, and the acknowledgement lines.
export const CRASH_ACCOUNTS = {
  kdf: { alg: 'scrypt', params: { N: 2 ** 12, r: 8, p: 1 } },
  admin: { username: 'crash.admin', password: 'Crash-Admin-Lantern-47' },
  coordinator: { username: 'crash.coord', password: 'Crash-Coord-Harbor-58' },
} as const;

/** A write the child saw committed: a row by id, or an audited action (a key rotation). */
export type Ack =
  { ready: true } | { table: string; id: string } | { table: 'audit_log'; action: string };
