// The organisation's sync identity: its id and first bundle key (shared by every computer, kept
// inside each encrypted vault), each computer's own Ed25519 signing key and X25519 key (their
// private halves never leave it), and the list of computers with their public keys, which is a
// synced table so a removal reaches everyone. Later bundle keys: bundle-keys.ts.
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { Db } from '../../db/sqlcipher';
import type { SyncVault } from './changes';
import { newExchangeKeyPair, refreshBundleKeys } from './bundle-keys';

export interface Identity {
  deviceId: string;
  orgId: string;
  /** The organisation's first bundle key, which every computer holds. */
  bundleKey: Uint8Array;
  signingKey: Uint8Array;
  /** The private half of this computer's X25519 key (DER), to which later bundle keys are sealed. */
  exchangeKey: Uint8Array | null;
}

/** What the computer that adds another hands it (with the vault snapshot, in a join file later). */
export interface ComputerGrant {
  deviceId: string;
  orgId: string;
  bundleKey: string;
  signingKey: string;
  exchangeKey: string;
}

export interface ComputerKey {
  publicKey: Uint8Array;
  removed: boolean;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

export function ownIdentity(db: Db, deviceId: string): Identity | null {
  const row = db
    .prepare(
      'SELECT org_id, bundle_key, signing_key, exchange_key FROM sync_identity WHERE device_id = ?',
    )
    .get([deviceId]) as
    | { org_id: string; bundle_key: string; signing_key: string; exchange_key: string | null }
    | undefined;
  if (!row) return null;
  return {
    deviceId,
    orgId: row.org_id,
    bundleKey: bytes(row.bundle_key),
    signingKey: bytes(row.signing_key),
    exchangeKey: row.exchange_key ? bytes(row.exchange_key) : null,
  };
}

/** Makes this vault the first computer of a new organisation. Nothing leaves the computer. */
export function startOrganisation(vault: SyncVault, deviceId: string, name: string): Identity {
  if (ownIdentity(vault.db, deviceId)) throw new Error('This computer already shares its vault');
  const grant: ComputerGrant = {
    deviceId,
    orgId: uuidv7(),
    bundleKey: randomBytes(32).toString('hex'),
    signingKey: '',
    exchangeKey: '',
  };
  return vault.data.transaction(() => adoptGrant(vault.db, register(vault, grant, name)));
}

/**
 * Adds a computer to the organisation: its key pair is made here and its public key listed (a
 * synced change), and the grant is what the new computer needs to sign and read bundles.
 */
export function addComputer(vault: SyncVault, self: Identity, name: string): ComputerGrant {
  const grant: ComputerGrant = {
    deviceId: uuidv7(),
    orgId: self.orgId,
    bundleKey: hex(self.bundleKey),
    signingKey: '',
    exchangeKey: '',
  };
  return vault.data.transaction(() => {
    const registered = register(vault, grant, name);
    // The key this computer writes with, sealed to the new one too, so it reads what follows.
    refreshBundleKeys(vault, self);
    return registered;
  });
}

/**
 * On the new computer, over the copied vault: its own identity replaces whatever identity the
 * copy held (another computer's signing key must never be used, nor kept).
 */
export function adoptGrant(db: Db, grant: ComputerGrant): Identity {
  db.prepare('DELETE FROM sync_identity').run();
  db.prepare(
    `INSERT INTO sync_identity (device_id, org_id, bundle_key, signing_key, exchange_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run([
    grant.deviceId,
    grant.orgId,
    grant.bundleKey,
    grant.signingKey,
    grant.exchangeKey,
    new Date().toISOString(),
  ]);
  return ownIdentity(db, grant.deviceId)!;
}

/** From then on its bundles are refused wherever the removal has arrived. */
export function removeComputer(vault: SyncVault, deviceId: string, reason: string): boolean {
  return vault.data.update('sync_computers', deviceId, {
    removed_at: new Date().toISOString(),
    removed_reason: reason,
  });
}

export function computerKey(db: Db, deviceId: string): ComputerKey | null {
  const row = db
    .prepare('SELECT public_key, removed_at FROM sync_computers WHERE id = ?')
    .get([deviceId]) as { public_key: string; removed_at: string | null } | undefined;
  return row ? { publicKey: bytes(row.public_key), removed: row.removed_at !== null } : null;
}

/** The computers whose acknowledgement a bundle needs before it may be deleted. */
export function currentComputers(db: Db): string[] {
  return db
    .prepare('SELECT id FROM sync_computers WHERE removed_at IS NULL ORDER BY id', { pluck: true })
    .all() as string[];
}

/** Letters and digits no one misreads (no 0/O, 1/I, 2/Z, 5/S, 6/G, 8/B). */
const TAG_ALPHABET = 'ACDEFHJKLMNPQRTUVWXY3479';

/**
 * A three-character tag for the computer's case codes, unlike every tag this computer knows.
 * Two computers adding others while both offline could still pick one tag twice (about one in
 * 13,800 per pair); the conflicts list shows any case code given twice.
 */
function newCaseTag(db: Db): string {
  const taken = new Set(
    db.prepare('SELECT case_tag FROM sync_computers', { pluck: true }).all() as string[],
  );
  for (;;) {
    const tag = [...randomBytes(3)].map((b) => TAG_ALPHABET[b % TAG_ALPHABET.length]).join('');
    if (!taken.has(tag)) return tag;
  }
}

function register(vault: SyncVault, grant: ComputerGrant, name: string): ComputerGrant {
  const { secretKey, publicKey } = ed25519.keygen();
  const exchange = newExchangeKeyPair();
  vault.data.insert(
    'sync_computers',
    {
      name,
      public_key: hex(publicKey),
      case_tag: newCaseTag(vault.db),
      exchange_key: exchange.publicKey,
    },
    grant.deviceId,
  );
  return {
    ...grant,
    signingKey: hex(secretKey),
    exchangeKey: exchange.privateKey.toString('hex'),
  };
}
