// The access-request export: everything the vault holds about one child, as a readable,
// printable document for the child or her guardian exercising the right of access (RA 10173).
// It is a report like the others (preview, print, Save as PDF), run by a coordinator for a child
// in scope; the run and each output are audited against the child.
import { z } from 'zod';
import { idOf } from '../ids';
import { languageSchema } from '../languages';
import { procedure } from '../procedure';
import type { Role } from '../roles';
import type { ReportStamp } from './contract';

/** Who answers an access request about a child. */
export const ACCESS_REQUEST_ROLES: readonly Role[] = ['coordinator'];

/** One kind of record held about the child (a table), with each record's fields in order. */
export interface AccessRequestRecords {
  /** The table's name, as the vault names it. */
  table: string;
  /** Each record as field-value pairs; user ids are given as the person's name. */
  rows: { field: string; value: string }[][];
}

export interface AccessRequestReport extends ReportStamp {
  kind: 'accessRequest';
  /** From the day the record was made to today. */
  from: string;
  to: string;
  child: { id: string; caseCode: string; initials: string };
  /** The child's own record first, then every other kind of record naming her, by table. */
  records: AccessRequestRecords[];
  /** `table.column` of each confidential field left out (clinical text, break-glass reasons), or a
   * whole table the viewer may not read (health, unless the administrator allows). */
  withheld: string[];
}

export const accessRequestProcedures = {
  /** Everything held about the child, audited as a view of the child's record. */
  'reports.accessRequest': procedure<AccessRequestReport>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: ACCESS_REQUEST_ROLES,
    kind: 'query',
    auditView: true,
  }),
  /** Records a printed or saved access-request export against the child (no CSV). */
  'reports.recordAccessRequestOutput': procedure<null>()({
    input: z.strictObject({
      childId: idOf('child'),
      output: z.enum(['print', 'pdf']),
      /** The language it was printed in, chosen in the print dialog. */
      language: languageSchema,
    }),
    access: ACCESS_REQUEST_ROLES,
    kind: 'mutation',
  }),
} as const;

/** Who answers an access request about a staff member: the administrator, who keeps accounts. */
export const STAFF_ACCESS_REQUEST_ROLES: readonly Role[] = ['admin'];

/** One action the staff member performed, as the audit log holds it: no content, case codes only. */
export interface StaffAuditLine {
  at: string;
  action: string;
  outcome: string;
  /** What kind of record it named (child, user, report…), if any. */
  targetType: string | null;
  /** The case code of the child it concerned, never her name. */
  caseCode: string | null;
}

/** How many records of one kind name the staff member as their author, and when. */
export interface StaffAuthorship {
  table: string;
  count: number;
  first: string;
  last: string;
}

export interface StaffAccessRequestReport extends ReportStamp {
  kind: 'staffAccessRequest';
  /** From the day the account was made to today. */
  from: string;
  to: string;
  account: {
    id: string;
    displayName: string;
    username: string;
    role: Role;
    shelters: string[];
    language: string | null;
    createdAt: string;
    /** When it was disabled, or null while it is active. */
    disabledAt: string | null;
    lastSignInAt: string | null;
  };
  /** Facts about the account's key slot, never the key material itself. */
  keySlot: {
    /** When the password was last set (by the person, a reset, or at creation); null if never. */
    passwordChangedAt: string | null;
    mustChangePassword: boolean;
    /** Whether the password opens the organisation's other computers. */
    travels: boolean;
  };
  /** Every action the staff member performed, the oldest first. */
  actions: StaffAuditLine[];
  /** Actions others performed on the account (made, reset, disabled). */
  actionsOnAccount: (StaffAuditLine & { actorName: string | null })[];
  /** Records naming the staff member as their author, by kind: counts and dates only. */
  authored: StaffAuthorship[];
}

export const staffAccessRequestProcedures = {
  /** Everything held about one staff member, audited as a view of the account. */
  'reports.staffAccessRequest': procedure<StaffAccessRequestReport>()({
    input: z.strictObject({ userId: idOf('user') }),
    access: STAFF_ACCESS_REQUEST_ROLES,
    kind: 'query',
    auditView: true,
  }),
  /** Records a printed or saved staff access-request export against the account. */
  'reports.recordStaffAccessRequestOutput': procedure<null>()({
    input: z.strictObject({
      userId: idOf('user'),
      output: z.enum(['print', 'pdf']),
      language: languageSchema,
    }),
    access: STAFF_ACCESS_REQUEST_ROLES,
    kind: 'mutation',
  }),
} as const;
