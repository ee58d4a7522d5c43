// The sync domain's procedures: start sharing, add a computer and join with its file, this
// computer's sync settings, sync now with a folder, the organisation's computers and removing one, and the conflicts to resolve. Merged into `procedures` by shared/contract.ts; see it for the shape of a procedure.
import { z } from 'zod';
import type { Role } from '../roles';
import { ROLES } from '../roles';
import { idKinds, idOf } from '../ids';
import { procedure } from '../procedure';
import { optionalText, requiredText } from '../text';

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
  /** Why it was removed, as the administrator typed it (null while it is a member). */
  removedReason: string | null;
}

/** After how many days without its changes a computer is flagged on the Computers screen. */
export const STALE_DAYS = { min: 1, max: 365, default: 7 } as const;

export const syncSettingsSchema = z.strictObject({
  /** The sync folder: a USB stick, a shared or Syncthing folder, as typed (or picked). */
  folder: requiredText(1000),
  staleDays: z.number().int().min(STALE_DAYS.min).max(STALE_DAYS.max),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

/** Whether this computer shares, and its settings: what every signed-in screen needs to sync. */
export interface SyncStatus {
  sharing: boolean;
  /** The saved sync folder, if the administrator set one. */
  folder: string | null;
  staleDays: number;
}

/**
 * A computer, by id: this computer's own id is a random device id (not a UUIDv7 like a record's),
 * so any UUID, checked like any other id against what the caller may name.
 */
const computerId = () => z.uuid().register(idKinds, { kind: 'computer' });

/** What two computers offline at once can each do validly alone but not together. */
export const CONFLICT_KINDS = [
  /** Two stays in one bed at once. */
  'bedTwice',
  /** One child in two shelters at once. */
  'childAtTwoShelters',
  /** One child in two stays at once within one shelter. */
  'childTwice',
  /** One case code on two children. */
  'caseCodeTwice',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** One side of a conflict: a stay (the placement kinds) or a child (a case code given twice). */
export interface ConflictSide {
  /** The placement, or the child. */
  id: string;
  childId: string;
  caseCode: string;
  initials: string;
  /** The stay's shelter, bed and dates; null for a child. */
  stay: { shelterName: string; bedLabel: string; startAt: string; endAt: string | null } | null;
  /** Who recorded it, when and on which computer (the computer is null if made before sharing). */
  madeBy: string | null;
  madeAt: string | null;
  computer: string | null;
}

export interface ConflictRow {
  kind: ConflictKind;
  sides: [ConflictSide, ConflictSide];
}

/** A child's new case code; the former one still finds the child in search. */
export interface NewCaseCode {
  childId: string;
  caseCode: string;
  formerCode: string;
}

/** A computer added with a join file: the code is shown once on screen and stored nowhere. */
export interface AddedComputer {
  computerId: string;
  /** The one-time code, in groups of four, which opens the join file. */
  code: string;
  /** Where the join file was written. */
  path: string;
}

/** This computer joined the organisation; its first sync, if a sync folder was given. */
export interface JoinResult {
  computerId: string;
  computerName: string;
  firstSync: { applied: number; refused: number } | null;
  /** This computer's own recovery key: shown once, then checked, as at set-up. */
  recoveryKey: string;
  /** The vault's time zone, for the printed key's date (no one is signed in yet). */
  timeZone: string;
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
  'sync.status': procedure<SyncStatus>()({
    input: z.strictObject({}),
    access: STAFF,
    kind: 'query',
  }),
  'sync.saveSettings': procedure<SyncStatus>()({
    input: syncSettingsSchema,
    access: ['admin'],
    kind: 'mutation',
  }),
  /** What merged data holds from both sides, for the coordinator to resolve on the usual screens. */
  'sync.conflicts': procedure<ConflictRow[]>()({
    input: z.strictObject({}),
    access: ['coordinator'],
    kind: 'query',
  }),
  /** A case code given twice: this child takes the next code this computer gives. */
  'sync.newCaseCode': procedure<NewCaseCode>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: ['coordinator'],
    kind: 'mutation',
  }),
  /** Lists a new computer and writes its join file to a folder (a USB stick, say). */
  'sync.addComputer': procedure<AddedComputer>()({
    input: z.strictObject({ computerName: requiredText(100), folder: requiredText(1000) }),
    access: ['admin'],
    kind: 'mutation',
    progress: true,
  }),
  /** On a computer with no vault yet: its vault made from a join file opened with its code. */
  'sync.join': procedure<JoinResult>()({
    input: z.strictObject({
      file: requiredText(1000),
      code: requiredText(100),
      syncFolder: optionalText(1000),
    }),
    access: 'public',
    kind: 'mutation',
    progress: true,
  }),
  /** A lost or stolen computer: its bundles are refused wherever the removal has arrived. */
  'sync.removeComputer': procedure<{ computerId: string }>()({
    input: z.strictObject({ computerId: computerId(), reason: requiredText(500) }),
    access: ['admin'],
    kind: 'mutation',
  }),
};

declare module '../ids' {
  interface IdKinds {
    /** The organisation's computers. */
    sync: 'computer';
  }
}
