// One bundle file: the changes and acknowledgements a computer writes for the others.
//   file      = nonce (24 bytes) ‖ XChaCha20-Poly1305(bundle key, nonce, aad = file name)(inner)
//   inner     = Ed25519 signature (64 bytes) of body ‖ body
//   body      = deflate(JSON { author, changes, acks })
// Nothing outside the ciphertext says what it is, whose it is or how many changes it holds; the
// file name is random and bound as associated data, so a renamed copy does not open.
import { randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { Db } from '../../db/sqlcipher';
import type { Change } from '../../db/merge';
import type { Row } from '../../db/data-layer';
import { BundleRefused } from './errors';
import { computerKey, type Identity } from './identity';

export interface BundleBody {
  author: string;
  changes: Change[];
  /** Names of the bundles in the folder the author has applied (its own included). */
  acks: string[];
}

const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const SIGNATURE_BYTES = 64;
/** A bundle never inflates beyond this: a hostile one cannot exhaust memory. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export const BUNDLE_NAME = /^[0-9a-f]{32}$/;

export function newBundleName(): string {
  return randomBytes(16).toString('hex');
}

const wireBody = z.strictObject({
  author: z.string().min(1),
  // Each change is checked by changeOf: a schema per change was most of an import's time.
  changes: z.array(z.unknown()),
  acks: z.array(z.string().regex(BUNDLE_NAME)),
});

const OPS: ReadonlySet<unknown> = new Set<Change['op']>(['insert', 'update', 'delete']);

/**
 * One change as written on the wire: [hlc, device, user or null, table, row, op, columns], the
 * columns a plain object of strings, finite numbers and nulls. Anything else throws.
 */
function changeOf(wire: unknown): Change {
  if (!Array.isArray(wire) || wire.length !== 7) throw new Error('not a change');
  const [hlc, deviceId, userId, table, rowId, op, columns] = wire as unknown[];
  if (
    typeof hlc !== 'string' ||
    typeof deviceId !== 'string' ||
    (userId !== null && typeof userId !== 'string') ||
    typeof table !== 'string' ||
    typeof rowId !== 'string' ||
    !OPS.has(op) ||
    typeof columns !== 'object' ||
    columns === null ||
    Array.isArray(columns)
  )
    throw new Error('not a change');
  for (const v of Object.values(columns))
    if (v !== null && typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v)))
      throw new Error('not a column value');
  return { hlc, deviceId, userId, table, rowId, op: op as Change['op'], columns: columns as Row };
}

/** Sealed with `key`: the organisation's first key unless a removal has replaced it (bundle-keys.ts). */
export function sealBundle(
  identity: Identity,
  name: string,
  body: BundleBody,
  key: Uint8Array = identity.bundleKey,
): Uint8Array {
  const wire = {
    author: body.author,
    changes: body.changes.map((c) => [
      c.hlc,
      c.deviceId,
      c.userId,
      c.table,
      c.rowId,
      c.op,
      c.columns,
    ]),
    acks: body.acks,
  };
  const compressed = deflateRawSync(Buffer.from(JSON.stringify(wire), 'utf8'));
  const signature = ed25519.sign(compressed, identity.signingKey);
  const nonce = new Uint8Array(randomBytes(NONCE_BYTES));
  const sealed = xchacha20poly1305(key, nonce, nameBytes(name)).encrypt(
    Buffer.concat([signature, compressed]),
  );
  return Buffer.concat([nonce, sealed]);
}

/** A bundle decrypted and parsed, its signature not yet checked against the list of computers. */
export interface UnsealedBundle {
  body: BundleBody;
  signature: Uint8Array;
  signed: Uint8Array;
}

/**
 * Opens and checks a bundle: readable with the organisation's key under this file name, signed
 * by a listed computer that has not been removed, and shaped as Aruga writes it.
 */
export function openBundle(
  db: Db,
  identity: Identity,
  name: string,
  file: Uint8Array,
  keys?: readonly Uint8Array[],
): BundleBody {
  return checkSigner(db, unsealBundle(identity, name, file, keys));
}

/**
 * Decrypts and parses a bundle: readable with one of the organisation's keys this computer holds
 * (nothing in the file says which), shaped as Aruga writes it.
 */
export function unsealBundle(
  identity: Identity,
  name: string,
  file: Uint8Array,
  keys: readonly Uint8Array[] = [identity.bundleKey],
): UnsealedBundle {
  if (file.length < NONCE_BYTES + TAG_BYTES + SIGNATURE_BYTES)
    throw new BundleRefused('unreadable');
  let inner: Uint8Array | null = null;
  for (const key of keys) inner ??= decrypt(key, name, file);
  if (!inner) throw new BundleRefused('unreadable');
  const signature = inner.subarray(0, SIGNATURE_BYTES);
  const compressed = inner.subarray(SIGNATURE_BYTES);
  let body: BundleBody;
  try {
    const json = inflateRawSync(compressed, { maxOutputLength: MAX_BODY_BYTES }).toString('utf8');
    const parsed = wireBody.parse(JSON.parse(json));
    body = { author: parsed.author, acks: parsed.acks, changes: parsed.changes.map(changeOf) };
  } catch {
    throw new BundleRefused('malformed');
  }
  return { body, signature, signed: compressed };
}

/**
 * Checks the signer against this computer's list as it is now: listed, not removed, and the
 * signature its own. Checked just before a bundle applies, so a removal applied from another
 * bundle of the same sync already counts.
 */
export function checkSigner(db: Db, bundle: UnsealedBundle): BundleBody {
  const { author } = bundle.body;
  const signer = computerKey(db, author);
  if (!signer) throw new BundleRefused('unknownComputer', author);
  if (signer.removed) throw new BundleRefused('removedComputer', author);
  if (!ed25519.verify(bundle.signature, bundle.signed, signer.publicKey))
    throw new BundleRefused('badSignature', author);
  return bundle.body;
}

function decrypt(key: Uint8Array, name: string, file: Uint8Array): Uint8Array | null {
  try {
    return xchacha20poly1305(key, file.subarray(0, NONCE_BYTES), nameBytes(name)).decrypt(
      file.subarray(NONCE_BYTES),
    );
  } catch {
    return null;
  }
}

function nameBytes(name: string): Uint8Array {
  return new Uint8Array(Buffer.from(name, 'utf8'));
}
