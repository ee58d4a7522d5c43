// The merge on its own, on a real vault: changes written by hand as another computer would send
// them, so each test pins one rule of the fold (who created and last changed a row, a change seen
// twice in one batch, rows waiting for their insert) and what the merge leaves switched back on.
import { describe, expect, it } from 'vitest';
import {
  mergeChanges,
  UnmergeableChange,
  wallMsOf,
  type Change,
} from '../../electron/backend/db/merge';
import { atomically, beginWork, rollbackWork } from '../../electron/backend/db/transactions';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { openServiceVault } from './support/backend';

const BASE = Date.UTC(2027, 2, 1, 1, 0, 0);
/** A clock stamp `minutes` after BASE from `device`, as another computer writes it. */
const hlc = (minutes: number, device = 'b') =>
  `${String(BASE + minutes * 60_000).padStart(15, '0')}-0000-${device}`;
const iso = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

async function computer() {
  const vault = await openServiceVault();
  const therapist = vault.data.insert('users', {
    username: 'ther.reyes',
    display_name: 'Fictional Dr. Reyes',
    role: 'therapist',
    shelter_scope: '[]',
    must_change_password: 0,
  });
  const change = (
    minutes: number,
    rowId: string,
    op: Change['op'],
    columns: Change['columns'],
    userId: string | null = 'user-b',
    device = 'b',
  ): Change => ({
    hlc: hlc(minutes, device),
    deviceId: device,
    userId,
    table: 'therapist_hours',
    rowId,
    op,
    columns,
  });
  const hours = (therapistId = therapist) => ({
    therapist_id: therapistId,
    weekday: 3,
    start_time: '09:00',
    end_time: '17:00',
  });
  const merge = (changes: Change[], within?: () => void) =>
    mergeChanges(vault.db, SCHEMA.tables, changes, within);
  const row = (id: string) =>
    vault.db.prepare('SELECT * FROM therapist_hours WHERE id = ?').get([id]) as
      Record<string, unknown> | undefined;
  const logged = () =>
    vault.db.prepare('SELECT count(*) FROM change_log', { pluck: true }).get() as number;
  return { vault, therapist, change, hours, merge, row, logged };
}

describe('rebuilding a row from its changes', () => {
  it('takes its creation from the insert and its last change from the latest, even when a change is stamped before the insert', async () => {
    const c = await computer();
    const result = c.merge([
      c.change(10, 'h1', 'insert', c.hours(), 'user-insert'),
      c.change(20, 'h1', 'update', { end_time: '18:00' }, 'user-latest'),
      // A computer whose clock was behind edited it before the insert's stamp.
      c.change(5, 'h1', 'update', { start_time: '07:00', end_time: '12:00' }, 'user-early', 'c'),
    ]);
    expect(result).toEqual({ received: 3, known: 0, rows: 1, waiting: 0 });
    expect(c.row('h1')).toMatchObject({
      start_time: '09:00',
      end_time: '18:00',
      created_at: iso(10),
      created_by: 'user-insert',
      updated_at: iso(20),
      updated_by: 'user-latest',
    });
  });

  it('counts a change sent twice in one batch once, and every row it touched', async () => {
    const c = await computer();
    const twice = c.change(1, 'h1', 'insert', c.hours());
    const before = c.logged();
    expect(c.merge([twice, twice, c.change(2, 'h2', 'insert', c.hours())])).toEqual({
      received: 2,
      known: 1,
      rows: 2,
      waiting: 0,
    });
    expect(c.logged()).toBe(before + 2);
    expect(c.row('h1')).toBeDefined();
    expect(c.row('h2')).toBeDefined();
    expect(c.merge([twice])).toEqual({ received: 0, known: 1, rows: 0, waiting: 0 });
  });

  it('keeps an edit whose insert has not arrived waiting, and folds it in when it does', async () => {
    const c = await computer();
    expect(c.merge([c.change(20, 'h1', 'update', { end_time: '18:00' })])).toEqual({
      received: 1,
      known: 0,
      rows: 0,
      waiting: 1,
    });
    expect(c.row('h1')).toBeUndefined();
    expect(c.merge([c.change(10, 'h1', 'insert', c.hours())])).toMatchObject({
      rows: 1,
      waiting: 0,
    });
    expect(c.row('h1')).toMatchObject({ end_time: '18:00', updated_at: iso(20) });
  });
});

describe('rows this computer already has', () => {
  it('counts an edit of one as a row rebuilt, not one waiting for its insert', async () => {
    const c = await computer();
    c.merge([c.change(1, 'h1', 'insert', c.hours())]);
    expect(c.merge([c.change(2, 'h1', 'update', { end_time: '18:00' })])).toEqual({
      received: 1,
      known: 0,
      rows: 1,
      waiting: 0,
    });
    expect(c.row('h1')).toMatchObject({ end_time: '18:00', updated_at: iso(2) });
  });

  it('holds two stays in one bed at once, as two computers offline may have written them', async () => {
    const c = await computer();
    // Fictional ids: keys stand aside while the merge runs, so the rows need not exist here.
    const stay = (minutes: number, rowId: string, childId: string): Change => ({
      ...c.change(minutes, rowId, 'insert', {
        child_id: childId,
        shelter_id: 'fictional-shelter',
        bed_id: 'fictional-bed',
        start_at: iso(0),
        end_at: null,
        reason: 'Fictional admission',
      }),
      table: 'placements',
    });
    expect(c.merge([stay(1, 'p1', 'fictional-ana'), stay(2, 'p2', 'fictional-bea')])).toMatchObject(
      { rows: 2, waiting: 0 },
    );
    const inBed = c.vault.db
      .prepare("SELECT count(*) FROM placements WHERE bed_id = 'fictional-bed'", { pluck: true })
      .get();
    expect(inBed).toBe(2);
  });
});

