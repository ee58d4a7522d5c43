// Retention of a closed case as a whole (RA 10173: kept no longer than necessary): only cases
// closed longer ago than the period are listed, a re-opened case never; a reviewed deletion
// empties every record of the child in every table naming her, keeps one tombstone with the case
// code and closure date, keeps a household a sibling still shares, and brings nothing back when
// an older change arrives from another computer.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureName } from '../../shared/contract';
import { CASE_TABLES, deleteRetained } from '../../electron/backend/domains/privacy';
import { applyChanges, changesMissingFrom, markHeld } from '../../electron/backend/domains/sync';
import type { Db } from '../../electron/backend/db/sqlcipher';
import {
  caseVault,
  fails,
  instantDaysAgo,
  ok,
  organisation,
  register,
  registerOn,
  sample,
  type Computer,
  type Inspector,
} from './support';

const CANARY = 'canary K4VW';
const yearsAgo = (years: number) => instantDaysAgo(years * 366);

/** The record procedures of a case file, each with its sample input for `childId`. */
const RECORDS: ProcedureName[] = [
  'consents.record',
  'visitors.add',
  'intake.record',
  'intake.addAddendum',
  'plan.saveGoal',
  'plan.saveTask',
  'legal.save',
  'incidents.save',
  'documents.save',
  'accused.save',
  'education.save',
  'conferences.save',
  'contacts.save',
];

/** The sample's free text carries the canary, so a search of the vault finds whatever is left. */
const withCanary = (input: unknown, childId: string): unknown =>
  JSON.parse(
    JSON.stringify({ ...(input as object), childId }).replaceAll(
      'Fictional',
      `Fictional ${CANARY}`,
    ),
  );

/** Every table and column of the database whose text contains `text`, the change log included. */
function placesHolding(db: Db, text: string): string[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table'", { pluck: true })
    .all() as string[];
  return tables.flatMap((table) =>
    (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
      .map((c) => c.name)
      .filter(
        (column) =>
          db
            .prepare(`SELECT 1 FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?) > 0`)
            .get([text]) !== undefined,
      )
      .map((column) => `${table}.${column}`),
  );
}

/** Tables with a `child_id` column, read from the migrated database. */
function tablesNamingChildren(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
         WHERE m.type = 'table' AND c.name = 'child_id' ORDER BY m.name`,
        { pluck: true },
      )
      .all() as string[]
  ).filter((t) => t !== 'sync_bundle_changes');
}

let f: Awaited<ReturnType<typeof caseVault>>;
let inspector: Inspector;
beforeAll(async () => {
  f = await caseVault();
  inspector = await f.inspect();
}, 180_000);

/** An approved closure `years` ago, as the closure screens leave it (written beside the backend). */
function closedYearsAgo(childId: string, years: number, words = 'Fictional') {
  const at = yearsAgo(years);
  inspector.data.insert('case_closures', {
    child_id: childId,
    status: 'approved',
    reason: 'reintegrated',
    closing_note: `${words} closing note`,
    child_view: `${words} child's view`,
    family_view: `${words} family's view`,
    proposed_by: f.ids.coordinator,
    proposed_at: at,
    decided_by: f.ids.coordinator,
    decided_at: at,
  });
  inspector.data.update('children', childId, { status: 'closed' });
  return at.slice(0, 10);
}

