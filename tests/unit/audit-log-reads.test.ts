// Reading the audit log: pages and their cursor, and each filter's exact edges.
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../electron/backend/audit-log';
import { openServiceVault } from './support';

/** A log of `count` entries, one a minute from 08:00 UTC, alternating two actors. */
async function logOf(count: number) {
  const vault = await openServiceVault();
  const log = new AuditLog(vault.db);
  for (let i = 1; i <= count; i += 1) {
    log.append({
      actorId: i % 2 === 0 ? 'actor-even' : 'actor-odd',
      action: i === 3 ? 'test_step' : 'test.step',
      at: `2026-03-02T08:${String(i).padStart(2, '0')}:00.000Z`,
    });
  }
  return log;
}
const seqs = (page: { entries: { seq: number }[] }) => page.entries.map((e) => e.seq);

describe('audit log pages', () => {
  it('newest first; a full page points to the rest, and the last page has no "next" cursor', async () => {
    const log = await logOf(5);
    const first = log.list({ limit: 2 });
    expect(seqs(first)).toEqual([5, 4]);
    expect(first.nextBeforeSeq).toBe(4);
    const second = log.list({ limit: 2, beforeSeq: first.nextBeforeSeq! });
    expect(seqs(second)).toEqual([3, 2]);
    const last = log.list({ limit: 2, beforeSeq: second.nextBeforeSeq! });
    expect(seqs(last)).toEqual([1]);
    expect(last.nextBeforeSeq).toBeNull();
  });

  it('a page exactly as long as what is left has no "next" cursor either', async () => {
    const log = await logOf(4);
    expect(log.list({ limit: 4 })).toMatchObject({ nextBeforeSeq: null });
    expect(seqs(log.list({ limit: 4 }))).toEqual([4, 3, 2, 1]);
    expect(log.list({ limit: 3 }).nextBeforeSeq).toBe(2);
  });

  it('an entry reads back as it was written', async () => {
    const vault = await openServiceVault();
    const log = new AuditLog(vault.db, () => new Date('2026-03-02T09:30:00.000Z'));
    log.append({
      actorId: null,
      action: 'test.write',
      targetType: 'shelter',
      targetId: 'no-such-shelter',
      outcome: 'denied',
      detail: { n: 1, flag: true },
    });
    log.append({ actorId: 'someone', action: 'test.plain' });
    const [plain, written] = log.list({ limit: 10 }).entries;
    expect(written).toEqual({
      seq: 1,
      at: '2026-03-02T09:30:00.000Z',
      actorId: null,
      actorName: null,
      action: 'test.write',
      targetType: 'shelter',
      targetId: 'no-such-shelter',
      targetCaseCode: null,
      targetName: null,
      outcome: 'denied',
      detail: { n: 1, flag: true },
    });
    expect(plain).toMatchObject({ seq: 2, outcome: 'ok', targetType: null, targetId: null });
    expect(plain!.detail).toBeNull();
  });
});

describe('audit log filters', () => {
  it('an action matches exactly: % and _ are literal characters, not patterns', async () => {
    const log = await logOf(4);
    expect(seqs(log.list({ limit: 10, action: 'test.step' }))).toEqual([4, 2, 1]);
    expect(seqs(log.list({ limit: 10, action: 'test_step' }))).toEqual([3]);
    expect(seqs(log.list({ limit: 10, action: 'test.%' }))).toEqual([]);
    expect(seqs(log.list({ limit: 10, action: '%' }))).toEqual([]);
    expect(seqs(log.list({ limit: 10, action: 'test_ste_' }))).toEqual([]);
  });

  it('by actor, and by time: from is inclusive, to is exclusive', async () => {
    const log = await logOf(5);
    expect(seqs(log.list({ limit: 10, actorId: 'actor-even' }))).toEqual([4, 2]);
    const window = {
      fromInstant: '2026-03-02T08:02:00.000Z',
      toInstant: '2026-03-02T08:04:00.000Z',
    };
    expect(seqs(log.list({ limit: 10, ...window }))).toEqual([3, 2]);
    expect(seqs(log.list({ limit: 10, ...window, actorId: 'actor-odd' }))).toEqual([3]);
    expect(seqs(log.list({ limit: 10, beforeSeq: 3 }))).toEqual([2, 1]);
  });
});
