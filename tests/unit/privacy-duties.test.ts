// Privacy duties (RA 10173): a child's access log read from the audit log, and the breach
// register with the Commission's 72-hour notification.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_LOG_PAGE } from '../../shared/privacy/contract';
import { caseVault, daysAgo, fails, ok, register } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  f = await caseVault();
});

describe("a child's access log", () => {
  it('names who opened the file, the name and the intake account, and when; no other child', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const other = await register(f.backend, { legalName: 'Fictional Ana Reyes' });
    await ok(f.backend, 'children.get', { id: child.id });
    await ok(f.backend, 'children.revealName', { id: child.id });
    await ok(f.backend, 'intake.record', {
      childId: child.id,
      heldWhere: 'affidavit',
      reference: 'Fictional affidavit A-0001',
      account: 'Fictional account',
    });
    await ok(f.backend, 'intake.open', { childId: child.id });
    await ok(f.backend, 'visitors.add', {
      childId: child.id,
      name: 'Fictional Ate Liza',
      relationship: 'cousin',
      state: 'supervised',
    });
    await ok(f.backend, 'children.get', { id: other.id });

    const { entries, nextBeforeSeq } = await ok(f.backend, 'privacy.childAccessLog', {
      childId: child.id,
    });
    expect(nextBeforeSeq).toBeNull();
    expect(entries.map((e) => [e.action, e.section])).toEqual([
      ['visitors.add', null],
      ['intake.open', 'intake'],
      ['intake.record', 'intake'],
      ['children.revealName', 'name'],
      ['children.get', null],
      ['children.register', null],
    ]);
    expect(entries[0]).toMatchObject({
      actorName: 'Fictional coord.lim',
      actorRole: 'coordinator',
    });
    expect(entries.every((e, i) => i === 0 || e.seq < entries[i - 1]!.seq)).toBe(true);
    // The other child's opening is not in this child's log.
    const otherLog = await ok(f.backend, 'privacy.childAccessLog', { childId: other.id });
    expect(otherLog.entries.map((e) => e.action)).toEqual(['children.get', 'children.register']);
  });

  it('pages through a long log, newest first, and is found through its index', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    for (let i = 0; i < ACCESS_LOG_PAGE + 4; i += 1)
      await ok(f.backend, 'children.get', { id: child.id });
    const first = await ok(f.backend, 'privacy.childAccessLog', { childId: child.id });
    expect(first.entries).toHaveLength(ACCESS_LOG_PAGE);
    expect(first.nextBeforeSeq).toBe(first.entries.at(-1)!.seq);
    const second = await ok(f.backend, 'privacy.childAccessLog', {
      childId: child.id,
      beforeSeq: first.nextBeforeSeq!,
    });
    // 54 openings and the registration.
    expect(second.entries).toHaveLength(5);
    expect(second.entries.at(-1)!.action).toBe('children.register');
    expect(second.nextBeforeSeq).toBeNull();

    const inspector = await f.inspect();
    try {
      const { AUDIT_CHILD } =
        await import('../../electron/backend/domains/privacy/migrations/0230-privacy');
      const plan = inspector.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT seq FROM audit_log a WHERE ${AUDIT_CHILD} = ? AND a.seq < ?
           ORDER BY ${AUDIT_CHILD} DESC, a.seq DESC`,
        )
        .all([child.id, 1e9]) as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('audit_log_child');
    } finally {
      inspector.close();
    }
  });

  it('is the coordinator’s: a caseworker is refused', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    await f.as('cebu');
    expect((await fails(f.backend, 'privacy.childAccessLog', { childId: child.id })).code).toBe(
      'FORBIDDEN',
    );
  });
});

const breach = (overrides: Record<string, unknown> = {}) => ({
  summary: 'Fictional: a printed bed list left in a jeepney',
  discoveredOn: daysAgo(4),
  discoveredTime: '09:30',
  notified: 'Fictional shelter head; the families',
  npcNotifiedOn: null,
  ...overrides,
});

describe('the breach register', () => {
  it('counts 72 hours from the discovery: past them without notifying the Commission is overdue', async () => {
    await f.as('admin');
    const late = await ok(f.backend, 'breaches.save', breach());
    expect(Date.parse(late.npcDueAt) - Date.parse(late.discoveredAt)).toBe(72 * 3_600_000);
    expect(late).toMatchObject({
      overdue: true,
      closedAt: null,
      recordedByName: expect.any(String),
    });
    const notified = await ok(f.backend, 'breaches.save', {
      ...breach(),
      id: late.id,
      npcNotifiedOn: daysAgo(2),
    });
    expect(notified).toMatchObject({ id: late.id, overdue: false, npcNotifiedOn: daysAgo(2) });
    // Discovered an hour ago: not yet due.
    const fresh = await ok(
      f.backend,
      'breaches.save',
      breach({ discoveredOn: daysAgo(0), discoveredTime: '00:00' }),
    );
    expect(fresh.overdue).toBe(false);
  });

  it('refuses a discovery in the future and a notification before the discovery, at the field', async () => {
    await f.as('admin');
    const future = await fails(f.backend, 'breaches.save', breach({ discoveredOn: '2099-01-01' }));
    expect(future).toMatchObject({
      code: 'VALIDATION',
      fields: { discoveredOn: 'privacy.discoveredInFuture' },
    });
    const early = await fails(f.backend, 'breaches.save', breach({ npcNotifiedOn: daysAgo(5) }));
    expect(early).toMatchObject({
      code: 'VALIDATION',
      fields: { npcNotifiedOn: 'privacy.notifiedBeforeDiscovery' },
    });
  });

  it('closes with a note; a closed breach is no longer changed and lists after the open ones', async () => {
    await f.as('admin');
    const open = await ok(f.backend, 'breaches.save', breach({ summary: 'Fictional: open one' }));
    const toClose = await ok(f.backend, 'breaches.save', breach({ summary: 'Fictional: closing' }));
    const closed = await ok(f.backend, 'breaches.close', {
      id: toClose.id,
      closingNote: 'Fictional: the list was recovered; staff retrained',
    });
    expect(closed).toMatchObject({
      overdue: false,
      closingNote: expect.stringContaining('recovered'),
    });
    expect(closed.closedAt).not.toBeNull();
    expect((await fails(f.backend, 'breaches.save', { ...breach(), id: closed.id })).message).toBe(
      'privacy.breachClosed',
    );
    expect(
      (await fails(f.backend, 'breaches.close', { id: closed.id, closingNote: 'again' })).code,
    ).toBe('CONFLICT');
    const list = await ok(f.backend, 'breaches.list', {});
    const positions = [open.id, closed.id].map((id) => list.findIndex((b) => b.id === id));
    expect(positions[0]).toBeLessThan(positions[1]!);
    expect(list.filter((b) => b.closedAt === null).every((b, i) => list[i] === b)).toBe(true);
  });

  it('audits ids only, and travels to the other computers as a change', async () => {
    await f.as('admin');
    const saved = await ok(
      f.backend,
      'breaches.save',
      breach({ summary: 'Fictional: laptop ZEBRA-77 stolen' }),
    );
    const audit = await ok(f.backend, 'audit.list', { action: 'breaches.save', limit: 1 });
    expect(audit.entries[0]).toMatchObject({ targetType: 'breach', targetId: saved.id });
    const inspector = await f.inspect();
    try {
      const auditLeak = inspector.db
        .prepare("SELECT count(*) FROM audit_log WHERE detail LIKE '%ZEBRA-77%'", { pluck: true })
        .get();
      expect(Number(auditLeak)).toBe(0);
      const change = inspector.db
        .prepare("SELECT op FROM change_log WHERE table_name = 'privacy_breaches' AND row_id = ?", {
          pluck: true,
        })
        .all([saved.id]);
      expect(change).toEqual(['insert']);
    } finally {
      inspector.close();
    }
  });
});
