// The case file's health section on a real vault: read and written only by the roles the
// administrator allows and the child's own caseworker (a viewer not allowed gets no rows and no
// timeline lines, and a write is refused); the setting's change is audited; ids out of scope
// answer NOT_FOUND; bad input saves nothing; each kind keeps only its own fields.
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, countRows, daysAgo, fails, instantDaysAgo, ok, register } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
/** Placed in Cebu: `own` is the Cebu caseworker's, `other` is assigned to no one. */
let own: string;
let other: string;
beforeAll(async () => {
  f = await caseVault();
  await f.as('coordinator');
  const place = async (assignedCaseworkerId: string | undefined, bed: number) => {
    const child = await register(f.backend, assignedCaseworkerId ? { assignedCaseworkerId } : {});
    await ok(f.backend, 'placements.admit', {
      childId: child.id,
      bedId: f.bed(f.cebu, bed),
      startAt: instantDaysAgo(20),
      reason: 'Rescue',
    });
    return child.id;
  };
  own = await place(f.ids.cebu, 0);
  other = await place(undefined, 1);
}, 240_000);

const checkup = (childId: string, extra: Record<string, unknown> = {}) => ({
  childId,
  kind: 'checkup',
  date: daysAgo(3),
  checkedBy: 'Fictional Dr. Abad, rural health unit',
  note: 'Fictional: well, weight up',
  ...extra,
});

const readers = (roles: string[]) => ok(f.backend, 'health.saveReaders', { roles });

