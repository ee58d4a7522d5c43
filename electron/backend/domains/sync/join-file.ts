// The join file: what a new computer needs to become one of the organisation's computers.
//
//   "ARUGA-JOIN\n" | header length (uint32, big-endian) | header (JSON) | database bytes
//
// The clear header holds only the KDF's cost and salt and the sealed payload: AES-256-GCM under a
// key derived by scrypt from the one-time code shown on the adding computer's screen (never
// written anywhere). The payload is the new computer's grant (its id and keys, the organisation's
// id and first bundle key), its name, and the key of the database bytes that follow: a snapshot
// exported under a key made for this file alone, so without the code the file reads as noise.
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { fileSystem, storageError } from '../../vault/atomic-file';
import { copyBytes, copyOut, writeAll } from '../../vault/backup-file';
import {
  derivePasswordKey,
  isAllowedScrypt,
  open,
  seal,
  type PasswordKdf,
} from '../../vault/crypto';
import { passwordKdfSchema } from '../../vault/keyring';
import { generateGroupedCode, normalizeGroupedCode } from '../../vault/recovery-key';
import { fieldError } from '../../records/actor';
import type { ComputerGrant } from './identity';

const MAGIC = Buffer.from('ARUGA-JOIN\n', 'utf8');
const FORMAT = 1;
const MAX_HEADER_BYTES = 64 * 1024;
/** 120 random bits: six groups of four, read off one screen and typed on another. */
export const JOIN_CODE_GROUPS = 6;
export const JOIN_EXTENSION = '.aruga-join';
/** Binds the sealed payload to this format. */
const AAD = 'aruga-join-1';

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));

const headerSchema = z.object({
  format: z.literal(FORMAT),
  // A bare scrypt cost: a join file from before the KDF was named.
  kdf: z.union([
    passwordKdfSchema,
    z
      .object({ N: z.number().int(), r: z.number().int(), p: z.number().int() })
      .refine(isAllowedScrypt)
      .transform((params) => ({ alg: 'scrypt' as const, params })),
  ]),
  salt: z.string().max(64),
  sealed: z.object({ iv: z.string().max(64), ct: z.string().max(32_768), tag: z.string().max(64) }),
});

const payloadSchema = z.object({
  grant: z.object({
    deviceId: z.string(),
    orgId: z.string(),
    bundleKey: hex(64),
    signingKey: hex(64),
    exchangeKey: z.string().regex(/^[0-9a-f]+$/),
  }),
  computerName: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int().positive(),
  databaseKey: hex(64),
  databaseBytes: z.number().int().positive(),
  databaseSha256: hex(64),
});
export type JoinPayload = z.infer<typeof payloadSchema>;

export function newJoinCode(): string {
  return generateGroupedCode(JOIN_CODE_GROUPS);
}

/**
 * Writes the join file at `path` (a temporary name; the caller renames it once checked) and
 * fsyncs it. `databasePath` is the snapshot, under `payload.databaseKey`.
 */
export async function writeJoinFile(
  path: string,
  code: string,
  kdf: PasswordKdf,
  payload: Omit<JoinPayload, 'databaseBytes' | 'databaseSha256'>,
  databasePath: string,
  databaseSha256: string,
  onBytes?: (done: number, total: number) => void,
): Promise<void> {
  const databaseBytes = fs.statSync(databasePath).size;
  const salt = randomBytes(16);
  const key = await derivePasswordKey(code, salt, kdf);
  const body = Buffer.from(JSON.stringify({ ...payload, databaseBytes, databaseSha256 }), 'utf8');
  const sealed = seal(key, body, AAD);
  key.fill(0);
  body.fill(0);
  const json = Buffer.from(
    JSON.stringify({ format: FORMAT, kdf, salt: salt.toString('base64'), sealed }),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  try {
    const fd = fileSystem.openSync(path, 'w', 0o600);
    try {
      writeAll(fd, Buffer.concat([MAGIC, length, json]));
      const source = fs.openSync(databasePath, 'r');
      try {
        copyBytes(source, 0, databaseBytes, fd, new AppError('STORAGE', 'storageFailed'), onBytes);
      } finally {
        fs.closeSync(source);
      }
      fileSystem.fsyncSync(fd);
    } finally {
      fileSystem.closeSync(fd);
    }
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  }
}

/** A join file opened with its code: the payload, and where its database bytes start. */
export interface OpenedJoinFile {
  payload: JoinPayload;
  grant: ComputerGrant;
  databaseOffset: number;
}

/**
 * Reads the header and opens the payload with `typedCode`. Nothing is written: a file that is not
 * a whole join file is `sync.joinFileUnreadable` on the file, a wrong code `sync.joinCodeWrong`.
 */
export async function openJoinFile(path: string, typedCode: string): Promise<OpenedJoinFile> {
  const code = normalizeGroupedCode(typedCode, JOIN_CODE_GROUPS);
  if (!code) throw fieldError('code', 'sync.joinCodeMalformed');
  const { header, databaseOffset, size } = readHeader(path);
  const key = await derivePasswordKey(code, Buffer.from(header.salt, 'base64'), header.kdf);
  const body = open(key, header.sealed, AAD);
  key.fill(0);
  if (!body) throw fieldError('code', 'sync.joinCodeWrong');
  const parsed = payloadSchema.safeParse(safeJson(body.toString('utf8')));
  body.fill(0);
  if (!parsed.success || size !== databaseOffset + parsed.data.databaseBytes)
    throw fieldError('file', 'sync.joinFileUnreadable');
  const { grant } = parsed.data;
  return { payload: parsed.data, grant, databaseOffset };
}

/** Copies the snapshot out of an opened join file, refusing it if its checksum differs. */
export function extractJoinDatabase(
  path: string,
  opened: OpenedJoinFile,
  target: string,
  onBytes?: (done: number, total: number) => void,
): void {
  const unreadable = fieldError('file', 'sync.joinFileUnreadable');
  const { databaseOffset, payload } = opened;
  const sha256 = copyOut(path, databaseOffset, payload.databaseBytes, target, unreadable, onBytes);
  if (sha256 !== payload.databaseSha256) throw unreadable;
}

function readHeader(path: string) {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch {
    throw fieldError('file', 'sync.joinFileMissing');
  }
  const unreadable = fieldError('file', 'sync.joinFileUnreadable');
  try {
    const size = fs.fstatSync(fd).size;
    const start = Buffer.alloc(MAGIC.length + 4);
    if (fs.readSync(fd, start, 0, start.length, 0) !== start.length) throw unreadable;
    if (!start.subarray(0, MAGIC.length).equals(MAGIC)) throw unreadable;
    const headerBytes = start.readUInt32BE(MAGIC.length);
    if (headerBytes > MAX_HEADER_BYTES) throw unreadable;
    const json = Buffer.alloc(headerBytes);
    if (fs.readSync(fd, json, 0, headerBytes, start.length) !== headerBytes) throw unreadable;
    const parsed = headerSchema.safeParse(safeJson(json.toString('utf8')));
    // A cost Aruga never writes is a planted file, refused before the KDF allocates for it.
    if (!parsed.success) throw unreadable;
    return { header: parsed.data, databaseOffset: start.length + headerBytes, size };
  } catch (error) {
    throw error instanceof AppError ? error : unreadable;
  } finally {
    fs.closeSync(fd);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
