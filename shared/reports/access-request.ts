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