describe('closed cases past their period', () => {
  it('lists only cases closed longer ago than the period, never a re-opened one', async () => {
    await f.as('coordinator');
    const old = await register(f.backend);
    const recent = await register(f.backend);
    const reopened = await register(f.backend);
    const open = await register(f.backend);
    const closedOn = closedYearsAgo(old.id, 11);
    closedYearsAgo(recent.id, 2);
    closedYearsAgo(reopened.id, 12);
    await ok(f.backend, 'reintegration.reopenCase', {
      childId: reopened.id,
      reason: 'Fictional: she came back to the shelter',
    });
    await f.as('admin');
    const overview = await ok(f.backend, 'retention.overview', {});
    expect(overview.periods.find((p) => p.kind === 'closedCases')).toEqual({
      kind: 'closedCases',
      months: 120,
      due: 1,
    });
    const due = await ok(f.backend, 'retention.due', { kind: 'closedCases' });
    expect(due.records).toEqual([
      { id: old.id, kind: 'closedCases', caseCode: old.caseCode, countedFrom: closedOn },
    ]);
    // A shorter period brings the recent closure in; the re-opened and the open case stay out.
    await ok(f.backend, 'retention.setPeriod', { kind: 'closedCases', months: 12 });
    const ids = (await ok(f.backend, 'retention.due', { kind: 'closedCases' })).records.map(
      (r) => r.id,
    );
    expect(ids).toEqual([old.id, recent.id]);
    for (const notDue of [reopened.id, open.id])
      expect(
        (
          await fails(f.backend, 'retention.delete', {
            kind: 'closedCases',
            id: notDue,
            reason: 'Fictional',
            confirmed: true,
          })
        ).code,
      ).toBe('CONFLICT');
    await ok(f.backend, 'retention.setPeriod', { kind: 'closedCases', months: 120 });
  });
});

describe('deleting a closed case', () => {
  it('empties every record of the child, keeps one tombstone and the household a sibling shares', async () => {
    await f.as('coordinator');
    const child = await register(f.backend, { legalName: `Fictional ${CANARY} Maria` });
    const sibling = await register(f.backend, { legalName: 'Fictional Sibling Ana' });
    const alone = await register(f.backend, { legalName: 'Fictional Alone Bea' });
    const inputs = sample('coordinator');
    for (const procedure of RECORDS)
      await ok(f.backend, procedure, withCanary(inputs[procedure], child.id) as never);
    // A mother shared with the sibling, and an aunt of the child alone in her own household.
    const mother = await ok(f.backend, 'family.save', {
      childId: child.id,
      name: 'Fictional Shared Mother',
      relationship: 'mother',
      livesInHousehold: true,
      allegedOffender: false,
      noContactOrder: false,
    });
    await ok(f.backend, 'households.join', { childId: sibling.id, householdOfChildId: child.id });
    const aunt = await ok(f.backend, 'family.save', {
      childId: alone.id,
      name: `Fictional ${CANARY} Aunt`,
      relationship: 'aunt',
      livesInHousehold: false,
      allegedOffender: false,
      noContactOrder: false,
    });
    const closedOn = closedYearsAgo(child.id, 11, `Fictional ${CANARY}`);
    closedYearsAgo(alone.id, 11, `Fictional ${CANARY}`);
    expect(placesHolding(inspector.db, CANARY).length).toBeGreaterThan(10);

    await f.as('admin');
    const reason = 'Fictional: ten years after closure, as the retention policy allows';
    const tombstone = await ok(f.backend, 'retention.delete', {
      kind: 'closedCases',
      id: child.id,
      reason,
      confirmed: true,
    });
    expect(tombstone).toMatchObject({
      kind: 'closedCases',
      caseCode: child.caseCode,
      closedOn,
      reason,
      deletedByName: expect.any(String),
    });
    await ok(f.backend, 'retention.delete', {
      kind: 'closedCases',
      id: alone.id,
      reason,
      confirmed: true,
    });
    // One tombstone each is shown; the parts stay behind them.
    const overview = await ok(f.backend, 'retention.overview', {});
    expect(overview.tombstones.filter((t) => t.kind === 'closedCases')).toHaveLength(2);
    expect(await ok(f.backend, 'audit.verify', {})).toMatchObject({ ok: true });

    const db = inspector.db;
    // Nothing the case said is left, in any table or the change log.
    expect(placesHolding(db, CANARY)).toEqual([]);
    // Every table naming a child is covered, and each row of this child is emptied or counted.
    const covered = new Set([...Object.keys(CASE_TABLES), 'family_members']);
    expect(tablesNamingChildren(db).filter((t) => !covered.has(t))).toEqual([]);
    for (const [table, rule] of Object.entries(CASE_TABLES)) {
      const rows = db
        .prepare(`SELECT * FROM ${table} WHERE child_id = ?`)
        .all([child.id]) as Record<string, unknown>[];
      for (const row of rows) {
        for (const [column, placeholder] of Object.entries(rule.purged))
          expect([null, placeholder]).toContain(row[column]);
        if (!('counted' in rule) && 'deleted_at' in row) expect(row.deleted_at).not.toBeNull();
      }
    }
    expect(
      db
        .prepare(
          'SELECT case_code, legal_name, search_text, date_of_birth, deleted_at IS NOT NULL AS deleted FROM children WHERE id = ?',
        )
        .get([child.id]),
    ).toEqual({
      case_code: child.caseCode,
      legal_name: '',
      search_text: '',
      date_of_birth: null,
      deleted: 1,
    });
    // The household the sibling shares keeps its mother; the aunt of the child alone is gone.
    expect(
      db.prepare('SELECT name, deleted_at FROM family_members WHERE id = ?').get([mother.id]),
    ).toEqual({ name: 'Fictional Shared Mother', deleted_at: null });
    expect(
      db
        .prepare('SELECT name, deleted_at IS NOT NULL AS deleted FROM family_members WHERE id = ?')
        .get([aunt.id]),
    ).toEqual({ name: '', deleted: 1 });
    await f.as('coordinator');
    const household = await ok(f.backend, 'households.get', { childId: sibling.id });
    expect(JSON.stringify(household)).toContain('Fictional Shared Mother');
    // Deleted once: not listed, not found again, the case code is not reachable.
    await f.as('admin');
    expect(
      (
        await fails(f.backend, 'retention.delete', {
          kind: 'closedCases',
          id: child.id,
          reason,
          confirmed: true,
        })
      ).code,
    ).toBe('NOT_FOUND');
  });
});

