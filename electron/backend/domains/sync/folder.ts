// "Sync now" against a folder (a USB stick, a shared or Syncthing folder): apply every bundle there
// this computer has not applied, write what the folder does not hold yet as one new bundle, and
// delete the bundles every current computer has applied. A bundle from any computer carries all
// it knew, whoever made it, so changes relay from computer to computer through one folder.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  BUNDLE_NAME,
  checkSigner,
  newBundleName,
  sealBundle,
  unsealBundle,
  type BundleBody,
  type UnsealedBundle,
} from './bundle';
import { applyChanges, changesMissingFrom, markHeld, type SyncVault } from './changes';
import { BundleRefused, type BundleRefusal } from './errors';
import { currentComputers, type Identity } from './identity';
import { bundleKeys, MEMBERSHIP_TABLES, refreshBundleKeys } from './bundle-keys';
import type { Change } from '../../db/merge';

export interface FolderSyncReport {
  /** Bundles applied now, by file name. */
  applied: string[];
  /** Bundles refused now; each is tried again at the next sync. */
  refused: { name: string; reason: BundleRefusal }[];
  /**
   * The bundle written now, if this computer had anything to add (once a removal has replaced the
   * first bundle key, the list of computers and its keys go in a bundle of their own before it).
   */
  written: string | null;
  /** Bundle files deleted because every current computer has applied them. */
  deleted: string[];
}

export function syncFolder(
  vault: SyncVault,
  self: Identity,
  folderPath: string,
  now: Date = new Date(),
): FolderSyncReport {
  // The folder is known by its full path: the same stick at another drive letter is a new folder
  // to this computer, which then writes what it has again (harmless, merely larger).
  const folder = resolve(folderPath);
  const present = readdirSync(folder).filter((name) => BUNDLE_NAME.test(name));
  const { applied, refused } = applyUnseen(vault, self, folder, present, now);
  const current = refreshBundleKeys(vault, self);
  const written = writeMissing(vault, current, folder, present, now);
  const deleted = pruneApplied(vault, current, folder, [...present, ...written]);
  return { applied, refused, written: written.at(-1) ?? null, deleted };
}

function seenNames(vault: SyncVault, folder: string): Set<string> {
  return new Set(
    vault.db
      .prepare('SELECT name FROM sync_bundles WHERE folder = ?', { pluck: true })
      .all([folder]) as string[],
  );
}

/**
 * Applies every unseen bundle it can open. One under a bundle key this computer did not hold yet
 * opens once a bundle beside it has brought that key, so those are tried again after each round
 * that brought one.
 */
function applyUnseen(
  vault: SyncVault,
  self: Identity,
  folder: string,
  present: readonly string[],
  now: Date,
) {
  const seen = seenNames(vault, folder);
  let unseen = present.filter((n) => !seen.has(n));
  let keys = bundleKeys(vault.db, self).read;
  const applied: string[] = [];
  const refused: FolderSyncReport['refused'] = [];
  for (;;) {
    const round = applyReadable(vault, self, folder, unseen, keys, now);
    applied.push(...round.applied);
    const locked = round.refused.filter((r) => r.reason === 'unreadable');
    const held = bundleKeys(vault.db, self).read;
    if (locked.length === 0 || held.length === keys.length) {
      refused.push(...round.refused);
      return { applied, refused };
    }
    refused.push(...round.refused.filter((r) => r.reason !== 'unreadable'));
    unseen = locked.map((r) => r.name);
    keys = held;
  }
}

/**
 * Applies each bundle in its own transaction. Every one is opened first, and those that remove a
 * computer apply before the rest, so a removal in the folder counts against the removed
 * computer's bundles beside it whatever their order. A bundle from a computer not listed yet is
 * tried again after the others, since another bundle may carry that computer's addition.
 */
function applyReadable(
  vault: SyncVault,
  self: Identity,
  folder: string,
  names: readonly string[],
  keys: readonly Uint8Array[],
  now: Date,
) {
  const applied: string[] = [];
  const refused: FolderSyncReport['refused'] = [];
  const opened: { name: string; bundle: UnsealedBundle }[] = [];
  for (const name of names) {
    try {
      opened.push({ name, bundle: unsealBundle(self, name, readBundle(folder, name), keys) });
    } catch (error) {
      if (!(error instanceof BundleRefused)) throw error;
      refused.push({ name, reason: error.reason });
    }
  }
  let waiting = [
    ...opened.filter((o) => removesComputer(o.bundle.body)),
    ...opened.filter((o) => !removesComputer(o.bundle.body)),
  ];
  for (;;) {
    const retry: typeof waiting = [];
    const before = applied.length;
    for (const { name, bundle } of waiting) {
      try {
        applyOne(vault, folder, name, checkSigner(vault.db, bundle), now);
        applied.push(name);
      } catch (error) {
        if (!(error instanceof BundleRefused)) throw error;
        if (error.reason === 'unknownComputer') retry.push({ name, bundle });
        else refused.push({ name, reason: error.reason });
      }
    }
    if (retry.length === 0 || applied.length === before) {
      refused.push(...retry.map(({ name }) => ({ name, reason: 'unknownComputer' as const })));
      return { applied, refused };
    }
    waiting = retry;
  }
}

function removesComputer(body: BundleBody): boolean {
  return body.changes.some(
    (c) => c.table === 'sync_computers' && typeof c.columns.removed_at === 'string',
  );
}

