// The keyring (DESIGN.md §2): one slot per user plus a recovery slot, each able to unwrap the
// vault's data key. The file names no user: a slot is found by a salted, memory-hard hash of the
// username. A SHA-256 checksum over the body tells accidental damage from a wrong password.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { ScryptParams } from '../api';
import {
  deriveKey,
  generateSlotKeyPair,
  LOOKUP_SCRYPT,
  open,
  seal,
  unwrapWithPrivateKey,
  wrapToPublicKey,
} from './crypto';
import { readFileIfExists, writeFileAtomic } from './atomic-file';

export const KEYRING_FILE = 'keyring.json';
/** Written before a data-key rotation re-keys the database, promoted after (see rotate). */
export const PENDING_KEYRING_FILE = 'keyring.next.json';

const b64 = z.string().max(4096);
const sealedSchema = z.strictObject({ iv: b64, ct: b64, tag: b64 });
const scryptSchema = z.strictObject({
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
});
const slotSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$|^recovery$/),
  kind: z.enum(['user', 'recovery']),
  kdf: z.strictObject({ alg: z.literal('scrypt'), salt: b64, params: scryptSchema }),
  publicKey: b64,
  sealedPrivateKey: sealedSchema,
  wrappedDataKey: sealedSchema.extend({ ephemeralPublicKey: b64 }),
});
const bodySchema = z.strictObject({
  format: z.literal('aruga-keyring'),
  version: z.literal(1),
  lookup: z.strictObject({ salt: b64, params: scryptSchema }),
  demo: z.boolean(),
  slots: z.array(slotSchema),
});
const fileSchema = z.strictObject({ body: bodySchema, sha256: z.string() });

export type KeySlot = z.infer<typeof slotSchema>;
export type KeyringBody = z.infer<typeof bodySchema>;

function checksum(body: KeyringBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export function keyringPath(dataFolder: string, pending = false): string {
  return join(dataFolder, pending ? PENDING_KEYRING_FILE : KEYRING_FILE);
}

/** Null when there is no keyring; CORRUPT when it cannot be trusted. */
export function readKeyring(path: string): KeyringBody | null {
  const raw = readFileIfExists(path);
  if (raw === null) return null;
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(raw));
  } catch {
    throw new AppError('CORRUPT', 'keyringDamaged');
  }
  const expected = Buffer.from(checksum(parsed.body), 'hex');
  const actual = Buffer.from(parsed.sha256, 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new AppError('CORRUPT', 'keyringDamaged');
  }
  return parsed.body;
}

export function writeKeyring(path: string, body: KeyringBody): void {
  writeFileAtomic(path, JSON.stringify({ body, sha256: checksum(body) }, null, 1));
}

export function newKeyringBody(demo: boolean): KeyringBody {
  return {
    format: 'aruga-keyring',
    version: 1,
    lookup: { salt: randomBytes(16).toString('base64'), params: LOOKUP_SCRYPT },
    demo,
    slots: [],
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

const aadOf = (slot: Pick<KeySlot, 'id' | 'kind'>, part: string) =>
  `aruga/slot/${slot.kind}/${slot.id}/${part}`;

/** Build a slot for `secret` (a password or the recovery key) that unwraps `dataKey`. */
export async function createSlot(
  id: string,
  kind: KeySlot['kind'],
  secret: string,
  dataKey: Buffer,
  params: ScryptParams,
): Promise<KeySlot> {
  const salt = randomBytes(16);
  const kek = await deriveKey(secret.normalize('NFC'), salt, params);
  const pair = generateSlotKeyPair();
  const slot = { id, kind };
  const result: KeySlot = {
    ...slot,
    kdf: { alg: 'scrypt', salt: salt.toString('base64'), params },
    publicKey: pair.publicKey,
    sealedPrivateKey: seal(kek, pair.privateKeyDer, aadOf(slot, 'private')),
    wrappedDataKey: wrapToPublicKey(dataKey, pair.publicKey, aadOf(slot, 'data-key')),
  };
  kek.fill(0);
  pair.privateKeyDer.fill(0);
  return result;
}

/** The data key, or null when the secret is wrong for this slot. */
export async function unlockSlot(slot: KeySlot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKey(
    secret.normalize('NFC'),
    Buffer.from(slot.kdf.salt, 'base64'),
    slot.kdf.params,
  );
  const privateKey = open(kek, slot.sealedPrivateKey, aadOf(slot, 'private'));
  kek.fill(0);
  if (!privateKey) return null;
  const dataKey = unwrapWithPrivateKey(
    slot.wrappedDataKey,
    privateKey,
    slot.publicKey,
    aadOf(slot, 'data-key'),
  );
  privateKey.fill(0);
  return dataKey;
}

/** Re-wrap a new data key to an existing slot, without its secret (key rotation). */
export function rewrapSlot(slot: KeySlot, dataKey: Buffer): KeySlot {
  return {
    ...slot,
    wrappedDataKey: wrapToPublicKey(dataKey, slot.publicKey, aadOf(slot, 'data-key')),
  };
}

/** Spend the same KDF time as a real attempt, so timing does not reveal whether a username exists. */
export async function spendDecoyKdf(params: ScryptParams): Promise<void> {
  await deriveKey('decoy', randomBytes(16), params);
}

export function replaceSlot(body: KeyringBody, slot: KeySlot): KeyringBody {
  return { ...body, slots: [...body.slots.filter((s) => s.id !== slot.id), slot] };
}

export function removeSlot(body: KeyringBody, id: string): KeyringBody {
  return { ...body, slots: body.slots.filter((s) => s.id !== id) };
}
