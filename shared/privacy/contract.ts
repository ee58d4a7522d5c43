// The privacy domain's procedures: the Data Privacy Act duties of the organisation (RA 10173).
// A child's access log (the audit log filtered to one child, for the coordinator) and the breach
// register (the administrator's, with the National Privacy Commission's 72-hour notification).
// Merged into `procedures` by shared/contract.ts; see it for the shape of a procedure.
import { z } from 'zod';
import { idKinds, idOf, isoDateSchema } from '../ids';
import { procedure } from '../procedure';
import type { Role } from '../roles';
import { optionalText, requiredText, safeText } from '../text';
import { TIME_OF_DAY } from '../time';
import { retentionProcedures } from './retention';

const COORDINATOR: readonly Role[] = ['coordinator'];
const ADMIN: readonly Role[] = ['admin'];

/** NPC Circular 16-03: the Commission is notified within 72 hours of the breach's discovery. */
export const NPC_NOTIFICATION_HOURS = 72;

/** One entry of a child's access log: who did what with the file, and when (no content). */
export interface ChildAccessEntry {
  seq: number;
  at: string;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  /** What part of the file was read, when the entry says (`name`, `intake`). */
  section: string | null;
  outcome: 'ok' | 'denied' | 'failed';
}

export const ACCESS_LOG_PAGE = 50;

/** Refusals the privacy services give (i18n keys under `errors.`). */
export const PRIVACY_ERROR_KEYS = [
  'privacy.breachClosed',
  'privacy.discoveredInFuture',
  'privacy.notifiedBeforeDiscovery',
  'privacy.retentionNotDue',
] as const;

export interface Breach {
  id: string;
  summary: string;
  discoveredAt: string;
  /** Who was told (the people affected, the shelter head, police), as typed. */
  notified: string;
  /** The calendar date the Commission was notified, once it was. */
  npcNotifiedOn: string | null;
  /** Discovery plus 72 hours. */
  npcDueAt: string;
  /** Open, not notified, and past the 72 hours. */
  overdue: boolean;
  closedAt: string | null;
  closingNote: string | null;
  recordedByName: string | null;
}

const breachId = () => z.uuid({ version: 'v7' }).register(idKinds, { kind: 'breach' });

export const breachSaveSchema = z.strictObject({
  id: breachId().optional(),
  summary: requiredText(4000, { multiline: true }),
  discoveredOn: isoDateSchema,
  discoveredTime: safeText().regex(TIME_OF_DAY, 'invalid'),
  notified: optionalText(2000, { multiline: true }).default(''),
  npcNotifiedOn: isoDateSchema.nullable(),
});
export type BreachSaveInput = z.input<typeof breachSaveSchema>;

export const breachCloseSchema = z.strictObject({
  id: breachId(),
  closingNote: requiredText(2000, { multiline: true }),
});

export const privacyProcedures = {
  /** The audit log of one child's file, newest first: who opened it, its name, its account. */
  'privacy.childAccessLog': procedure<{
    entries: ChildAccessEntry[];
    nextBeforeSeq: number | null;
  }>()({
    input: z.strictObject({
      childId: idOf('child'),
      beforeSeq: z.number().int().positive().optional(),
    }),
    access: COORDINATOR,
    kind: 'query',
  }),
  /** The breach register: open breaches first (oldest discovery first), then the closed ones. */
  'breaches.list': procedure<Breach[]>()({
    input: z.strictObject({}),
    access: ADMIN,
    kind: 'query',
  }),
  /** Records a suspected breach, or corrects one still open. */
  'breaches.save': procedure<Breach>()({
    input: breachSaveSchema,
    access: ADMIN,
    kind: 'mutation',
  }),
  /** Closes a breach with what was done; the reminder stops. */
  'breaches.close': procedure<Breach>()({
    input: breachCloseSchema,
    access: ADMIN,
    kind: 'mutation',
  }),
  ...retentionProcedures,
} as const;

declare module '../ids' {
  interface IdKinds {
    /** An entry of the breach register; a record a retention period applies to. */
    privacy: 'breach' | 'retainedRecord';
  }
}
