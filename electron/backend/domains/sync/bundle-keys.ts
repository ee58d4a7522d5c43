// The organisation's bundle keys. The first is the one every computer got when it joined (kept in
// sync_identity). Removing a computer makes a new one, sealed to the X25519 key of each computer
// still in the organisation (sync_bundle_keys, a synced table; each computer's private half stays
// in its own sync_identity row), so a removed computer cannot read what is written once its
// removal has reached the writer. Every key a computer holds is kept to read older bundles.
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import {
  generateSlotKeyPair,
  unwrapWithPrivateKey,
  wrapToPublicKey,
  type WrappedKey,
} from '../../vault/crypto';
import type { Db } from '../../db/sqlcipher';
import type { SyncVault } from './changes';
import type { Identity } from './identity';

export interface BundleKeys {
  /** For the organisation's list of computers and its keys: readable by every computer. */
  membership: Uint8Array;
  /** For every other change: the newest key held that no removed computer was given. */
  write: Uint8Array;
  /** Every key held, newest first, the first key last: a bundle opens with one of them. */
  read: Uint8Array[];
}

/** Tables whose changes go under the first key, so a computer can learn of newer keys. */
export const MEMBERSHIP_TABLES: readonly string[] = ['sync_computers', 'sync_bundle_keys'];

const sealAad = (orgId: string, keyId: string, computerId: string) =>
  `aruga/bundle-key/v1/${orgId}/${keyId}/${computerId}`;

interface KeyRow {
  key_id: string;
  generation: number;
  computer_id: string;
  sealed: string;
}

interface HeldKey {
  keyId: string;
  key: Uint8Array;
  /** No removed computer was given it. */
  fit: boolean;
}

function removedComputers(db: Db): Set<string> {
  return new Set(
    db
      .prepare('SELECT id FROM sync_computers WHERE removed_at IS NOT NULL', { pluck: true })
      .all() as string[],
  );
}

/** The keys sealed to this computer that it can open, newest first. */
function heldKeys(db: Db, self: Identity): HeldKey[] {
  if (!self.exchangeKey) return [];
  const removed = removedComputers(db);
  const rows = db
    .prepare('SELECT key_id, generation, computer_id, sealed FROM sync_bundle_keys')
    .all() as unknown as KeyRow[];
  const givenToRemoved = new Set(
    rows.filter((r) => removed.has(r.computer_id)).map((r) => r.key_id),
  );
  const ownPublic = ownExchangePublicKey(db, self.deviceId);
  const held: (HeldKey & { generation: number })[] = [];
  for (const row of rows.filter((r) => r.computer_id === self.deviceId)) {
    if (!ownPublic || held.some((h) => h.keyId === row.key_id)) continue;
    const key = openSealed(row.sealed, self, ownPublic, row.key_id);
    if (key)
      held.push({
        keyId: row.key_id,
        key,
        fit: !givenToRemoved.has(row.key_id),
        generation: row.generation,
      });
  }
  held.sort((x, y) => y.generation - x.generation || (y.keyId > x.keyId ? 1 : -1));
  return held;
}

function openSealed(
  sealed: string,
  self: Identity,
  ownPublic: string,
  keyId: string,
): Uint8Array | null {
  try {
    const key = unwrapWithPrivateKey(
      JSON.parse(sealed) as WrappedKey,
      Buffer.from(self.exchangeKey!),
      ownPublic,
      sealAad(self.orgId, keyId, self.deviceId),
    );
    return key ? new Uint8Array(key) : null;
  } catch {
    return null;
  }
}

function ownExchangePublicKey(db: Db, deviceId: string): string | null {
  return (
    (db
      .prepare('SELECT exchange_key FROM sync_computers WHERE id = ?', { pluck: true })
      .get([deviceId]) as string | null | undefined) ?? null
  );
}

