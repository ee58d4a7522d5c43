// Retention (RA 10173, section 11(e)): personal data is kept only as long as the purpose needs.
// The administrator sets a period per kind of record; records past it are listed for review, and a
// reviewed deletion removes their content for good, leaving a tombstone (what kind, when, who,
// why). The audit log is not a kind here: it holds ids and no content, and it is the record that
// the organisation processed lawfully (section 20 and 21, accountability), so it is kept whole.
import { z } from 'zod';
import { idKinds } from '../ids';
import { procedure } from '../procedure';
import type { Role } from '../roles';
import { requiredText } from '../text';

const ADMIN: readonly Role[] = ['admin'];

/** The kinds of record a period can be set for. */
export const RETENTION_KINDS = [
  'documents',
  'contacts',
  'incidents',
  'sessionNotes',
  'closedCases',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/**
 * Each kind's period until the administrator sets one (the README gives the reasons): five years
 * for a paper's details and the contacts log, ten for incidents and session notes, which a later
 * court case or complaint about the child's care may need, and ten after its closure for a whole
 * case (a survivor may come back, or a prosecution of the accused may still need the record).
 */
export const DEFAULT_RETENTION_MONTHS: Record<RetentionKind, number> = {
  documents: 60,
  contacts: 60,
  incidents: 120,
  sessionNotes: 120,
  closedCases: 120,
};

/** The longest period the form takes: 100 years. */
export const MAX_RETENTION_MONTHS = 1200;
export const RETENTION_PAGE = 25;

export interface RetentionPeriod {
  kind: RetentionKind;
  /** Null: the administrator chose to keep this kind with no period; nothing of it is listed. */
  months: number | null;
  /** Records of this kind past the period, not yet deleted. */
  due: number;
}

/** A record past its period, as the review list shows it: no content, only what identifies it. */
export interface RetainedRecord {
  id: string;
  kind: RetentionKind;
  caseCode: string;
  /** The date the period counts from (a contact's date, a document's expiry, a case's closure). */
  countedFrom: string;
}

export interface RetentionTombstone {
  id: string;
  kind: RetentionKind;
  deletedAt: string;
  deletedByName: string | null;
  reason: string;
  /** A closed case's: its case code (kept) and the date its closure was approved. */
  caseCode: string | null;
  closedOn: string | null;
}

const retainedRecordId = () =>
  z.uuid({ version: 'v7' }).register(idKinds, { kind: 'retainedRecord' });

export const retentionPeriodSchema = z.strictObject({
  kind: z.enum(RETENTION_KINDS),
  months: z.number().int().min(1, 'outOfRange').max(MAX_RETENTION_MONTHS, 'outOfRange').nullable(),
});

export const retentionDeleteSchema = z.strictObject({
  kind: z.enum(RETENTION_KINDS),
  id: retainedRecordId(),
  reason: requiredText(500, { multiline: true }),
  /** The dialog's confirmation: the content cannot be brought back. */
  confirmed: z.literal(true, 'required'),
});

export const retentionProcedures = {
  /** Each kind's period and how many records are past it; the latest deletions. */
  'retention.overview': procedure<{
    periods: RetentionPeriod[];
    tombstones: RetentionTombstone[];
  }>()({
    input: z.strictObject({}),
    access: ADMIN,
    kind: 'query',
  }),
  /** One kind's records past its period, the oldest first, a page at a time. */
  'retention.due': procedure<{
    records: RetainedRecord[];
    total: number;
    nextOffset: number | null;
  }>()({
    input: z.strictObject({
      kind: z.enum(RETENTION_KINDS),
      offset: z.number().int().min(0).optional(),
    }),
    access: ADMIN,
    kind: 'query',
  }),
  'retention.setPeriod': procedure<RetentionPeriod>()({
    input: retentionPeriodSchema,
    access: ADMIN,
    kind: 'mutation',
  }),
  /** Removes a record's content for good, keeping a tombstone; only a record past its period. */
  'retention.delete': procedure<RetentionTombstone>()({
    input: retentionDeleteSchema,
    access: ADMIN,
    kind: 'mutation',
  }),
} as const;

/** The last date a record may count from and still be past a period of `months` months today. */
export function retentionCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
