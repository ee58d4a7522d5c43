// The sync domain's procedures: start sharing, sync now with a folder, the organisation's
// computers. Merged into `procedures` by shared/contract.ts; see it for the shape of a procedure.
import { z } from 'zod';
import type { Role } from '../roles';
import { ROLES } from '../roles';
import { procedure } from '../procedure';
import { requiredText } from '../text';

/** Why a bundle was refused (the backend's BundleRefused carries one). */
export const BUNDLE_REFUSALS = [
  /** Not readable with the organisation's key: truncated, altered, or another organisation's. */
  'unreadable',
  /** Readable and signed, but not what Aruga writes (an unknown table or column, a bad clock). */
  'malformed',
  /** Signed by a computer this one does not know (yet: its addition may still be on its way). */
  'unknownComputer',
  /** Signed by a computer removed from the organisation. */
  'removedComputer',
  /** The signature does not match its computer's key. */
  'badSignature',
  /** Carries a clock too far ahead of this computer's: tried again at a later sync. */
  'clockAhead',
  /**
   * Holds a row this computer's database cannot take beside its own (two staff accounts with one
   * username): tried again at every sync, and applies once either side is renamed.
   */
  'unmergeable',
] as const;
export type BundleRefusal = (typeof BUNDLE_REFUSALS)[number];

export interface SyncNowResult {
  applied: number;
  refused: { reason: BundleRefusal }[];
  written: boolean;
  deleted: number;
}

export interface ComputerRow {
  id: string;
  name: string;
  /** This computer. */
  self: boolean;
  removed: boolean;
  /** When a bundle of its own was last applied here (or written, for this computer). */
  lastSeenAt: string | null;
}

const STAFF: readonly Role[] = ROLES;
const OVERSEERS: readonly Role[] = ['admin', 'coordinator'];

export const syncProcedures = {
  'sync.start': procedure<{ computerId: string }>()({
    input: z.strictObject({ computerName: requiredText(100) }),
    access: ['admin'],
    kind: 'mutation',
  }),
  'sync.now': procedure<SyncNowResult>()({
    input: z.strictObject({ folder: requiredText(1000) }),
    access: STAFF,
    kind: 'mutation',
  }),
  'sync.computers': procedure<ComputerRow[]>()({
    input: z.strictObject({}),
    access: OVERSEERS,
    kind: 'query',
  }),
};
