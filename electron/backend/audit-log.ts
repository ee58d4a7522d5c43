// The append-only, hash-chained audit log. Each row carries the hash of the row
// before it, and the vault's meta row holds the head, so an edited, removed or truncated entry
// breaks verification. Details hold ids, roles and setting names, never sensitive content.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditOutcome, AuditVerification } from '../../shared/contract';
import type { Db } from './db/sqlcipher';
import { atomically } from './db/transactions';

export const GENESIS_HASH = '0'.repeat(64);
export type AuditDetail = Record<string, string | number | boolean>;

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: AuditOutcome;
  detail?: AuditDetail | null;
  /** Defaults to now; failed sign-ins are recorded later with their own time. */
  at?: string;
}

interface StoredRow {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

function hashRow(row: Omit<StoredRow, 'hash'>): string {
  const material = JSON.stringify([
    row.seq,
    row.at,
    row.actor_id,
    row.action,
    row.target_type,
    row.target_id,
    row.outcome,
    row.detail,
    row.prev_hash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  fromInstant?: string | undefined;
  toInstant?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  append(record: AuditRecord): void {
    atomically(this.db, () => {
      const head = this.head();
      const row: Omit<StoredRow, 'hash'> = {
        seq: head.seq + 1,
        at: record.at ?? this.now().toISOString(),
        actor_id: record.actorId,
        action: record.action,
        target_type: record.targetType ?? null,
        target_id: record.targetId ?? null,
        outcome: record.outcome ?? 'ok',
        detail: record.detail ? JSON.stringify(record.detail) : null,
        prev_hash: head.hash,
      };
      const hash = hashRow(row);
      this.db
        .prepare(
          `INSERT INTO audit_log (seq, at, actor_id, action, target_type, target_id, outcome, detail, prev_hash, hash)
           VALUES ($seq, $at, $actor_id, $action, $target_type, $target_id, $outcome, $detail, $prev_hash, $hash)`,
        )
        .run({ ...row, hash });
      this.db
        .prepare('UPDATE vault_meta SET audit_head_seq = ?, audit_head_hash = ?')
        .run([row.seq, hash]);
    });
  }

  /** The head as the keyring records it, to notice a database rolled back behind it. */
  checkpoint(): { seq: number; hash: string; at: string } {
    return { ...this.head(), at: this.now().toISOString() };
  }

  /**
   * Whether the log still contains the checkpointed head: false for a database older than its
   * checkpoint (a restored copy, a lost -wal) or one whose history was rewritten.
   */
  reaches(checkpoint: { seq: number; hash: string }): boolean {
    if (checkpoint.seq === 0) return true;
    const hash = this.db
      .prepare('SELECT hash FROM audit_log WHERE seq = ?', { pluck: true })
      .get([checkpoint.seq]) as string | undefined;
    return hash === checkpoint.hash;
  }

  private head(): { seq: number; hash: string } {
    const row = this.db
      .prepare('SELECT audit_head_seq AS seq, audit_head_hash AS hash FROM vault_meta')
      .get() as { seq: number; hash: string } | undefined;
    if (!row) throw new Error('vault_meta missing');
    return row;
  }

  list(filter: AuditFilter): { entries: AuditEntry[]; nextBeforeSeq: number | null } {
    const clauses: [string, string, string | number][] = [];
    if (filter.actorId) clauses.push(['a.actor_id = $actor', 'actor', filter.actorId]);
    if (filter.action) clauses.push(['a.action = $action', 'action', filter.action]);
    if (filter.fromInstant) clauses.push(['a.at >= $from', 'from', filter.fromInstant]);
    if (filter.toInstant) clauses.push(['a.at < $to', 'to', filter.toInstant]);
    if (filter.beforeSeq) clauses.push(['a.seq < $before', 'before', filter.beforeSeq]);
    const where = clauses.map(([sql]) => sql);
    const params: Record<string, string | number> = {
      limit: filter.limit + 1,
      ...Object.fromEntries(clauses.map(([, name, value]) => [name, value])),
    };
    // The target as the administrator may see it: a case code (never a child's name), a user's
    // or a shelter's name. Records inside a case file carry their child's id in the detail.
    const rows = this.db
      .prepare(
        `SELECT a.*, u.display_name AS actor_name, c.case_code AS target_case_code,
           COALESCE(tu.display_name, s.name) AS target_name
         FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_id
         LEFT JOIN users tu ON a.target_type = 'user' AND tu.id = a.target_id
         LEFT JOIN shelters s ON s.id = CASE a.target_type WHEN 'shelter' THEN a.target_id
           ELSE json_extract(a.detail, '$.shelterId') END
         LEFT JOIN children c ON c.id = CASE a.target_type WHEN 'child' THEN a.target_id
           ELSE json_extract(a.detail, '$.childId') END
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq DESC LIMIT $limit`,
      )
      .all(params) as unknown as (StoredRow & {
      actor_name: string | null;
      target_case_code: string | null;
      target_name: string | null;
    })[];
    const page = rows.slice(0, filter.limit);
    return {
      entries: page.map((r) => ({
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        targetCaseCode: r.target_case_code,
        targetName: r.target_name,
        outcome: r.outcome,
        detail: r.detail ? (JSON.parse(r.detail) as AuditDetail) : null,
      })),
      nextBeforeSeq: rows.length > filter.limit ? (page.at(-1)?.seq ?? null) : null,
    };
  }

  /** Walks the whole chain: sequence gaps, edited rows, broken links and a cut-off tail all fail. */
  verify(): Omit<AuditVerification, 'olderThanCheckpoint'> {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    for (const row of this.db
      .prepare('SELECT * FROM audit_log ORDER BY seq')
      .all() as unknown as StoredRow[]) {
      const { hash, ...rest } = row;
      if (row.seq !== expectedSeq || row.prev_hash !== prevHash || hashRow(rest) !== hash) {
        return { ok: false, checked, firstBadSeq: Math.min(row.seq, expectedSeq) };
      }
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    const head = this.head();
    if (head.seq !== checked || head.hash !== prevHash) {
      return { ok: false, checked, firstBadSeq: checked + 1 };
    }
    return { ok: true, checked, firstBadSeq: null };
  }
}