/** The keys this computer reads and writes bundles with, as its vault stands now. */
export function bundleKeys(db: Db, self: Identity): BundleKeys {
  const held = heldKeys(db, self);
  const firstFit = removedComputers(db).size === 0;
  const fit = held.find((h) => h.fit);
  return {
    membership: self.bundleKey,
    // Only a removed computer (which refreshes nothing) is ever left without a fit key.
    write: fit?.key ?? (firstFit ? self.bundleKey : (held[0]?.key ?? self.bundleKey)),
    read: [...held.map((h) => h.key), self.bundleKey],
  };
}

/** The computers still in the organisation that can receive a key, with their public halves. */
function recipients(db: Db): { id: string; exchangeKey: string }[] {
  return db
    .prepare(
      `SELECT id, exchange_key AS exchangeKey FROM sync_computers
       WHERE removed_at IS NULL AND exchange_key IS NOT NULL ORDER BY id`,
    )
    .all() as { id: string; exchangeKey: string }[];
}

function sealTo(
  vault: SyncVault,
  orgId: string,
  key: { keyId: string; generation: number; key: Uint8Array },
  computer: { id: string; exchangeKey: string },
): void {
  const sealed = wrapToPublicKey(
    Buffer.from(key.key),
    computer.exchangeKey,
    sealAad(orgId, key.keyId, computer.id),
  );
  vault.data.insert('sync_bundle_keys', {
    key_id: key.keyId,
    generation: key.generation,
    computer_id: computer.id,
    sealed: JSON.stringify(sealed),
  });
}

/**
 * A new bundle key, one generation above every key known here, sealed to each computer still in
 * the organisation. Called by the remover of a computer; its callers hold the transaction.
 */
export function replaceBundleKey(vault: SyncVault, self: Identity): void {
  const newest = vault.db
    .prepare('SELECT max(generation) FROM sync_bundle_keys', { pluck: true })
    .get() as number | null;
  const key = { keyId: uuidv7(), generation: (newest ?? 0) + 1, key: randomBytes(32) };
  for (const computer of recipients(vault.db)) sealTo(vault, self.orgId, key, computer);
}

/**
 * Before a sync writes: lists this computer's X25519 key if it has none yet (a computer added
 * before keys were replaced), makes a new key if none it holds is fit to write with (a removal
 * that arrived from elsewhere, or two removals at once), and seals the key it writes with to
 * every current computer that lacks it (one listed since). A removed computer does none of it.
 */
export function refreshBundleKeys(vault: SyncVault, self: Identity): Identity {
  if (removedComputers(vault.db).has(self.deviceId)) return self;
  return vault.data.transaction(() => {
    const current = self.exchangeKey ? self : publishExchangeKey(vault, self);
    const held = heldKeys(vault.db, current);
    if (removedComputers(vault.db).size > 0 && !held.some((h) => h.fit)) {
      replaceBundleKey(vault, current);
      return current;
    }
    const writing = held.find((h) => h.fit);
    if (!writing) return current;
    const generation = vault.db
      .prepare('SELECT generation FROM sync_bundle_keys WHERE key_id = ? LIMIT 1', { pluck: true })
      .get([writing.keyId]) as number;
    const given = new Set(
      vault.db
        .prepare('SELECT computer_id FROM sync_bundle_keys WHERE key_id = ?', { pluck: true })
        .all([writing.keyId]) as string[],
    );
    for (const computer of recipients(vault.db).filter((c) => !given.has(c.id)))
      sealTo(vault, current.orgId, { ...writing, generation }, computer);
    return current;
  });
}

/** A new X25519 key pair for this computer: the private half here, the public one listed. */
export function newExchangeKeyPair(): { publicKey: string; privateKey: Buffer } {
  const pair = generateSlotKeyPair();
  return { publicKey: pair.publicKey, privateKey: pair.privateKeyDer };
}

function publishExchangeKey(vault: SyncVault, self: Identity): Identity {
  const { publicKey, privateKey } = newExchangeKeyPair();
  vault.db
    .prepare('UPDATE sync_identity SET exchange_key = ? WHERE device_id = ?')
    .run([privateKey.toString('hex'), self.deviceId]);
  vault.data.update('sync_computers', self.deviceId, { exchange_key: publicKey });
  return { ...self, exchangeKey: new Uint8Array(privateKey) };
}
