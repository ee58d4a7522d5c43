// Changes made on one computer applied on another: per-column last-writer-wins by clock (ties by
// device id), soft deletes as column changes, relays with the original clock and device, and
// applying again or out of order changing nothing further.
import { describe, expect, it } from 'vitest';
import { childrenProcedures } from '../../shared/children/contract';
import { registerChild, updateChild } from '../../electron/backend/domains/children';
import type { Change } from '../../electron/backend/db/merge';
import {
  applyChanges,
  changesMissingFrom,
  markHeld,
  BundleRefused,
} from '../../electron/backend/domains/sync';
import { childInput, loggedClocks, organisation, syncedDataHash, type Computer } from './support';

const register = (c: Computer, name: string) =>
  registerChild(
    c,
    c.actor,
    childrenProcedures['children.register'].input.parse(
      childInput({ legalName: name, referralDate: '2024-01-10', intakeDate: '2024-01-10' }),
    ),
  ).id;

const rename = (c: Computer, id: string, fields: Record<string, unknown>) =>
  updateChild(
    c,
    c.actor,
    childrenProcedures['children.update'].input.parse({
      id,
      ...childInput({ referralDate: '2024-01-10', intakeDate: '2024-01-10' }),
      ...fields,
    }),
  );

/** What `from` has that it has not sent to `to` yet, applied on `to`. */
function send(from: Computer, to: Computer) {
  const changes = changesMissingFrom(from, `peer:${to.id}`);
  markHeld(
    from.db,
    `peer:${to.id}`,
    changes.map((c) => c.hlc),
  );
  return applyChanges(to, changes);
}

const childRow = (c: Computer, id: string) =>
  c.db.prepare('SELECT * FROM children WHERE id = ?').get([id]) as Record<string, unknown>;

