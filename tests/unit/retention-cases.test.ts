// Retention of a closed case as a whole (RA 10173: kept no longer than necessary): only cases
// closed longer ago than the period are listed, a re-opened case never; a reviewed deletion
// empties every record of the child in every table naming her, keeps one tombstone with the case
// code and closure date, keeps a household a sibling still shares, and brings nothing back when
// an older change arrives from another computer.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureName } from '../../shared/contract';
import { CASE_COLUMNS, CASE_TABLES, deleteRetained } from '../../electron/backend/domains/privacy';
import { METADATA_COLUMNS } from '../../electron/backend/db/data-layer';
import { retentionCutoff } from '../../shared/privacy/retention';
import { addDaysTo } from '../../electron/backend/records/actor';
import { todayIn, zonedInstant } from '../../shared/time';
import { applyChanges, changesMissingFrom, markHeld } from '../../electron/backend/domains/sync';
import type { Db } from '../../electron/backend/db/sqlcipher';
import {
  caseVault,
  fails,
  syncedDataHash,
  ZONE,
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

/**
 * Tables whose foreign keys lead to `children`, directly or through other tables (a note's
 * addenda, a session through its plan, a bed reserved for her), and the household her row names.
 */
function tablesLeadingToChildren(db: Db): string[] {
  const links = db
    .prepare(
      `SELECT m.name AS child, f."table" AS parent
       FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`,
    )
    .all() as { child: string; parent: string }[];
  const found = new Set(['children', 'households']);
  for (let size = 0; size !== found.size;) {
    size = found.size;
    for (const link of links) if (found.has(link.parent)) found.add(link.child);
  }
  return [...found].sort();
}

let f: Awaited<ReturnType<typeof caseVault>>;
let inspector: Inspector;
beforeAll(async () => {
  f = await caseVault();
  inspector = await f.inspect();
}, 180_000);

/** An approved closure `years` ago, as the closure screens leave it (written beside the backend). */
function closedYearsAgo(childId: string, years: number, words = 'Fictional') {
  return closedAt(childId, yearsAgo(years), words).slice(0, 10);
}

/** An approved closure at the instant `at`. */
function closedAt(childId: string, at: string, words = 'Fictional') {
  inspector.data.insert('case_closures', {
    child_id: childId,
    status: 'approved',
    reason: `${words} reintegrated`,
    closing_note: `${words} closing note`,
    child_view: `${words} child's view`,
    family_view: `${words} family's view`,
    proposed_by: f.ids.coordinator,
    proposed_at: at,
    decided_by: f.ids.coordinator,
    decided_at: at,
  });
  inspector.data.update('children', childId, { status: 'closed' });
  return at;
}

/** A therapy session of `children` (written beside the backend, as the scheduler leaves it). */
function sessionOf(children: string[], statusReason: string) {
  const at = yearsAgo(12);
  const end = new Date(Date.parse(at) + 3_600_000).toISOString();
  const id = inspector.data.insert('therapy_sessions', {
    therapist_id: f.ids.therapist,
    kind: children.length > 1 ? 'group' : 'individual',
    start_at: at,
    end_at: end,
    status: 'cancelled',
    status_reason: statusReason,
    override_reason: `${statusReason}, booked past the weekly limit`,
    components: '[]',
    planned_components: '[]',
  });
  for (const child of children)
    inspector.data.insert('therapy_participants', {
      session_id: id,
      child_id: child,
      start_at: at,
      end_at: end,
      booked: 1,
    });
  return id;
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

describe('the date a closure counts from', () => {
  it('is its date in Manila: a case approved at 07:30 there is not counted from the day before', async () => {
    await f.as('coordinator');
    const onCutoff = await register(f.backend);
    const dayAfter = await register(f.backend);
    const cutoff = retentionCutoff(todayIn(ZONE), 120);
    // 07:30 in Manila is 23:30 UTC the day before.
    closedAt(onCutoff.id, zonedInstant(cutoff, '07:30', ZONE));
    closedAt(dayAfter.id, zonedInstant(addDaysTo(cutoff, 1), '07:30', ZONE));
    await f.as('admin');
    const due = await ok(f.backend, 'retention.due', { kind: 'closedCases' });
    expect(due.records.filter((r) => [onCutoff.id, dayAfter.id].includes(r.id))).toEqual([
      { id: onCutoff.id, kind: 'closedCases', caseCode: onCutoff.caseCode, countedFrom: cutoff },
    ]);
    const notDue = await fails(f.backend, 'retention.delete', {
      kind: 'closedCases',
      id: dayAfter.id,
      reason: 'Fictional: not yet',
      confirmed: true,
    });
    expect(notDue.code).toBe('CONFLICT');
    const tombstone = await ok(f.backend, 'retention.delete', {
      kind: 'closedCases',
      id: onCutoff.id,
      reason: 'Fictional: past the period',
      confirmed: true,
    });
    expect(tombstone.closedOn).toBe(cutoff);
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
    // Reached through other tables: her own session (why it was cancelled) and a group session
    // with the sibling still in care, whose reasons are the group's and stay.
    const own = sessionOf([child.id], `Fictional ${CANARY} was sick`);
    const group = sessionOf([child.id, sibling.id], 'Fictional group moved to Friday');
    // Free text in columns of tables naming her: a plan's language, her grade level, who gave a
    // measure.
    inspector.data.insert('therapy_plans', {
      child_id: child.id,
      therapist_id: f.ids.therapist,
      modality: 'tf_cbt',
      goals: `Fictional ${CANARY} goals`,
      frequency: 'weekly',
      session_minutes: 60,
      planned_sessions: 12,
      pref_therapist_gender: 'no_preference',
      pref_language: `Fictional ${CANARY} Waray`,
      pref_time_of_day: 'no_preference',
      status: 'completed',
      started_on: '2014-01-06',
    });
    const school = inspector.db
      .prepare('SELECT id FROM education_records WHERE child_id = ?', { pluck: true })
      .get([child.id]) as string;
    inspector.data.update('education_records', school, { grade_level: `Fictional ${CANARY} 4` });
    inspector.data.insert('outcome_scores', {
      child_id: child.id,
      instrument_code: 'SDQ',
      instrument_version: 1,
      administered_on: '2014-02-03',
      informant: 'caregiver',
      administered_by: `Fictional ${CANARY} aunt's neighbour`,
      scores: '{}',
      total: 0,
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
    const codes = [child.caseCode, alone.caseCode];
    expect(
      overview.tombstones.filter((t) => t.kind === 'closedCases' && codes.includes(t.caseCode!)),
    ).toHaveLength(2);
    expect(overview.tombstones.filter((t) => t.caseCode === null)).toEqual([]);
    expect(await ok(f.backend, 'audit.verify', {})).toMatchObject({ ok: true });

    const db = inspector.db;
    // Nothing the case said is left, in any table or the change log.
    expect(placesHolding(db, CANARY)).toEqual([]);
    // Every table naming a child is covered, and each row of this child is emptied or counted.
    const covered = new Set([...Object.keys(CASE_TABLES), 'family_members']);
    expect(tablesNamingChildren(db).filter((t) => !covered.has(t))).toEqual([]);
    // Every table leading to a child, and every column of each, is emptied or kept by name: a
    // new column fails here until someone decides whether it speaks of the child. The soft
    // delete is the deletion's own.
    expect(tablesLeadingToChildren(db)).toEqual(Object.keys(CASE_COLUMNS).sort());
    for (const [table, rule] of Object.entries(CASE_COLUMNS)) {
      const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
        .map((c) => c.name)
        .filter((c) => !METADATA_COLUMNS.includes(c) && c !== 'deleted_at');
      expect({ table, columns: columns.sort() }).toEqual({
        table,
        columns: [...Object.keys(rule!.purged), ...rule!.kept].sort(),
      });
    }
    // Her session is emptied; the group's stays with the sibling, both still counted.
    const session = db.prepare(
      'SELECT status_reason, override_reason, deleted_at FROM therapy_sessions WHERE id = ?',
    );
    expect(session.get([own])).toEqual({
      status_reason: null,
      override_reason: '',
      deleted_at: null,
    });
    expect(session.get([group])).toEqual({
      status_reason: 'Fictional group moved to Friday',
      override_reason: 'Fictional group moved to Friday, booked past the weekly limit',
      deleted_at: null,
    });
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
    // c, not told yet, corrects the child's preferred name and the contact after the deletion,
    // and records a new contact and a session she missed.
    c.data.update('children', childId, { preferred_name: `Fictional ${CANARY} Lis` });
    c.data.update('contact_log', contact, { concerns: `Fictional ${CANARY} asked for photos` });
    const newContact = c.data.insert('contact_log', {
      child_id: childId,
      kind: 'visit',
      occurred_on: '2015-02-01',
      with_whom: `Fictional ${CANARY} cousin`,
      supervised: 0,
    });
    const session = c.data.insert('therapy_sessions', {
      therapist_id: coordinator,
      kind: 'individual',
      start_at: '2015-02-02T01:00:00.000Z',
      end_at: '2015-02-02T02:00:00.000Z',
      status: 'cancelled',
      status_reason: `Fictional ${CANARY} ran away`,
      components: '[]',
      planned_components: '[]',
    });
    c.data.insert('therapy_participants', {
      session_id: session,
      child_id: childId,
      start_at: '2015-02-02T01:00:00.000Z',
      end_at: '2015-02-02T02:00:00.000Z',
      booked: 1,
    });
    send(a, b);
    expect(placesHolding(b.db, CANARY)).toEqual([]);
    // c's newer changes and new records reach b: the tombstone wins, every row stays emptied.
    send(c, b);
    expect(placesHolding(b.db, CANARY)).toEqual([]);
    expect(
      b.db.prepare('SELECT legal_name, preferred_name FROM children WHERE id = ?').get([childId]),
    ).toEqual({ legal_name: '', preferred_name: null });
    expect(
      b.db
        .prepare(
          'SELECT with_whom, deleted_at IS NOT NULL AS deleted FROM contact_log WHERE id = ?',
        )
        .get([newContact]),
    ).toEqual({ with_whom: '', deleted: 1 });
    expect(
      b.db.prepare('SELECT status_reason FROM therapy_sessions WHERE id = ?').get([session]),
    ).toEqual({ status_reason: null });
    // And c, told of the deletion, drops its own copy too, the records it made included.
    send(a, c);
    expect(placesHolding(c.db, CANARY)).toEqual([]);
    // Once every computer has every change, they hold the same rows, and nothing of her.
    for (const [from, to] of [
      [b, a],
      [c, a],
      [b, c],
      [c, b],
      [a, b],
      [a, c],
    ] as const)
      send(from, to);
    expect(placesHolding(a.db, CANARY)).toEqual([]);
    expect(syncedDataHash(b.db)).toBe(syncedDataHash(a.db));
    expect(syncedDataHash(c.db)).toBe(syncedDataHash(a.db));
  });
});
