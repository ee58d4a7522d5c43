// The keyring: one slot per user plus a recovery slot, each able to unwrap the
// vault's data key. The file names no user: a slot is found by a salted, memory-hard hash of the
// username. A SHA-256 checksum over the body tells accidental damage from a wrong password; an
// HMAC under a key derived from the data key (checked at every unlock) tells a file Aruga wrote
// from one someone edited: a slot planted by a person without the data key cannot carry it.
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { PasswordKdf } from './crypto';
import {
  deriveKey,
  derivePasswordKey,
  generateSlotKeyPair,
  isAllowedKdf,
  isAllowedScrypt,
  LOOKUP_SCRYPT,
  open,
  sameKdf,
  seal,
  unwrapWithPrivateKey,
  wrapToPublicKey,
} from './crypto';
import { readFileIfExists, writeFileAtomic } from './atomic-file';

export const KEYRING_FILE = 'keyring.json';
/** Written before a data-key rotation re-keys the database, promoted after (see rotate). */
export const PENDING_KEYRING_FILE = 'keyring.next.json';
/** The last good keyring before the current one: used when the current one is damaged. */
export const PREVIOUS_KEYRING_FILE = 'keyring.previous.json';

const b64 = z.string().max(4096);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const sealedSchema = z.strictObject({ iv: b64, ct: b64, tag: b64 });
// Only the cost sets Aruga writes: a tampered N must not make sign-in allocate gigabytes.
const scryptParamsSchema = z.strictObject({
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
});
const scryptSchema = scryptParamsSchema.refine(isAllowedScrypt);
const argon2idParamsSchema = z.strictObject({
  m: z.number().int(),
  t: z.number().int(),
  p: z.number().int(),
});
/** A KDF and its cost as a file names it; only the ones Aruga writes. */
export const passwordKdfSchema = z
  .discriminatedUnion('alg', [
    z.strictObject({ alg: z.literal('scrypt'), params: scryptParamsSchema }),
    z.strictObject({ alg: z.literal('argon2id'), params: argon2idParamsSchema }),
  ])
  .refine(isAllowedKdf);
/** A slot's KDF with its salt: Argon2id for every slot made or re-wrapped now, scrypt before. */
const kdfSchema = z
  .discriminatedUnion('alg', [
    z.strictObject({ alg: z.literal('scrypt'), salt: b64, params: scryptParamsSchema }),
    z.strictObject({ alg: z.literal('argon2id'), salt: b64, params: argon2idParamsSchema }),
  ])
  .refine(isAllowedKdf);
const slotSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$|^recovery$/),
  kind: z.enum(['user', 'recovery']),
  kdf: kdfSchema,
  publicKey: b64,
  sealedPrivateKey: sealedSchema,
  wrappedDataKey: sealedSchema.extend({ ephemeralPublicKey: b64 }),
  /**
   * The private key is the account's own, the same on every computer of the organisation (its
   * credential travels in the users row): sealed under the password alone, bound to its public
   * key rather than to this keyring's slot id. Absent on the slots made before accounts travelled.
   */
  portable: z.literal(true).optional(),
  /** HMAC of id, kind and public key: lets an unlock tell which slots Aruga made. */
  mac: hex64,
});
const checkpointSchema = z.strictObject({
  seq: z.number().int().min(0),
  hash: hex64,
  at: z.string().max(40),
});
const bodySchema = z.strictObject({
  format: z.literal('aruga-keyring'),
  version: z.literal(2),
  lookup: z.strictObject({ salt: b64, params: scryptSchema }),
  demo: z.boolean(),
  slots: z.array(slotSchema).max(10_000),
  /** The audit log's head when the keyring was last written, to spot a rolled-back database. */
  checkpoint: checkpointSchema.nullable(),
  /** Set once a database older than its checkpoint was seen; stays until restored from backup. */
  rollback: z
    .strictObject({
      detectedAt: z.string().max(40),
      checkpointSeq: z.number(),
      databaseSeq: z.number(),
    })
    .nullable(),
});
const fileSchema = z.strictObject({ body: bodySchema, mac: hex64, sha256: hex64 });

