// A child's access log: the audit log's entries about one child (the file opened, the name shown,
// the intake account opened, a history printed, any change to the file), newest first, with who
// did it. Entries are this computer's: the audit log is a local hash chain and does not sync.
import { ACCESS_LOG_PAGE, type ChildAccessEntry } from '../../../../shared/privacy/contract';
import type { Role } from '../../../../shared/roles';
import type { CaseVault } from '../../records/actor';
import { AUDIT_CHILD } from './migrations/0230-privacy';

interface Row {
  seq: number;
  at: string;
  action: string;
  outcome: ChildAccessEntry['outcome'];
  detail: string | null;
  actor_name: string | null;
  actor_role: Role | null;
}

/** The part of the file an entry read (`name`, `intake`) or the report printed, when it says. */
function sectionOf(detail: string | null): string | null {
  if (!detail) return null;
  const parsed = JSON.parse(detail) as Record<string, unknown>;
  const section = parsed.section ?? parsed.report;
  return typeof section === 'string' ? section : null;
}

export function childAccessLog(
  vault: CaseVault,
  childId: string,
  beforeSeq: number | undefined,
): { entries: ChildAccessEntry[]; nextBeforeSeq: number | null } {
  // The condition is the index's expression word for word (migration 0230), so SQLite uses it.
  const rows = vault.db
    .prepare(
      `SELECT a.seq, a.at, a.action, a.outcome, a.detail,
         u.display_name AS actor_name, u.role AS actor_role
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       WHERE ${AUDIT_CHILD} = $child AND a.seq < $before
       ORDER BY ${AUDIT_CHILD} DESC, a.seq DESC LIMIT $limit`,
    )
    .all({
      child: childId,
      before: beforeSeq ?? Number.MAX_SAFE_INTEGER,
      limit: ACCESS_LOG_PAGE + 1,
    }) as unknown as Row[];
  const page = rows.slice(0, ACCESS_LOG_PAGE);
  return {
    entries: page.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      action: r.action,
      section: sectionOf(r.detail),
      outcome: r.outcome,
    })),
    nextBeforeSeq: rows.length > ACCESS_LOG_PAGE ? (page.at(-1)?.seq ?? null) : null,
  };
}
