// What two computers offline at once can each do validly alone but not together. Sync keeps both
// sides; this lists them, from the merged data alone, so every computer with the same data lists
// the same conflicts in the same order. Two stays clash while both are still open: one ended
// (a transfer or discharge on the ordinary screens, or a corrected date) leaves an overlap in the
// past, which is history rather than something to resolve, and the pair is no longer listed.
// A code given twice is listed until one child's code is changed.
import type { ConflictKind, ConflictRow, ConflictSide } from '../../../../shared/sync/contract';
import type { Db } from '../../db/sqlcipher';

export type { ConflictKind };

export interface Conflict {
  kind: ConflictKind;
  /** The bed, the child, or the case code both sides share. */
  subject: string;
  /** The two rows (placements, or children), in id order. */
  ids: [string, string];
}

/** Both stays open (so they overlap now), each pair once. */
const OVERLAP = `p.deleted_at IS NULL AND q.deleted_at IS NULL AND p.id < q.id
  AND p.end_at IS NULL AND q.end_at IS NULL`;

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

/** The conflicts with both sides in full: who recorded each, when, and on which computer. */
export function describeConflicts(db: Db): ConflictRow[] {
  // From the row's insert in the change log, which every computer keeps alike (its clock, user
  // and device), not from created_at, which each computer sets when the row arrives.
  const made = db.prepare(
    `SELECT l.hlc, u.display_name AS made_by, k.name AS computer
       FROM change_log l
       LEFT JOIN users u ON u.id = l.user_id
       LEFT JOIN sync_computers k ON k.id = l.device_id
      WHERE l.table_name = ? AND l.row_id = ? AND l.op = 'insert'
      ORDER BY l.hlc LIMIT 1`,
  );
  const stay = db.prepare(
    `SELECT p.child_id, c.case_code, c.alias AS initials, s.name AS shelter_name, b.label AS bed_label,
            p.start_at, p.end_at
       FROM placements p JOIN children c ON c.id = p.child_id
       JOIN beds b ON b.id = p.bed_id JOIN shelters s ON s.id = b.shelter_id
      WHERE p.id = ?`,
  );
  const child = db.prepare('SELECT case_code, alias AS initials FROM children WHERE id = ?');
  const side = (kind: ConflictKind, id: string): ConflictSide => {
    const table = kind === 'caseCodeTwice' ? 'children' : 'placements';
    const who = made.get([table, id]) as
      { hlc: string; made_by: string | null; computer: string | null } | undefined;
    const origin = {
      madeBy: who?.made_by ?? null,
      // The clock text starts with the wall time in milliseconds.
      madeAt: who ? new Date(Number(who.hlc.slice(0, 15))).toISOString() : null,
      computer: who?.computer ?? null,
    };
    if (table === 'children') {
      const c = child.get([id]) as { case_code: string; initials: string };
      return {
        id,
        childId: id,
        caseCode: c.case_code,
        initials: c.initials,
        stay: null,
        ...origin,
      };
    }
    const p = stay.get([id]) as {
      child_id: string;
      case_code: string;
      initials: string;
      shelter_name: string;
      bed_label: string;
      start_at: string;
      end_at: string | null;
    };
    return {
      id,
      childId: p.child_id,
      caseCode: p.case_code,
      initials: p.initials,
      stay: {
        shelterName: p.shelter_name,
        bedLabel: p.bed_label,
        startAt: p.start_at,
        endAt: p.end_at,
      },
      ...origin,
    };
  };
  return listConflicts(db).map((c) => ({
    kind: c.kind,
    sides: [side(c.kind, c.ids[0]), side(c.kind, c.ids[1])],
  }));
}