export type KeySlot = z.infer<typeof slotSchema>;
export type KeyringBody = z.infer<typeof bodySchema>;
export type AuditCheckpoint = z.infer<typeof checkpointSchema>;
export interface KeyringFile {
  body: KeyringBody;
  mac: string;
}
/** A slot as built, before the keyring that holds it is authenticated. */
export type UnsignedSlot = Omit<KeySlot, 'mac'>;

function checksum(body: KeyringBody, mac: string): string {
  return createHash('sha256')
    .update(JSON.stringify([body, mac]))
    .digest('hex');
}

function macKeyOf(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'aruga/keyring-mac/v2', 32));
}

function hmac(key: Buffer, material: unknown): string {
  return createHmac('sha256', key).update(JSON.stringify(material)).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

const slotMacMaterial = (slot: UnsignedSlot) => ['slot', slot.id, slot.kind, slot.publicKey];

export function keyringPath(
  dataFolder: string,
  which: 'current' | 'pending' | 'previous' = 'current',
): string {
  const name =
    which === 'pending'
      ? PENDING_KEYRING_FILE
      : which === 'previous'
        ? PREVIOUS_KEYRING_FILE
        : KEYRING_FILE;
  return join(dataFolder, name);
}

/** Null when there is no keyring; CORRUPT when it is damaged (not yet authenticated: see verify). */
export function readKeyringFile(path: string): KeyringFile | null {
  const raw = readFileIfExists(path);
  if (raw === null) return null;
  let json: { body: KeyringBody };
  let parsed: z.infer<typeof fileSchema>;
  try {
    json = JSON.parse(raw) as { body: KeyringBody };
    parsed = fileSchema.parse(json);
  } catch {
    throw new AppError('CORRUPT', 'keyringDamaged');
  }
  // Over the body as written (parsing reorders keys); the MAC check then uses the parsed one.
  if (!sameHex(checksum(json.body, parsed.mac), parsed.sha256)) {
    throw new AppError('CORRUPT', 'keyringDamaged');
  }
  return { body: parsed.body, mac: parsed.mac };
}

export function readKeyring(path: string): KeyringBody | null {
  return readKeyringFile(path)?.body ?? null;
}

/** Signs every slot and the whole body with the data key, then writes atomically. */
export function writeKeyring(path: string, body: KeyringBody, dataKey: Buffer): KeyringBody {
  const key = macKeyOf(dataKey);
  // Parsed once more so its keys are in the order a reader's parse gives: the MACs and checksum
  // are over JSON text, which must be the same on both sides.
  const signed = bodySchema.parse({
    ...body,
    slots: body.slots.map((slot) => ({ ...slot, mac: hmac(key, slotMacMaterial(slot)) })),
  });
  const mac = hmac(key, ['keyring', signed]);
  key.fill(0);
  writeFileAtomic(
    path,
    JSON.stringify({ body: signed, mac, sha256: checksum(signed, mac) }, null, 1),
  );
  return signed;
}

export interface VerifiedKeyring {
  /** The keyring with only the slots Aruga made; the only one ever used or re-written. */
  body: KeyringBody;
  /** Slots that do not carry Aruga's authentication: planted, never used. */
  plantedSlots: number;
  /** The body was changed outside Aruga (a planted slot, an edited checkpoint or flag). */
  tampered: boolean;
}

/** Checks the keyring against the data key that one of its slots just unwrapped. */
export function verifyKeyring(file: KeyringFile, dataKey: Buffer): VerifiedKeyring {
  const key = macKeyOf(dataKey);
  try {
    if (sameHex(hmac(key, ['keyring', file.body]), file.mac)) {
      return { body: file.body, plantedSlots: 0, tampered: false };
    }
    const trusted = file.body.slots.filter((s) => sameHex(hmac(key, slotMacMaterial(s)), s.mac));
    return {
      // What an edited body says about the audit head cannot be trusted either.
      body: { ...file.body, slots: trusted, checkpoint: null },
      plantedSlots: file.body.slots.length - trusted.length,
      tampered: true,
    };
  } finally {
    key.fill(0);
  }
}

export function newKeyringBody(demo: boolean): KeyringBody {
  return {
    format: 'aruga-keyring',
    version: 2,
    lookup: { salt: randomBytes(16).toString('base64'), params: LOOKUP_SCRYPT },
    demo,
    slots: [],
    checkpoint: null,
    rollback: null,
  };
}

/** The slot id of a username in this keyring. */
export async function slotIdFor(body: KeyringBody, username: string): Promise<string> {
  const key = await deriveKey(
    username.normalize('NFC'),
    Buffer.from(body.lookup.salt, 'base64'),
    body.lookup.params,
  );
  return key.subarray(0, 16).toString('hex');
}

export const RECOVERY_SLOT_ID = 'recovery';

// The id, kind and public key are bound into every sealed part, so none can be moved or swapped.
const aadOf = (slot: Pick<KeySlot, 'id' | 'kind' | 'publicKey'>, part: string) =>
  `aruga/slot/v2/${slot.kind}/${slot.id}/${slot.publicKey}/${part}`;

/**
 * What an account carries between computers so that one password opens every computer's slot
 * for it: the password's KDF salt and cost, the account's public key, and its private key sealed
 * under the key the password derives. It holds no data key: each computer wraps its own.
 */
export const credentialSchema = z.strictObject({
  kdf: slotSchema.shape.kdf,
  publicKey: b64,
  sealedPrivateKey: sealedSchema,
});
export type AccountCredential = z.infer<typeof credentialSchema>;

const credentialAad = (publicKey: string) => `aruga/credential/v1/${publicKey}/private`;

/** A new key pair for an account, its private key sealed under `secret`. */
export async function createCredential(
  secret: string,
  kdf: PasswordKdf,
): Promise<AccountCredential> {
  const { salt, kek } = await newKek(secret, kdf);
  const pair = generateSlotKeyPair();
  const credential: AccountCredential = {
    kdf: { ...kdf, salt },
    publicKey: pair.publicKey,
    sealedPrivateKey: seal(kek, pair.privateKeyDer, credentialAad(pair.publicKey)),
  };
  kek.fill(0);
  pair.privateKeyDer.fill(0);
  return credential;
}

/** This keyring's slot for an account: its credential, and this computer's data key wrapped to it. */
export function credentialSlot(
  id: string,
  credential: AccountCredential,
  dataKey: Buffer,
): KeySlot {
  const slot = { id, kind: 'user' as const, publicKey: credential.publicKey };
  return {
    ...slot,
    kdf: credential.kdf,
    sealedPrivateKey: credential.sealedPrivateKey,
    wrappedDataKey: wrapToPublicKey(dataKey, credential.publicKey, aadOf(slot, 'data-key')),
    portable: true,
    // Filled in by writeKeyring, which alone holds the MAC key.
    mac: '0'.repeat(64),
  };
}

/** Build a slot for `secret` (a password or the recovery key) that unwraps `dataKey`. */
export async function createSlot(
  id: string,
  kind: KeySlot['kind'],
  secret: string,
  dataKey: Buffer,
  kdf: PasswordKdf,
): Promise<KeySlot> {
  const { salt, kek } = await newKek(secret, kdf);
  const pair = generateSlotKeyPair();
  const slot = { id, kind, publicKey: pair.publicKey };
  const result: KeySlot = {
    ...slot,
    kdf: { ...kdf, salt },
    sealedPrivateKey: seal(kek, pair.privateKeyDer, aadOf(slot, 'private')),
    wrappedDataKey: wrapToPublicKey(dataKey, pair.publicKey, aadOf(slot, 'data-key')),
    // Filled in by writeKeyring, which alone holds the MAC key.
    mac: '0'.repeat(64),
  };
  kek.fill(0);
  pair.privateKeyDer.fill(0);
  return result;
}

/** A fresh salt (base64) and the key `secret` derives with it under `kdf`. */
async function newKek(secret: string, kdf: PasswordKdf): Promise<{ salt: string; kek: Buffer }> {
  if (!isAllowedKdf(kdf)) throw new Error('unsupported KDF parameters');
  const salt = randomBytes(16);
  return {
    salt: salt.toString('base64'),
    kek: await derivePasswordKey(secret.normalize('NFC'), salt, kdf),
  };
}

/** The KDF and cost a slot was made with (without its salt). */
export function kdfOf(slot: Pick<KeySlot, 'kdf'>): PasswordKdf {
  const { kdf } = slot;
  return kdf.alg === 'scrypt'
    ? { alg: kdf.alg, params: kdf.params }
    : { alg: kdf.alg, params: kdf.params };
}

export interface OpenedSlot {
  dataKey: Buffer;
  /**
   * The same slot (key pair, wrapped data key) with its private key sealed anew under `upgradeTo`,
   * when the slot was made with another KDF or cost; null when it already uses it.
   */
  upgraded: KeySlot | null;
}

/** Opens `slot` with `secret`; null when the secret is wrong for it. */
export async function openSlot(
  slot: KeySlot,
  secret: string,
  upgradeTo?: PasswordKdf,
): Promise<OpenedSlot | null> {
  const kek = await derivePasswordKey(
    secret.normalize('NFC'),
    Buffer.from(slot.kdf.salt, 'base64'),
    kdfOf(slot),
  );
  const privateAad = slot.portable ? credentialAad(slot.publicKey) : aadOf(slot, 'private');
  const privateKey = open(kek, slot.sealedPrivateKey, privateAad);
  kek.fill(0);
  if (!privateKey) return null;
  try {
    const dataKey = unwrapWithPrivateKey(
      slot.wrappedDataKey,
      privateKey,
      slot.publicKey,
      aadOf(slot, 'data-key'),
    );
    if (!dataKey) return null;
    if (!upgradeTo || sameKdf(kdfOf(slot), upgradeTo)) return { dataKey, upgraded: null };
    const fresh = await newKek(secret, upgradeTo);
    const upgraded: KeySlot = {
      ...slot,
      kdf: { ...upgradeTo, salt: fresh.salt },
      sealedPrivateKey: seal(fresh.kek, privateKey, privateAad),
    };
    fresh.kek.fill(0);
    return { dataKey, upgraded };
  } finally {
    privateKey.fill(0);
  }
}

/** The data key, or null when the secret is wrong for this slot. */
export async function unlockSlot(slot: KeySlot, secret: string): Promise<Buffer | null> {
  return (await openSlot(slot, secret))?.dataKey ?? null;
}

/** Re-wrap a new data key to an existing slot, without its secret (key rotation). */
export function rewrapSlot(slot: KeySlot, dataKey: Buffer): KeySlot {
  return {
    ...slot,
    wrappedDataKey: wrapToPublicKey(dataKey, slot.publicKey, aadOf(slot, 'data-key')),
  };
}

/** Spend the same KDF time as a real attempt, so timing does not reveal whether a username exists. */
export async function spendDecoyKdf(kdf: PasswordKdf): Promise<void> {
  await derivePasswordKey('decoy', randomBytes(16), kdf);
}

export function replaceSlot(body: KeyringBody, slot: KeySlot): KeyringBody {
  return { ...body, slots: [...body.slots.filter((s) => s.id !== slot.id), slot] };
}

export function removeSlot(body: KeyringBody, id: string): KeyringBody {
  return { ...body, slots: body.slots.filter((s) => s.id !== id) };
}