describe('a reviewed deletion arriving by sync', () => {
  const tombstone = (minutes: number): Change => ({
    hlc: hlc(minutes),
    deviceId: 'b',
    userId: 'user-b',
    table: 'retention_tombstones',
    rowId: 't1',
    op: 'insert',
    columns: {
      kind: 'therapy',
      record_table: 'therapist_hours',
      record_id: 'h1',
      reason: 'Fictional: retention period over',
      purged: JSON.stringify({ start_time: '00:00', end_time: '00:01' }),
    },
  });

  it('empties a record whose content came in the same batch, sent before the sender heard of it', async () => {
    const c = await computer();
    c.merge([tombstone(1), c.change(2, 'h1', 'insert', c.hours())]);
    expect(c.row('h1')).toMatchObject({ weekday: 3, start_time: '00:00', end_time: '00:01' });
  });

  it('brings no content back with a change of the record that arrives later', async () => {
    const c = await computer();
    c.merge([tombstone(1), c.change(2, 'h1', 'insert', c.hours())]);
    c.merge([c.change(3, 'h1', 'update', { end_time: '18:00', weekday: 4 })]);
    expect(c.row('h1')).toMatchObject({ weekday: 4, start_time: '00:00', end_time: '00:01' });
  });
});

describe('what the merge stands aside from, and puts back', () => {
  it('applies a row no single write could make, then checks and keys apply again', async () => {
    const c = await computer();
    // Another computer's therapist not here yet, and hours ending before they start.
    c.merge([c.change(1, 'h1', 'insert', { ...c.hours('not-here-yet'), end_time: '08:00' })]);
    expect(c.row('h1')).toMatchObject({ therapist_id: 'not-here-yet', end_time: '08:00' });
    expect(c.vault.db.prepare('SELECT count(*) FROM sync_applying', { pluck: true }).get()).toBe(0);
    expect(() =>
      c.vault.data.insert('therapist_hours', { ...c.hours(), end_time: '08:00' }),
    ).toThrow(/CHECK/);
    expect(() => c.vault.data.insert('therapist_hours', c.hours('not-here'))).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('runs `within` in its transaction: when it fails, nothing is applied or logged', async () => {
    const c = await computer();
    const before = c.logged();
    expect(() =>
      c.merge([c.change(1, 'h1', 'insert', c.hours())], () => {
        // After the rows are rebuilt, before the commit.
        expect(c.row('h1')).toBeDefined();
        throw new Error('fictional failure');
      }),
    ).toThrow('fictional failure');
    expect(c.row('h1')).toBeUndefined();
    expect(c.logged()).toBe(before);
    expect(Number(c.vault.db.pragma('foreign_keys', { simple: true }))).toBe(1);
    expect(() =>
      c.vault.data.insert('therapist_hours', { ...c.hours(), end_time: '08:00' }),
    ).toThrow(/CHECK/);
  });

  it('refuses to run inside a unit of work or any other transaction', async () => {
    const c = await computer();
    const changes = [c.change(1, 'h1', 'insert', c.hours())];
    beginWork(c.vault.db);
    try {
      expect(() => c.merge(changes)).toThrow('outside a unit of work');
    } finally {
      rollbackWork(c.vault.db);
    }
    expect(() => atomically(c.vault.db, () => c.merge(changes))).toThrow('outside any transaction');
    expect(c.row('h1')).toBeUndefined();
    c.merge(changes);
    expect(c.row('h1')).toBeDefined();
  });

  it('refuses a value SQL cannot hold, or a table or column the data layer does not write', async () => {
    const c = await computer();
    // Each refusal names what it refused: the sync's report of a malformed bundle carries it.
    const bad: [Change, string][] = [
      [
        c.change(1, 'h1', 'insert', { ...c.hours(), weekday: true as unknown as number }),
        'value of therapist_hours.weekday',
      ],
      [
        c.change(1, 'h1', 'insert', { ...c.hours(), start_time: { x: 1 } as unknown as string }),
        'value of therapist_hours.start_time',
      ],
      [
        { ...c.change(1, 'h1', 'insert', c.hours()), table: 'sync_applying' },
        'table sync_applying',
      ],
      [c.change(1, 'h1', 'insert', { ...c.hours(), hlc: 'x' }), 'column therapist_hours.hlc'],
    ];
    for (const [change, named] of bad) {
      expect(() => c.merge([change])).toThrow(UnmergeableChange);
      expect(() => c.merge([change])).toThrow(new UnmergeableChange(named));
    }
    expect(c.row('h1')).toBeUndefined();
    // Null, text and numbers are values.
    c.merge([c.change(1, 'h1', 'insert', { ...c.hours(), deleted_at: null })]);
    expect(c.row('h1')).toMatchObject({ weekday: 3, deleted_at: null });
  });

  it('reads the wall-clock time from a clock stamp', () => {
    expect(wallMsOf(hlc(0))).toBe(BASE);
    expect(wallMsOf('001767225600000-00ff-device-with-dashes')).toBe(1767225600000);
  });
});