function readBundle(folder: string, name: string): Buffer {
  try {
    return readFileSync(join(folder, name));
  } catch {
    throw new BundleRefused('unreadable', 'gone or unreadable from the folder');
  }
}

function applyOne(vault: SyncVault, folder: string, name: string, body: BundleBody, now: Date) {
  applyChanges(vault, body.changes, now, () => {
    recordBundle(vault, folder, name, body.author, body.changes.length, now);
    markHeld(
      vault.db,
      folder,
      body.changes.map((c) => c.hlc),
    );
    recordAcks(vault, body.author, [name, ...body.acks]);
  });
}

/**
 * Writes one bundle with every change the folder lacks, and this computer's acknowledgements.
 * With no change to add, a bundle is written only to acknowledge bundles not acknowledged yet.
 * Once a removal has replaced the organisation's first key, changes to the list of computers and
 * its keys still go under the first key, in a bundle of their own (every computer must be able
 * to learn of the new key), and the rest under the new one.
 */
function writeMissing(
  vault: SyncVault,
  self: Identity,
  folder: string,
  present: readonly string[],
  now: Date,
): string[] {
  const keys = bundleKeys(vault.db, self);
  const changes = changesMissingFrom(vault, folder);
  const acks = applied(vault, folder, present);
  const acked = ackedBy(vault, self.deviceId);
  const carriesChanges = new Set(changeBearing(vault, folder));
  const unacknowledged = acks.filter((name) => carriesChanges.has(name) && !acked.has(name));
  const apart = !Buffer.from(keys.write).equals(Buffer.from(keys.membership));
  const isMembership = (c: Change) => apart && MEMBERSHIP_TABLES.includes(c.table);
  const membership = changes.filter(isMembership);
  const rest = changes.filter((c) => !isMembership(c));
  const written: string[] = [];
  if (membership.length > 0)
    written.push(writeBundle(vault, self, folder, membership, [], keys.membership, now));
  if (rest.length > 0 || unacknowledged.length > 0)
    written.push(writeBundle(vault, self, folder, rest, acks, keys.write, now));
  return written;
}

function writeBundle(
  vault: SyncVault,
  self: Identity,
  folder: string,
  changes: readonly Change[],
  acks: readonly string[],
  key: Uint8Array,
  now: Date,
): string {
  const name = newBundleName();
  const file = sealBundle(
    self,
    name,
    { author: self.deviceId, changes: [...changes], acks: [...acks] },
    key,
  );
  // Written under a name no reader takes for a bundle, then renamed: never read half-written.
  const partial = join(folder, `.${name}.partial`);
  writeFileSync(partial, file);
  renameSync(partial, join(folder, name));
  vault.data.transaction(() => {
    recordBundle(vault, folder, name, self.deviceId, changes.length, now);
    markHeld(
      vault.db,
      folder,
      changes.map((c) => c.hlc),
    );
    recordAcks(vault, self.deviceId, [name, ...acks]);
  });
  return name;
}

/**
 * Deletes a bundle with changes once every current computer has acknowledged it, and this
 * computer's own acknowledgement-only bundles once a newer one of its own is in the folder.
 */
function pruneApplied(
  vault: SyncVault,
  self: Identity,
  folder: string,
  present: readonly string[],
): string[] {
  const computers = currentComputers(vault.db);
  const ackedByAll = new Set(
    vault.db
      .prepare(
        `SELECT bundle_name FROM sync_acks
         WHERE computer_id IN (${computers.map(() => '?').join(', ')})
         GROUP BY bundle_name HAVING count(*) = ?`,
        { pluck: true },
      )
      .all([...computers, computers.length]) as string[],
  );
  const mine = vault.db
    .prepare(
      'SELECT name FROM sync_bundles WHERE folder = ? AND author_id = ? AND change_count = 0 ORDER BY rowid',
      { pluck: true },
    )
    .all([folder, self.deviceId]) as string[];
  const superseded = new Set(mine.slice(0, -1));
  const carriesChanges = new Set(changeBearing(vault, folder));
  const deleted = present.filter(
    (name) => (carriesChanges.has(name) && ackedByAll.has(name)) || superseded.has(name),
  );
  for (const name of deleted) rmSync(join(folder, name), { force: true });
  return deleted;
}

/** The bundles in the folder this computer has applied or written. */
function applied(vault: SyncVault, folder: string, present: readonly string[]): string[] {
  const seen = seenNames(vault, folder);
  return present.filter((name) => seen.has(name));
}

function changeBearing(vault: SyncVault, folder: string): string[] {
  return vault.db
    .prepare('SELECT name FROM sync_bundles WHERE folder = ? AND change_count > 0', { pluck: true })
    .all([folder]) as string[];
}

function ackedBy(vault: SyncVault, computer: string): Set<string> {
  return new Set(
    vault.db
      .prepare('SELECT bundle_name FROM sync_acks WHERE computer_id = ?', { pluck: true })
      .all([computer]) as string[],
  );
}

function recordBundle(
  vault: SyncVault,
  folder: string,
  name: string,
  author: string,
  changeCount: number,
  now: Date,
): void {
  vault.db
    .prepare(
      'INSERT INTO sync_bundles (folder, name, author_id, change_count, seen_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run([folder, name, author, changeCount, now.toISOString()]);
}

function recordAcks(vault: SyncVault, computer: string, names: readonly string[]): void {
  const ack = vault.db.prepare(
    'INSERT OR IGNORE INTO sync_acks (computer_id, bundle_name) VALUES (?, ?)',
  );
  for (const name of names) ack.run([computer, name]);
}
