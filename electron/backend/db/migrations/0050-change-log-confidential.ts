// The change log recorded the values of every written column, session notes' text included. From
// now on the data layer writes a mark in place of a confidential column's value (see
// `confidential` in domains/therapy/tables.ts); this migration puts the same mark in the rows
// already logged. secure_delete is on, so the old text does not linger in free pages. The columns
// are spelled out here, not read from the declarations: a released migration never changes.
import type { Migration } from './migration';

const MARK = `json('{"$confidential":true}')`;

const scrub = (table: string, column: string) => `
  UPDATE change_log SET columns = json_set(columns, '$.${column}', ${MARK})
  WHERE table_name = '${table}' AND json_type(columns, '$.${column}') IS NOT NULL;`;

export const changeLogConfidential: Migration = {
  version: 5,
  name: 'confidential columns out of the change log',
  sql: [
    scrub('therapy_notes', 'fields'),
    scrub('therapy_note_addenda', 'body'),
    scrub('therapy_note_break_glass', 'reason'),
    scrub('therapy_risk_flags', 'kind'),
  ].join('\n'),
};
