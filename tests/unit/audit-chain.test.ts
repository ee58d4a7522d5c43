// The audit chain's checks one at a time: each tampering is built so that only one check can see
// it, and verification must name the exact first bad sequence.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../electron/backend/audit-log';
import type { OpenVault } from '../../electron/backend/vault/vault';
import { openServiceVault } from './support';

interface Row {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** What someone with the key but not the code would have to compute to forge a row. */
const hashOf = (r: Omit<Row, 'hash'>) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        r.seq,
        r.at,
        r.actor_id,
        r.action,
        r.target_type,
        r.target_id,
        r.outcome,
        r.detail,
        r.prev_hash,
      ]),
    )
    .digest('hex');

async function logOf(count: number) {
  const vault = await openServiceVault();
  for (let i = 1; i <= count; i += 1) {
    vault.audit.append({ actorId: null, action: `test.step${i}`, detail: { i } });
  }
  return vault;
}

const rows = (vault: OpenVault) =>
  vault.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as unknown as Row[];
const head = (vault: OpenVault) =>
  vault.db
    .prepare('SELECT audit_head_seq AS seq, audit_head_hash AS hash FROM vault_meta')
    .get() as {
    seq: number;
    hash: string;
  };
const setHead = (vault: OpenVault, seq: number, hash: string) =>
  vault.db
    .prepare('UPDATE vault_meta SET audit_head_seq = ?, audit_head_hash = ?')
    .run([seq, hash]);

/** Rewrites every row from `fromSeq` on with a freshly computed link and hash, and the head. */
function relink(vault: OpenVault, fromSeq: number) {
  let prev = GENESIS_HASH;
  for (const row of rows(vault)) {
    if (row.seq >= fromSeq) {
      const { hash: _old, ...rest } = { ...row, prev_hash: prev };
      const hash = hashOf(rest);
      vault.db
        .prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?')
        .run([prev, hash, row.seq]);
      prev = hash;
    } else prev = row.hash;
  }
  const last = rows(vault).at(-1)!;
  setHead(vault, last.seq, last.hash);
}

describe('audit chain verification', () => {
  it('an untouched chain verifies, every row counted', async () => {
    const vault = await logOf(5);
    expect(vault.audit.verify()).toEqual({ ok: true, checked: 5, firstBadSeq: null });
    expect(rows(vault).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows(vault)[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(head(vault)).toEqual({ seq: 5, hash: rows(vault)[4]!.hash });
  });

  it('a deleted row, with every later link and the head forged, fails at its sequence (the gap)', async () => {
    const vault = await logOf(6);
    vault.db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    relink(vault, 4);
    expect(vault.audit.verify()).toEqual({ ok: false, checked: 2, firstBadSeq: 3 });
  });

  it('a deleted row with only the head adjusted fails at its sequence', async () => {
    const vault = await logOf(6);
    vault.db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const last = rows(vault).at(-1)!;
    setHead(vault, 5, last.hash);
    expect(vault.audit.verify()).toEqual({ ok: false, checked: 2, firstBadSeq: 3 });
  });

  it('a row re-linked to another predecessor, its own hash recomputed, fails at that row (the link)', async () => {
    const vault = await logOf(5);
    const row = rows(vault)[2]!;
    const { hash: _old, ...forged } = { ...row, prev_hash: rows(vault)[0]!.hash };
    vault.db
      .prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 3')
      .run([forged.prev_hash, hashOf(forged)]);
    expect(vault.audit.verify()).toEqual({ ok: false, checked: 2, firstBadSeq: 3 });
  });

  it('a first row that does not start from the genesis hash fails at the first row', async () => {
    const vault = await logOf(3);
    vault.db.prepare('UPDATE audit_log SET prev_hash = ? WHERE seq = 1').run(['f'.repeat(64)]);
    const { hash: _old, ...first } = rows(vault)[0]!;
    vault.db.prepare('UPDATE audit_log SET hash = ? WHERE seq = 1').run([hashOf(first)]);
    relink(vault, 2);
    expect(vault.audit.verify()).toEqual({ ok: false, checked: 0, firstBadSeq: 1 });
  });

  it('an edited row whose hash was left alone fails at that row (the hash)', async () => {
    const vault = await logOf(5);
    vault.db.prepare("UPDATE audit_log SET outcome = 'denied' WHERE seq = 4").run();
    expect(vault.audit.verify()).toEqual({ ok: false, checked: 3, firstBadSeq: 4 });
  });

  it('the head hash alone tampered fails after the last row', async () => {
    const vault = await logOf(4);
    setHead(vault, 4, rows(vault)[2]!.hash);
    expect(vault.audit.verify()).toEqual({ ok: false, checked: 4, firstBadSeq: 5 });
  });

  it('the head sequence alone tampered fails after the last row', async () => {
    const vault = await logOf(4);
    setHead(vault, 5, head(vault).hash);
    expect(vault.audit.verify()).toEqual({ ok: false, checked: 4, firstBadSeq: 5 });
    setHead(vault, 3, rows(vault)[3]!.hash);
    expect(vault.audit.verify()).toEqual({ ok: false, checked: 4, firstBadSeq: 5 });
  });

  it('a cut-off tail with the head left behind fails after the last remaining row', async () => {
    const vault = await logOf(4);
    vault.db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    expect(vault.audit.verify()).toEqual({ ok: false, checked: 3, firstBadSeq: 4 });
  });
});

describe('a vault without its meta row', () => {
  it('refuses to append, checkpoint or verify rather than start a chain from nothing', async () => {
    const vault = await logOf(2);
    vault.db.prepare('DELETE FROM vault_meta').run();
    expect(() => vault.audit.checkpoint()).toThrow('vault_meta missing');
    expect(() => vault.audit.append({ actorId: null, action: 'test.more' })).toThrow(
      'vault_meta missing',
    );
    expect(() => vault.audit.verify()).toThrow('vault_meta missing');
    expect(rows(vault)).toHaveLength(2);
  });
});

describe('the checkpoint a keyring records', () => {
  it('is reached while the log still holds that entry; an empty log reaches the genesis mark', async () => {
    const vault = await logOf(3);
    const { seq, hash } = vault.audit.checkpoint();
    expect({ seq, hash }).toEqual(head(vault));
    expect(vault.audit.reaches({ seq, hash })).toBe(true);
    expect(vault.audit.reaches({ seq: 0, hash: GENESIS_HASH })).toBe(true);
    expect(vault.audit.reaches({ seq: 2, hash: rows(vault)[1]!.hash })).toBe(true);
    // A database older than the mark, or one whose history was rewritten, does not.
    expect(vault.audit.reaches({ seq: 4, hash })).toBe(false);
    expect(vault.audit.reaches({ seq: 2, hash: rows(vault)[2]!.hash })).toBe(false);
  });
});