describe('health: who may read it', () => {
  it('by default the coordinator and the child’s own caseworker; no one else gets a row', async () => {
    await f.as('coordinator');
    const saved = await ok(f.backend, 'health.save', checkup(other));
    expect(saved).toMatchObject({ kind: 'checkup', checkedBy: expect.any(String), until: null });
    expect(await ok(f.backend, 'health.records', { childId: other })).toEqual([saved]);
    const file = await ok(f.backend, 'children.get', { id: other });
    expect(file.health).toEqual([saved]);
    const timeline = await ok(f.backend, 'children.timeline', { id: other });
    expect(timeline.filter((e) => e.kind === 'health')).toEqual([
      { at: daysAgo(3), kind: 'health', params: { kind: 'checkup' } },
    ]);

    await f.as('cebu');
    // Her own child: she reads and writes; the other child of her shelter: nothing at all.
    await ok(f.backend, 'health.save', checkup(own));
    expect(await ok(f.backend, 'health.records', { childId: own })).toHaveLength(1);
    expect(await ok(f.backend, 'health.records', { childId: other })).toBeNull();
    const hidden = await ok(f.backend, 'children.get', { id: other });
    expect(hidden.health).toBeNull();
    const lines = await ok(f.backend, 'children.timeline', { id: other });
    expect(lines.some((e) => e.kind === 'health')).toBe(false);
    const before = countRows(await f.inspect(), 'health_records');
    expect(await fails(f.backend, 'health.save', checkup(other))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await fails(f.backend, 'health.save', { ...checkup(other), id: saved.id }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(countRows(await f.inspect(), 'health_records')).toBe(before);

    await f.as('therapist');
    expect(await ok(f.backend, 'health.records', { childId: other })).toBeNull();
    expect(await fails(f.backend, 'health.save', checkup(other))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('the administrator allows therapists, then withdraws it; each change is audited', async () => {
    await f.as('therapist');
    expect(await ok(f.backend, 'health.readers', {})).toEqual({ roles: ['coordinator'] });
    await f.as('admin');
    expect(await readers(['therapist', 'coordinator', 'therapist'])).toEqual({
      roles: ['coordinator', 'therapist'],
    });
    await f.as('therapist');
    expect(await ok(f.backend, 'health.records', { childId: other })).toHaveLength(1);
    const medicine = await ok(f.backend, 'health.save', {
      childId: other,
      kind: 'medicine',
      medicine: 'Fictional sertraline',
      dose: '25 mg each morning',
      date: daysAgo(2),
      until: daysAgo(-30),
    });
    expect(medicine).toMatchObject({ kind: 'medicine', until: daysAgo(-30), checkedBy: null });

    await f.as('admin');
    await readers(['coordinator']);
    await f.as('therapist');
    expect(await ok(f.backend, 'health.records', { childId: other })).toBeNull();
    expect(
      await fails(f.backend, 'health.save', {
        childId: other,
        id: medicine.id,
        kind: 'medicine',
        medicine: 'Fictional sertraline',
        dose: '50 mg',
        date: daysAgo(2),
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });

    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', {
      action: 'health.saveReaders',
      limit: 10,
    });
    expect(entries.map((e) => e.detail)).toEqual([
      { roles: 'coordinator' },
      { roles: 'coordinator,therapist' },
    ]);
    // Only the administrator decides.
    await f.as('coordinator');
    expect(await fails(f.backend, 'health.saveReaders', { roles: [] })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('allowing caseworkers opens the section to every caseworker in scope, never beyond', async () => {
    await f.as('admin');
    await readers(['coordinator', 'caseworker']);
    await f.as('cebu');
    expect(await ok(f.backend, 'health.records', { childId: other })).not.toBeNull();
    await f.as('iloilo');
    expect(await fails(f.backend, 'health.records', { childId: other })).toMatchObject({
      code: 'NOT_FOUND',
    });
    await f.as('coordinator');
    const [record] = (await ok(f.backend, 'health.records', { childId: own }))!;
    await f.as('iloilo');
    expect(
      await fails(f.backend, 'health.save', { ...checkup(own), id: record!.id }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    await f.as('admin');
    await readers(['coordinator']);
  });
});

describe('health: what a record holds', () => {
  it('each kind needs its own fields, and bad input saves nothing', async () => {
    await f.as('coordinator');
    const inspector = await f.inspect();
    const before = countRows(inspector, 'health_records');
    const refused = async (input: Record<string, unknown>) =>
      (await fails(f.backend, 'health.save', { childId: other, ...input })).fields;
    expect(await refused({ kind: 'medico_legal' })).toEqual({
      date: 'required',
      heldAt: 'required',
    });
    expect(await refused({ kind: 'checkup', date: daysAgo(1) })).toEqual({
      checkedBy: 'required',
    });
    expect(
      await refused({
        kind: 'medicine',
        medicine: 'Fictional amoxicillin',
        date: daysAgo(1),
        until: daysAgo(5),
      }),
    ).toEqual({ dose: 'required', until: 'dateRange' });
    expect(await refused({ kind: 'philhealth', philhealthNumber: '12-34' })).toEqual({
      philhealthNumber: 'invalid',
      philhealthCategory: 'required',
    });
    expect(await refused({ ...checkup(other), date: daysAgo(-1) })).toEqual({
      date: 'date.future',
    });
    expect(await refused({ ...checkup(other), note: 'x'.repeat(301) })).toEqual({
      note: 'tooLong',
    });
    expect(countRows(inspector, 'health_records')).toBe(before);
    inspector.close();
  });

  it('keeps only the fields of the kind chosen, and corrects a record in place', async () => {
    await f.as('coordinator');
    const exam = await ok(f.backend, 'health.save', {
      childId: other,
      kind: 'medico_legal',
      date: daysAgo(15),
      heldAt: 'Fictional WCPU, Vicente Sotto hospital',
      checkedBy: 'left over from another kind',
    });
    expect(exam).toMatchObject({ heldAt: expect.any(String), checkedBy: null, note: null });
    const philhealth = await ok(f.backend, 'health.save', {
      childId: other,
      kind: 'philhealth',
      philhealthNumber: '12-345678901-2',
      philhealthCategory: 'indigent',
      date: daysAgo(1),
    });
    expect(philhealth).toMatchObject({ date: null, philhealthCategory: 'indigent' });
    const corrected = await ok(f.backend, 'health.save', {
      childId: other,
      id: philhealth.id,
      kind: 'philhealth',
      philhealthNumber: '12-345678901-3',
      philhealthCategory: 'sponsored',
    });
    expect(corrected).toMatchObject({ id: philhealth.id, philhealthCategory: 'sponsored' });
    expect(
      await fails(f.backend, 'health.save', { ...checkup(own), id: philhealth.id }),
    ).toMatchObject({ fields: { childId: 'notFound' } });
    const timeline = await ok(f.backend, 'children.timeline', { id: other });
    expect(timeline.filter((e) => e.kind === 'health').map((e) => e.params.kind)).toEqual(
      expect.arrayContaining(['medico_legal', 'philhealth', 'medicine', 'checkup']),
    );
  });

  it('the access-request export lists the health fields, or names them withheld', async () => {
    await f.as('coordinator');
    const report = await ok(f.backend, 'reports.accessRequest', { childId: other });
    const health = report.records.find((r) => r.table === 'health_records');
    expect(health?.rows[0]?.map((c) => c.field)).toEqual(
      expect.arrayContaining(['kind', 'date', 'medicine', 'dose', 'philhealth_number', 'note']),
    );
    expect(report.withheld).not.toContain('health_records');
    await f.as('admin');
    await readers([]);
    await f.as('coordinator');
    const without = await ok(f.backend, 'reports.accessRequest', { childId: other });
    expect(without.records.some((r) => r.table === 'health_records')).toBe(false);
    expect(without.withheld).toContain('health_records');
    await f.as('admin');
    await readers(['coordinator']);
  });
});
