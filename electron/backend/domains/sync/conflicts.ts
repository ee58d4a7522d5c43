// What two computers offline at once can each do validly alone but not together. Sync keeps both
// sides; this lists them, from the merged data alone, so every computer with the same data lists
// the same conflicts in the same order. One is resolved by correcting one side so the two no
// longer overlap (or the code differs); from then on it is no longer listed.
import type { Db } from '../../db/sqlcipher';

export type ConflictKind =
  /** Two stays in one bed at once. */
  | 'bedTwice'
  /** One child in two shelters at once. */
  | 'childAtTwoShelters'
  /** One child in two stays at once within one shelter. */
  | 'childTwice'
  /** One case code on two children. */
  | 'caseCodeTwice';

export interface Conflict {
  kind: ConflictKind;
  /** The bed, the child, or the case code both sides share. */
  subject: string;
  /** The two rows (placements, or children), in id order. */
  ids: [string, string];
}

const OVERLAP = `p.deleted_at IS NULL AND q.deleted_at IS NULL AND p.id < q.id
  AND p.start_at < coalesce(q.end_at, '9999-12-31T23:59:59.999Z')
  AND q.start_at < coalesce(p.end_at, '9999-12-31T23:59:59.999Z')`;

export function listConflicts(db: Db): Conflict[] {
  const rows = db
    .prepare(
      `SELECT 'bedTwice' AS kind, p.bed_id AS subject, p.id AS first, q.id AS second
         FROM placements p JOIN placements q ON q.bed_id = p.bed_id AND ${OVERLAP}
       UNION ALL
       SELECT CASE WHEN p.shelter_id = q.shelter_id THEN 'childTwice' ELSE 'childAtTwoShelters' END,
              p.child_id, p.id, q.id
         FROM placements p JOIN placements q ON q.child_id = p.child_id AND ${OVERLAP}
       UNION ALL
       SELECT 'caseCodeTwice', c.case_code, c.id, d.id
         FROM children c JOIN children d ON d.case_code = c.case_code AND c.id < d.id
        WHERE c.deleted_at IS NULL AND d.deleted_at IS NULL
       ORDER BY 1, 2, 3, 4`,
    )
    .all() as { kind: ConflictKind; subject: string; first: string; second: string }[];
  return rows.map((r) => ({ kind: r.kind, subject: r.subject, ids: [r.first, r.second] }));
}
