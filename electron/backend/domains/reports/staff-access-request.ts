// The access-request export about a staff member (RA 10173: a data subject may be staff): the
// account, the actions the audit log holds of them and on their account, how many records of each
// kind name them as author, and when their password was last set. The staff member is the subject,
// not the children they worked with: an action names a child by case code only, authored records
// are counted, never read, and the key slot gives dates and flags, never key material.
import type {
  StaffAccessRequestReport,
  StaffAuditLine,
} from '../../../../shared/reports/access-request';
import type { Role } from '../../../../shared/roles';
import { zonedFormat } from '../../../../shared/time';
import type { Schema, TableName } from '../../db/schema';
import { clockFor, notFound, type CaseActor, type CaseVault } from '../../records/actor';
import { AUDIT_CHILD } from '../privacy';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  shelter_scope: string;
  language: string | null;
  created_at: string;
  deleted_at: string | null;
  last_sign_in_at: string | null;
  must_change_password: number;
  credential: string | null;
}

interface AuditRow {
  at: string;
  action: string;
  outcome: string;
  target_type: string | null;
  case_code: string | null;
  actor_name?: string | null;
}

/** An audit entry's line: the case code of the child it concerns, never its detail (the
 * unqualified columns of AUDIT_CHILD are the audit log's: children and users have none so named). */
const AUDIT_LINES = `SELECT a.at, a.action, a.outcome, a.target_type, c.case_code, u.display_name AS actor_name
  FROM audit_log a
  LEFT JOIN children c ON c.id = ${AUDIT_CHILD}
  LEFT JOIN users u ON u.id = a.actor_id`;

const toLine = (r: AuditRow): StaffAuditLine => ({
  at: r.at,
  action: r.action,
  outcome: r.outcome,
  targetType: r.target_type,
  caseCode: r.case_code,
});

/** When the password was last set: the newest logged change of the account's credential. */
function passwordChangedAt(vault: CaseVault, userId: string): string | null {
  const hlc = vault.db
    .prepare(
      `SELECT max(hlc) FROM change_log
       WHERE table_name = 'users' AND row_id = ? AND json_type(columns, '$.credential') IS NOT NULL`,
      { pluck: true },
    )
    .get([userId]) as string | null;
  // A clock reading starts with its wall-clock milliseconds (db/hlc.ts).
  return hlc ? new Date(Number.parseInt(hlc.split('-')[0]!, 10)).toISOString() : null;
}

export function staffAccessRequestReport(
  vault: CaseVault,
  schema: Schema,
  actor: CaseActor,
  userId: string,
  generatedBy: string,
): StaffAccessRequestReport {
  const user = vault.db.prepare('SELECT * FROM users WHERE id = ?').get([userId]) as
    | UserRow
    | undefined;
  if (!user) throw notFound();
  const clock = clockFor(vault, actor);
  const actions = (
    vault.db
      .prepare(`${AUDIT_LINES} WHERE a.actor_id = ? ORDER BY a.seq`)
      .all([userId]) as unknown as AuditRow[]
  ).map(toLine);
  const actionsOnAccount = (
    vault.db
      .prepare(
        `${AUDIT_LINES} WHERE a.target_type = 'user' AND a.target_id = $user
           AND a.actor_id IS NOT $user ORDER BY a.seq`,
      )
      .all({ user: userId }) as unknown as AuditRow[]
  ).map((r) => ({ ...toLine(r), actorName: r.actor_name ?? null }));
  const authored: StaffAccessRequestReport['authored'] = [];
  for (const table of Object.keys(schema.tables).sort() as TableName[]) {
    const row = vault.db
      .prepare(
        `SELECT count(*) AS count, min(created_at) AS first, max(created_at) AS last
         FROM "${table}" WHERE created_by = ?`,
      )
      .get([userId]) as { count: number; first: string | null; last: string | null };
    if (row.count > 0)
      authored.push({ table, count: Number(row.count), first: row.first!, last: row.last! });
  }
  return {
    kind: 'staffAccessRequest',
    from: zonedFormat(user.created_at, clock.timeZone, 'yyyy-MM-dd'),
    to: clock.today,
    generatedAt: clock.nowIso,
    generatedBy,
    timeZone: clock.timeZone,
    account: {
      id: user.id,
      displayName: user.display_name,
      username: user.username,
      role: user.role,
      shelters: JSON.parse(user.shelter_scope) as string[],
      language: user.language,
      createdAt: user.created_at,
      disabledAt: user.deleted_at,
      lastSignInAt: user.last_sign_in_at,
    },
    keySlot: {
      passwordChangedAt: passwordChangedAt(vault, userId),
      mustChangePassword: user.must_change_password === 1,
      travels: user.credential !== null,
    },
    actions,
    actionsOnAccount,
    authored,
  };
}
