// One transaction around a whole call: the handler's writes, its audit row and (ordered last,
// see OpenVault.commitWork) the keyring file either all happen or none does. Handlers are async
// (a KDF runs between reads and writes), so the outer transaction is opened by hand; the nested
// transactions services already use become savepoints inside it.
import type { Db } from './sqlcipher';

const open = new WeakMap<Db, { depth: number }>();

/** Runs `fn` atomically: its own transaction, or a savepoint inside an open unit of work. */
export function atomically<T>(db: Db, fn: () => T): T {
  const work = open.get(db);
  if (!work) return db.transaction(fn)();
  work.depth += 1;
  const name = `work_${work.depth}`;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const result = fn();
    db.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    throw error;
  } finally {
    work.depth -= 1;
  }
}

export function beginWork(db: Db): void {
  db.exec('BEGIN IMMEDIATE');
  open.set(db, { depth: 0 });
}

export function isWorkOpen(db: Db): boolean {
  return open.has(db);
}

export function commitWork(db: Db): void {
  open.delete(db);
  try {
    db.exec('COMMIT');
  } catch (error) {
    rollbackQuietly(db);
    throw error;
  }
}

export function rollbackWork(db: Db): void {
  open.delete(db);
  rollbackQuietly(db);
}

function rollbackQuietly(db: Db): void {
  try {
    db.exec('ROLLBACK');
  } catch {
    // SQLite already rolled back (e.g. after SQLITE_FULL): nothing is left to undo.
  }
}