describe('a deleted case travels by sync', () => {
  const send = (from: Computer, to: Computer) => {
    const changes = changesMissingFrom(from, `peer:${to.id}`);
    markHeld(
      from.db,
      `peer:${to.id}`,
      changes.map((c) => c.hlc),
    );
    return applyChanges(to, changes);
  };

  it('is emptied on every computer, and a change made elsewhere before it was heard of brings nothing back', async () => {
    const org = await organisation();
    const [a, b, c] = [org.computer('a'), org.computer('b'), org.computer('c')];
    const childId = registerOn(a, `Fictional ${CANARY} Liza`);
    const contact = a.data.insert('contact_log', {
      child_id: childId,
      kind: 'phone_call',
      occurred_on: '2014-05-01',
      with_whom: `Fictional ${CANARY} aunt`,
      supervised: 0,
    });
    const at = yearsAgo(11);
    const coordinator = a.data.insert('users', {
      username: 'coordinator',
      display_name: 'Fictional coordinator',
      role: 'coordinator',
      shelter_scope: '[]',
      must_change_password: 0,
    });
    a.data.insert('case_closures', {
      child_id: childId,
      status: 'approved',
      reason: 'reintegrated',
      closing_note: 'Fictional closing note',
      child_view: 'Fictional view',
      family_view: 'Fictional view',
      proposed_by: coordinator,
      proposed_at: at,
      decided_by: coordinator,
      decided_at: at,
    });
    a.data.update('children', childId, { status: 'closed' });
    send(a, b);
    send(a, c);
    a.data.transaction(() =>
      deleteRetained(a, a.actor, {
        kind: 'closedCases',
        id: childId,
        reason: 'Fictional: past the period',
      }),
    );
    expect(placesHolding(a.db, CANARY)).toEqual([]);
    // c, not told yet, corrects the child's preferred name and the contact after the deletion.
    c.data.update('children', childId, { preferred_name: `Fictional ${CANARY} Lis` });
    c.data.update('contact_log', contact, { concerns: `Fictional ${CANARY} asked for photos` });
    send(a, b);
    expect(placesHolding(b.db, CANARY)).toEqual([]);
    // c's newer changes reach b: logged without their content, the rows stay emptied.
    send(c, b);
    expect(placesHolding(b.db, CANARY)).toEqual([]);
    expect(
      b.db.prepare('SELECT legal_name, preferred_name FROM children WHERE id = ?').get([childId]),
    ).toEqual({ legal_name: '', preferred_name: null });
    // And c, told of the deletion, drops its own copy too.
    send(a, c);
    expect(placesHolding(c.db, CANARY)).toEqual([]);
  });
});