describe('applying another computer’s changes', () => {
  it('brings its rows, keeps its clock and device in the change log, and relays them onward', async () => {
    const org = await organisation();
    const [a, b, c] = [org.computer('a'), org.computer('b'), org.computer('c')];
    const id = register(a, 'Fictional Liza Ramos');
    const sent = changesMissingFrom(a, 'peer:b');
    expect(send(a, b)).toMatchObject({ received: sent.length, known: 0, waiting: 0 });
    expect(childRow(b, id)).toMatchObject({ legal_name: 'Fictional Liza Ramos' });
    const logged = b.db
      .prepare("SELECT device_id, hlc FROM change_log WHERE row_id = ? AND table_name = 'children'")
      .get([id]) as { device_id: string; hlc: string };
    expect(logged.device_id).toBe('a');
    expect(logged.hlc).toBe(sent.find((s) => s.rowId === id)!.hlc);
    // C never meets A: B relays A's changes.
    send(b, c);
    expect(syncedDataHash(c.db)).toBe(syncedDataHash(a.db));
    expect(changesMissingFrom(c, 'x').map((x) => x.deviceId)).toContain('a');
    // Nothing further to send back to B from what B sent.
    expect(changesMissingFrom(a, 'peer:b')).toEqual([]);
  });

  it('keeps the later edit of each column, and an edit of another column from either side', async () => {
    const org = await organisation();
    const [a, b] = [org.computer('a'), org.computer('b')];
    const id = register(a, 'Fictional Liza Ramos');
    send(a, b);
    rename(a, id, { legalName: 'Fictional Liza Ramos', preferredName: 'Liza' });
    rename(b, id, { legalName: 'Fictional Liza Ramos', preferredName: 'Lizzie' });
    b.data.update('children', id, { referring_agency_ref: 'Fictional DSWD 7' });
    send(a, b);
    send(b, a);
    expect(syncedDataHash(a.db)).toBe(syncedDataHash(b.db));
    // B wrote last, so B's preferred name wins on both; its agency reference is kept too.
    expect(childRow(a, id)).toMatchObject({
      preferred_name: 'Lizzie',
      referring_agency_ref: 'Fictional DSWD 7',
    });
  });

  it('breaks a tie of clocks by device id, the same way on both sides', async () => {
    const org = await organisation();
    const [a, b] = [org.computer('a'), org.computer('b')];
    const id = register(a, 'Fictional Liza Ramos');
    send(a, b);
    const at = String(Date.now() + 1000).padStart(15, '0');
    const edit = (device: string, name: string): Change => ({
      hlc: `${at}-0000-${device}`,
      deviceId: device,
      userId: null,
      table: 'children',
      rowId: id,
      op: 'update',
      columns: { preferred_name: name },
    });
    applyChanges(a, [edit('b', 'From B'), edit('a', 'From A')]);
    applyChanges(b, [edit('a', 'From A'), edit('b', 'From B')]);
    expect(childRow(a, id).preferred_name).toBe('From B');
    expect(syncedDataHash(a.db)).toBe(syncedDataHash(b.db));
  });

  it('merges a soft delete as a change of deleted_at, beside an edit made elsewhere', async () => {
    const org = await organisation();
    const [a, b] = [org.computer('a'), org.computer('b')];
    const id = register(a, 'Fictional Liza Ramos');
    send(a, b);
    b.data.update('children', id, { referring_agency_ref: 'Fictional PNP 3' });
    expect(a.data.softDelete('children', id)).toBe(true);
    send(a, b);
    send(b, a);
    expect(childRow(b, id).deleted_at).not.toBeNull();
    expect(childRow(a, id).referring_agency_ref).toBe('Fictional PNP 3');
    expect(syncedDataHash(a.db)).toBe(syncedDataHash(b.db));
  });

  it('changes nothing further on a second apply, and ends the same whatever the order', async () => {
    const org = await organisation();
    const [a, b, c] = [org.computer('a'), org.computer('b'), org.computer('c')];
    const id = register(a, 'Fictional Liza Ramos');
    const first = changesMissingFrom(a, 'x');
    rename(a, id, { legalName: 'Fictional Liza Ramos', preferredName: 'Liza' });
    const second = changesMissingFrom(a, 'x').slice(first.length);
    applyChanges(b, first);
    applyChanges(b, second);
    // C gets the edit before the child it edits: it waits, then the row is whole.
    expect(applyChanges(c, second)).toMatchObject({ rows: 0, waiting: 1 });
    expect(childRow(c, id)).toBeUndefined();
    applyChanges(c, first);
    expect(syncedDataHash(c.db)).toBe(syncedDataHash(a.db));
    expect(syncedDataHash(b.db)).toBe(syncedDataHash(a.db));
    const before = loggedClocks(b.db);
    expect(applyChanges(b, [...second, ...first])).toMatchObject({ received: 0 });
    expect(loggedClocks(b.db)).toEqual(before);
    expect(syncedDataHash(b.db)).toBe(syncedDataHash(a.db));
  });

  it('moves its own clock past what it received, so its next write is the later one', async () => {
    const org = await organisation();
    const [a, b] = [org.computer('a'), org.computer('b')];
    const id = register(a, 'Fictional Liza Ramos');
    send(a, b);
    const ahead = String(Date.now() + 30 * 60 * 1000).padStart(15, '0');
    const remote: Change = {
      hlc: `${ahead}-0000-a`,
      deviceId: 'a',
      userId: null,
      table: 'children',
      rowId: id,
      op: 'update',
      columns: { preferred_name: 'From A, fast clock' },
    };
    applyChanges(b, [remote]);
    b.data.update('children', id, { preferred_name: 'From B, after' });
    const local = loggedClocks(b.db).at(-1)!;
    expect(local > remote.hlc).toBe(true);
    applyChanges(a, changesMissingFrom(b, 'x'));
    expect(childRow(a, id).preferred_name).toBe('From B, after');
  });

  it('refuses, whole, a clock far in the future, a local table or an unknown column', async () => {
    const org = await organisation();
    const [a, b] = [org.computer('a'), org.computer('b')];
    const id = register(a, 'Fictional Liza Ramos');
    const good = changesMissingFrom(a, 'x');
    const before = { hash: syncedDataHash(b.db), clocks: loggedClocks(b.db) };
    const future = String(Date.now() + 3 * 86_400_000).padStart(15, '0');
    const bad: [Change, string][] = [
      [{ ...good[0]!, hlc: `${future}-0000-a` }, 'clockAhead'],
      [{ ...good[0]!, table: 'vault_meta' }, 'malformed'],
      [{ ...good[0]!, columns: { nickname: 'x' } }, 'malformed'],
      [{ ...good[0]!, hlc: 'not-a-clock' }, 'malformed'],
      [{ ...good[0]!, deviceId: 'someone-else' }, 'malformed'],
    ];
    for (const [change, reason] of bad) {
      let thrown: unknown;
      try {
        applyChanges(b, [...good, change]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(BundleRefused);
      expect((thrown as BundleRefused).reason).toBe(reason);
      expect(syncedDataHash(b.db)).toBe(before.hash);
      expect(loggedClocks(b.db)).toEqual(before.clocks);
    }
    applyChanges(b, good);
    expect(childRow(b, id)).toBeDefined();
  });
});
