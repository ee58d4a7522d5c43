// Case records: registration, bad input, search, scope, safety flags, the intake account,
// consents, the case plan and agenda, the timeline, siblings, and the audit of full-name views.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ageOn,
  canSeeSafetyFlags,
  foldForSearch,
  initialsOf,
} from '../../shared/children/vocabulary';
import { canSeeShelterAddress } from '../../shared/shelters/vocabulary';
import { ROLES } from '../../shared/roles';
import {
  familyOf,
  isConsentActive,
  loadCaseFile,
  scopeShelterIds,
} from '../../electron/backend/domains/children';
import { addDaysTo, dateOf } from '../../electron/backend/records/actor';
import { composeHooks } from '../../electron/backend/runtime/composition';
import {
  caseVault,
  childInput,
  countRows,
  daysAgo,
  instantDaysAgo,
  register,
  ZONE,
  fails,
  ok,
} from './support';
import { todayIn } from '../../shared/time';

let f: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  f = await caseVault();
});
const today = () => todayIn(ZONE);

describe('registration', () => {
  it('gives an AR-<year>-<sequence> code that encodes nothing, an alias, and a computable age', async () => {
    await f.as('coordinator');
    const a = await register(f.backend, {
      legalName: 'Fictional Juana Bautista',
      birth: { kind: 'dob', dateOfBirth: '2011-02-03' },
    });
    const b = await register(f.backend, {
      legalName: 'Fictional Pedro Santos',
      sex: 'male',
      birth: { kind: 'estimated', estimatedAgeYears: 12, asOf: '2024-01-01' },
    });
    const year = today().slice(0, 4);
    expect(a.caseCode).toMatch(new RegExp(`^AR-${year}-\\d{4,}$`));
    const seq = (code: string) => Number(code.split('-')[2]);
    expect(seq(b.caseCode)).toBe(seq(a.caseCode) + 1);
    for (const part of ['JB', 'F.J.B', '2011', 'Juana']) expect(a.caseCode).not.toContain(part);

    const fileA = await ok(f.backend, 'children.get', { id: a.id });
    expect(fileA.child).toMatchObject({
      caseCode: a.caseCode,
      alias: expect.stringMatching(/^([A-Z]\.){3}$/),
      status: 'intake',
      legalNameKnown: true,
      age: ageOn({ kind: 'dob', dateOfBirth: '2011-02-03' }, today()).age,
      ageEstimated: false,
    });
    expect(await ok(f.backend, 'children.revealName', { id: a.id })).toEqual({
      legalName: 'Fictional Juana Bautista',
      preferredName: null,
      legalInitials: 'F.J.B.',
    });
    expect(fileA.child.alias).not.toBe('F.J.B.');
    const fileB = await ok(f.backend, 'children.get', { id: b.id });
    expect(fileB.child).toMatchObject({
      age: 12 + (Number(year) - 2024),
      ageEstimated: true,
    });
  });

  it('a legal name not known yet: real initials from the preferred name, found by it, and on Today until known', async () => {
    await f.as('cebu');
    const unnamed = await register(f.backend, {
      legalName: null,
      preferredName: 'Fictional Tala Unnamed',
      intakeDate: daysAgo(3),
    });
    const file = await ok(f.backend, 'children.get', { id: unnamed.id });
    expect(file.child).toMatchObject({
      alias: expect.stringMatching(/^([A-Z]\.){3}$/),
      legalNameKnown: false,
    });
    expect(await ok(f.backend, 'children.revealName', { id: unnamed.id })).toEqual({
      legalName: null,
      preferredName: 'Fictional Tala Unnamed',
      legalInitials: 'F.T.U.',
    });
    const found = await ok(f.backend, 'children.search', { text: 'tala unnamed' });
    expect(found.rows.map((r) => r.id)).toEqual([unnamed.id]);
    const reminder = {
      childId: unnamed.id,
      caseCode: unnamed.caseCode,
      alias: file.child.alias,
      kind: 'legalName',
      category: null,
      id: unnamed.id,
      title: '',
      date: daysAgo(3),
    };
    const overdue = { section: 'overdue', limit: 100 } as const;
    expect((await ok(f.backend, 'dashboard.agenda', overdue)).items).toContainEqual(reminder);
    // Outside the caseworker's scope, the reminder is not theirs.
    await f.as('iloilo');
    expect(
      (await ok(f.backend, 'dashboard.agenda', overdue)).items.some(
        (i) => i.childId === unnamed.id,
      ),
    ).toBe(false);

    // Once the name is known: real initials from it, the alias kept, and the reminder is gone.
    await f.as('cebu');
    const updated = await ok(f.backend, 'children.update', {
      ...childInput({ intakeDate: daysAgo(3) }),
      id: unnamed.id,
      legalName: 'Fictional Tala Reyes',
      preferredName: 'Fictional Tala Unnamed',
    });
    expect(updated).toMatchObject({ alias: file.child.alias, legalNameKnown: true });
    expect(await ok(f.backend, 'children.revealName', { id: unnamed.id })).toMatchObject({
      legalInitials: 'F.T.R.',
    });
    const sections = await Promise.all(
      (['overdue', 'upcoming'] as const).map((section) =>
        ok(f.backend, 'dashboard.agenda', { section, limit: 100 }),
      ),
    );
    expect(sections.flatMap((page) => page.items).some((i) => i.childId === unnamed.id)).toBe(
      false,
    );
  });

  it('computes ages in whole years on a calendar date', () => {
    expect(ageOn({ kind: 'dob', dateOfBirth: '2010-06-15' }, '2026-06-14').age).toBe(15);
    expect(ageOn({ kind: 'dob', dateOfBirth: '2010-06-15' }, '2026-06-15').age).toBe(16);
    expect(
      ageOn({ kind: 'estimated', estimatedAgeYears: 9, asOf: '2024-03-01' }, '2026-02-28'),
    ).toEqual({ age: 10, estimated: true });
    expect(initialsOf('  maría  de la Cruz-Santos ')).toBe('M.D.L.C.');
    expect(foldForSearch('NIÑO  Dela Peña')).toBe('nino dela pena');
  });

  it('bad input gets a field error and saves nothing', async () => {
    await f.as('coordinator');
    const vault = await f.inspect();
    const counts = () => ({
      changes: countRows(vault, 'change_log'),
      children: countRows(vault, 'children'),
      audit: countRows(vault, 'audit_log'),
    });
    const before = counts();
    const tomorrow = addDaysTo(today(), 1);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ birth: { kind: 'dob', dateOfBirth: tomorrow } }, { 'birth.dateOfBirth': 'date.future' }],
      [
        { birth: { kind: 'estimated', estimatedAgeYears: 10, asOf: tomorrow } },
        { 'birth.asOf': 'date.future' },
      ],
      [{ intakeDate: tomorrow }, { intakeDate: 'date.future' }],
      [{ legalName: 'N'.repeat(10_000) }, { legalName: 'tooLong' }],
      [{ legalName: undefined }, { legalName: 'required' }],
      [{ legalName: '   ' }, { legalName: 'required' }],
      [
        { birth: { kind: 'dob', dateOfBirth: daysAgo(10) }, intakeDate: daysAgo(20) },
        { intakeDate: 'date.beforeBirth' },
      ],
      [
        { birth: { kind: 'estimated', estimatedAgeYears: 40, asOf: daysAgo(1) } },
        { 'birth.estimatedAgeYears': 'age.range' },
      ],
    ];
    for (const [overrides, fields] of cases) {
      const error = await fails(f.backend, 'children.register', childInput(overrides));
      expect({ overrides, code: error.code, fields: error.fields }).toEqual({
        overrides,
        code: 'VALIDATION',
        fields,
      });
    }
    // Someone who cannot be assigned a child is outside the pick-list, like any unknown id.
    const therapist = await fails(
      f.backend,
      'children.register',
      childInput({ assignedCaseworkerId: f.ids.therapist }),
    );
    expect(therapist).toMatchObject({
      code: 'NOT_FOUND',
      fields: { assignedCaseworkerId: 'notFound' },
    });
    const child = await register(f.backend);
    const afterOne = counts();
    const update = await fails(f.backend, 'children.update', {
      ...childInput({ birth: { kind: 'dob', dateOfBirth: tomorrow } }),
      id: child.id,
    });
    expect(update.fields).toEqual({ 'birth.dateOfBirth': 'date.future' });
    expect(counts()).toEqual(afterOne);
    expect(afterOne.children).toBe(before.children + 1);
    vault.close();
  });

  it('status: in care only with a placement; closing and reopening are the closure’s', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    expect(
      await fails(f.backend, 'children.setStatus', { id: child.id, status: 'in_care' }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'status.notPlaced',
    });
    expect(
      await fails(f.backend, 'children.setStatus', { id: child.id, status: 'closed' }),
    ).toMatchObject({ code: 'CONFLICT', message: 'status.closeNeedsApproval' });
    await ok(f.backend, 'children.setStatus', { id: child.id, status: 'transferred' });
    expect(
      (await ok(f.backend, 'children.setStatus', { id: child.id, status: 'intake' })).status,
    ).toBe('intake');
    await ok(f.backend, 'placements.admit', {
      childId: child.id,
      bedId: f.bed(f.cebu, 2),
      startAt: instantDaysAgo(3),
      reason: 'Rescue',
    });
    expect(
      await fails(f.backend, 'children.setStatus', { id: child.id, status: 'transferred' }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'status.placed',
    });
    await ok(f.backend, 'placements.discharge', {
      childId: child.id,
      at: instantDaysAgo(1),
      destination: 'other',
      exitNote: 'Moved with family to another region',
    });
    // A discharge leaves the case open: closing it is the closure's, even for "other".
    expect((await ok(f.backend, 'children.get', { id: child.id })).child.status).toBe('left_care');
    expect(
      await fails(f.backend, 'children.setStatus', { id: child.id, status: 'closed' }),
    ).toMatchObject({ code: 'CONFLICT', message: 'status.closeNeedsApproval' });
    expect(
      await fails(f.backend, 'reintegration.reopenCase', {
        childId: child.id,
        reason: 'Fictional: the family asked for help again',
      }),
    ).toMatchObject({ code: 'CONFLICT', message: 'reintegration.notClosed' });
    const timeline = await ok(f.backend, 'children.timeline', { id: child.id });
    expect(timeline.filter((e) => e.kind === 'status').map((e) => e.params)).toEqual(
      expect.arrayContaining([
        { from: 'in_care', to: 'left_care' },
        { from: 'intake', to: 'in_care' },
        { from: 'transferred', to: 'intake' },
        { from: 'intake', to: 'transferred' },
      ]),
    );
  });
});

describe('search and scope', () => {
  let nino: { id: string; caseCode: string };
  let inCebu: { id: string; caseCode: string };
  let inIloilo: { id: string; caseCode: string };
  let assigned: { id: string; caseCode: string };
  let elsewhere: { id: string; caseCode: string };
  let mine: { id: string; caseCode: string };

  beforeAll(async () => {
    await f.as('coordinator');
    nino = await register(f.backend, {
      legalName: 'Fictional Niño Dela Cruz',
      preferredName: 'Nonoy',
      sex: 'male',
    });
    inCebu = await register(f.backend, { legalName: 'Fictional Scope Cebu' });
    inIloilo = await register(f.backend, { legalName: 'Fictional Scope Iloilo' });
    assigned = await register(f.backend, {
      legalName: 'Fictional Scope Assigned',
      assignedCaseworkerId: f.ids.cebu,
    });
    elsewhere = await register(f.backend, { legalName: 'Fictional Scope Unplaced' });
    await ok(f.backend, 'placements.admit', {
      childId: inCebu.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(9),
      reason: 'Rescue',
    });
    await ok(f.backend, 'placements.admit', {
      childId: inIloilo.id,
      bedId: f.bed(f.iloilo, 0),
      startAt: instantDaysAgo(9),
      reason: 'Rescue',
    });
    await f.as('cebu');
    mine = await register(f.backend, { legalName: 'Fictional Scope Mine' });
  });

  it('finds a name without accents or case, by preferred name and by case code; lists show the alias only', async () => {
    await f.as('coordinator');
    for (const text of ['nino', 'NIÑO', 'dela nino', 'nonoy', nino.caseCode.toLowerCase()]) {
      const { rows } = await ok(f.backend, 'children.search', { text });
      expect({ text, ids: rows.map((r) => r.id) }).toEqual({ text, ids: [nino.id] });
    }
    expect((await ok(f.backend, 'children.search', { text: 'ninx' })).total).toBe(0);
    // LIKE wildcards are literal.
    expect((await ok(f.backend, 'children.search', { text: '%' })).total).toBe(0);
    const result = await ok(f.backend, 'children.search', { text: 'nino' });
    expect(result.rows[0]).toMatchObject({
      caseCode: nino.caseCode,
      alias: expect.stringMatching(/^([A-Z]\.){3}$/),
      status: 'intake',
    });
    expect(JSON.stringify(result)).not.toMatch(/Niño|Cruz|Nonoy|F\.N\.D\.C\./);
  });

  it('filters by status, shelter and caseworker, with a total for paging', async () => {
    await f.as('coordinator');
    const byShelter = await ok(f.backend, 'children.search', { shelterId: f.iloilo.id });
    expect(byShelter.rows.map((r) => r.id)).toContain(inIloilo.id);
    expect(byShelter.rows.every((r) => r.shelterName === 'Fictional Home Iloilo')).toBe(true);
    const byWorker = await ok(f.backend, 'children.search', { caseworkerId: f.ids.cebu });
    expect(byWorker.rows.map((r) => r.id)).toEqual([assigned.id]);
    expect(byWorker.rows[0]!.caseworkerName).toBe('Fictional cw.cebu');
    const inCare = await ok(f.backend, 'children.search', { status: 'in_care', limit: 200 });
    expect(inCare.rows.every((r) => r.status === 'in_care')).toBe(true);
    const page = await ok(f.backend, 'children.search', { limit: 2, offset: 1 });
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBeGreaterThan(3);
  });

  it('a caseworker sees assigned children, children placed in their shelters, and their own unplaced registrations', async () => {
    await f.as('cebu');
    const ids = (await ok(f.backend, 'children.search', { limit: 200 })).rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([inCebu.id, assigned.id, mine.id]));
    expect(ids).not.toContain(inIloilo.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(nino.id);
    expect((await ok(f.backend, 'children.search', { text: 'scope iloilo' })).total).toBe(0);
    for (const [name, input] of [
      ['children.get', { id: inIloilo.id }],
      ['children.timeline', { id: inIloilo.id }],
      ['intake.open', { childId: inIloilo.id }],
      ['consents.check', { childId: inIloilo.id, type: 'services' }],
      ['children.setStatus', { id: inIloilo.id, status: 'closed' }],
      [
        'family.save',
        {
          childId: inIloilo.id,
          name: 'Fictional Relative',
          relationship: 'aunt',
          livesInHousehold: false,
          allegedOffender: false,
          noContactOrder: false,
        },
      ],
      [
        'placements.transfer',
        {
          childId: inIloilo.id,
          toBedId: f.bed(f.cebu, 1),
          at: instantDaysAgo(1),
          reason: 'x',
        },
      ],
    ] as const) {
      expect({ name, code: (await fails(f.backend, name, input)).code }).toEqual({
        name,
        code: 'NOT_FOUND',
      });
    }
    await ok(f.backend, 'children.get', { id: inCebu.id });
    await ok(f.backend, 'children.get', { id: mine.id });

    // Once their registration is placed in another shelter, it leaves their scope.
    await f.as('coordinator');
    await ok(f.backend, 'placements.admit', {
      childId: mine.id,
      bedId: f.bed(f.iloilo, 1),
      startAt: instantDaysAgo(2),
      reason: 'Rescue',
    });
    await f.as('cebu');
    expect((await fails(f.backend, 'children.get', { id: mine.id })).code).toBe('NOT_FOUND');
    await f.as('iloilo');
    const iloiloIds = (await ok(f.backend, 'children.search', { limit: 200 })).rows.map(
      (r) => r.id,
    );
    expect(iloiloIds).toEqual(expect.arrayContaining([inIloilo.id, mine.id]));
    expect(iloiloIds).not.toContain(inCebu.id);
  });

  it('scope entries match a shelter by id or by name, ignoring case', async () => {
    const vault = await f.inspect();
    const actor = (shelterScope: string[]) => ({
      userId: f.ids.cebu,
      role: 'caseworker' as const,
      shelterScope,
    });
    expect(scopeShelterIds(vault, actor([f.iloilo.id.toUpperCase()]))).toEqual([f.iloilo.id]);
    expect(scopeShelterIds(vault, actor([' FICTIONAL home iloilo ']))).toEqual([f.iloilo.id]);
    expect(scopeShelterIds(vault, actor(['Fictional Home']))).toEqual([]);
    vault.close();
  });

  it('shows a shelter address only to coordinators and administrators', async () => {
    expect(ROLES.filter(canSeeShelterAddress)).toEqual(['admin', 'coordinator']);
    for (const [who, visible] of [
      ['coordinator', true],
      ['admin', true],
      ['cebu', false],
    ] as const) {
      await f.as(who);
      const cebu = (await ok(f.backend, 'shelters.list', {})).find((s) => s.id === f.cebu.id)!;
      expect({ who, address: cebu.address }).toEqual({
        who,
        address: visible ? 'Fictional Home Cebu street' : null,
      });
    }
  });

  it('tells each viewer which shelters are theirs (bed boards they may open)', async () => {
    for (const [who, expected] of [
      ['coordinator', { cebu: true, iloilo: true }],
      ['cebu', { cebu: true, iloilo: false }],
      ['iloilo', { cebu: false, iloilo: true }],
    ] as const) {
      await f.as(who);
      const list = await ok(f.backend, 'shelters.list', {});
      const inScope = (id: string) => list.find((s) => s.id === id)!.inScope;
      expect({ who, cebu: inScope(f.cebu.id), iloilo: inScope(f.iloilo.id) }).toEqual({
        who,
        ...expected,
      });
      // The pick-list answer: the same shelters and flags, names only (no address, no beds).
      const names = await ok(f.backend, 'shelters.names', {});
      expect(names).toEqual(list.map(({ id, name, inScope }) => ({ id, name, inScope })));
    }
  });
});

describe('privacy of the case file', () => {
  it('safety flags are shown only to roles that need them', async () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, canSeeSafetyFlags(r)]))).toEqual({
      admin: false,
      coordinator: true,
      caseworker: true,
      therapist: false,
    });
    await f.as('coordinator');
    const child = await register(f.backend);
    await ok(f.backend, 'placements.admit', {
      childId: child.id,
      bedId: f.bed(f.cebu, 1),
      startAt: instantDaysAgo(4),
      reason: 'Rescue',
    });
    const saved = await ok(f.backend, 'family.save', {
      childId: child.id,
      name: 'Fictional Uncle Ramon',
      relationship: 'uncle',
      phone: '0917 000 0000',
      livesInHousehold: true,
      allegedOffender: true,
      allegedOffenderSince: daysAgo(60),
      noContactOrder: true,
      noContactOrderDate: daysAgo(30),
    });
    expect(saved.safety).toEqual({
      allegedOffender: true,
      allegedOffenderSince: daysAgo(60),
      noContactOrder: true,
      noContactOrderDate: daysAgo(30),
      orderExpiresOn: null,
      supervisedOnly: false,
    });
    await f.as('cebu');
    expect(
      (await ok(f.backend, 'children.get', { id: child.id })).family[0]!.safety?.allegedOffender,
    ).toBe(true);
    expect(
      (
        await fails(f.backend, 'family.save', {
          id: saved.id,
          childId: child.id,
          name: 'Fictional Uncle Ramon',
          relationship: 'uncle',
          livesInHousehold: true,
          allegedOffender: true,
          allegedOffenderSince: addDaysTo(today(), 2),
          noContactOrder: true,
        })
      ).fields,
    ).toEqual({ allegedOffenderSince: 'date.future' });

    // The same case file, loaded for a therapist working in that shelter: no flags at all.
    const vault = await f.inspect();
    const therapist = {
      userId: f.ids.therapist,
      role: 'therapist' as const,
      shelterScope: ['Fictional Home Cebu'],
    };
    const file = loadCaseFile(vault, therapist, child.id, composeHooks());
    expect(file.family[0]).toMatchObject({ name: 'Fictional Uncle Ramon', safety: null });
    expect(JSON.stringify(file.family)).not.toMatch(/allegedOffender|noContactOrder/);
    expect(familyOf(vault, child.id, 'admin')[0]!.safety).toBeNull();
    vault.close();
  });

  it('the intake account is recorded once, and each opening and case-file view is audited without content', async () => {
    await f.as('cebu');
    const child = await register(f.backend, {
      legalName: 'Fictional Lorna Villanueva',
      assignedCaseworkerId: f.ids.cebu,
    });
    const account = 'Fictional account text: she describes the events in her own words.';
    const where = { heldWhere: 'video', reference: 'Fictional video V-0007' } as const;
    await ok(f.backend, 'intake.record', { childId: child.id, ...where, account });
    expect(
      await fails(f.backend, 'intake.record', { childId: child.id, ...where, account: 'again' }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'intake.alreadyRecorded',
    });
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.intakeAccount).toMatchObject({ recordedByName: 'Fictional cw.cebu' });
    expect(JSON.stringify(file)).not.toContain(account);
    const opened = await ok(f.backend, 'intake.open', { childId: child.id });
    expect(opened.account).toBe(account);
    await ok(f.backend, 'intake.open', { childId: child.id });
    const other = await register(f.backend);
    expect((await fails(f.backend, 'intake.open', { childId: other.id })).code).toBe('NOT_FOUND');

    await f.as('admin');
    const opens = await ok(f.backend, 'audit.list', { action: 'intake.open', limit: 50 });
    const forChild = opens.entries.filter((e) => e.targetId === child.id);
    expect(forChild).toHaveLength(2);
    expect(forChild[0]).toMatchObject({ targetType: 'child', actorId: f.ids.cebu, outcome: 'ok' });
    const views = await ok(f.backend, 'audit.list', { action: 'children.get', limit: 50 });
    expect(views.entries.some((e) => e.targetType === 'child' && e.targetId === child.id)).toBe(
      true,
    );
    const vault = await f.inspect();
    const dump = JSON.stringify(vault.db.prepare('SELECT * FROM audit_log').all());
    expect(dump).not.toContain(account);
    expect(dump).not.toContain('Villanueva');
    vault.close();
  });
});

describe("the child's name", () => {
  it('never travels with the case file; children.revealName answers it in scope, audited as its view', async () => {
    await f.as('cebu');
    const child = await register(f.backend, {
      legalName: 'Fictional Amihan Canaryname',
      preferredName: 'Fictional Ami Canarynick',
    });
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(JSON.stringify(file)).not.toMatch(/Canaryname|Canarynick|Amihan/);
    const updated = await ok(f.backend, 'children.update', {
      ...childInput({ legalName: 'Fictional Amihan Canaryname' }),
      id: child.id,
    });
    expect(JSON.stringify(updated)).not.toMatch(/Canaryname|Amihan/);
    expect(await ok(f.backend, 'children.revealName', { id: child.id })).toEqual({
      legalName: 'Fictional Amihan Canaryname',
      preferredName: null,
      legalInitials: 'F.A.C.',
    });
    // Nor do the real initials travel with the file.
    expect(JSON.stringify(updated)).not.toContain('F.A.C.');
    // Out of scope it does not exist.
    await f.as('iloilo');
    expect((await fails(f.backend, 'children.revealName', { id: child.id })).code).toBe(
      'NOT_FOUND',
    );

    await f.as('admin');
    const reveals = await ok(f.backend, 'audit.list', {
      action: 'children.revealName',
      limit: 50,
    });
    const forChild = reveals.entries.filter((e) => e.targetId === child.id);
    expect(forChild).toHaveLength(1);
    expect(forChild[0]).toMatchObject({
      actorId: f.ids.cebu,
      targetType: 'child',
      outcome: 'ok',
      detail: { section: 'name' },
    });
    const vault = await f.inspect();
    const dump = JSON.stringify(vault.db.prepare('SELECT * FROM audit_log').all());
    expect(dump).not.toContain('Canaryname');
    vault.close();
  });
});

describe('consents', () => {
  it('answers "is this allowed now": agency must match, withdrawal counts from its date', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const services = await ok(f.backend, 'consents.record', {
      childId: child.id,
      type: 'services',
      givenBy: 'guardian',
      givenOn: daysAgo(10),
      scope: 'Shelter care and counselling',
    });
    const sharing = await ok(f.backend, 'consents.record', {
      childId: child.id,
      type: 'sharing',
      agency: 'DSWD Field Office VII',
      givenBy: 'court_dswd',
      givenOn: daysAgo(10),
      scope: 'Case summary for court',
    });
    const check = (type: string, agency?: string) =>
      ok(f.backend, 'consents.check', { childId: child.id, type, ...(agency ? { agency } : {}) });
    expect(await check('services')).toEqual({ allowed: true, consentId: services.id });
    expect(await check('sharing', 'dswd field office vii')).toEqual({
      allowed: true,
      consentId: sharing.id,
    });
    expect(await check('sharing', 'Fictional Newspaper')).toEqual({
      allowed: false,
      consentId: null,
    });
    expect(await check('sharing')).toEqual({ allowed: false, consentId: null });
    expect(await check('photos')).toEqual({ allowed: false, consentId: null });

    expect(
      (
        await fails(f.backend, 'consents.record', {
          childId: child.id,
          type: 'sharing',
          givenBy: 'guardian',
          givenOn: daysAgo(1),
          scope: 'x',
        })
      ).fields,
    ).toEqual({ agency: 'consent.agencyRequired' });
    expect(
      (
        await fails(f.backend, 'consents.withdraw', {
          id: services.id,
          withdrawnOn: daysAgo(11),
          reason: 'Guardian changed mind',
        })
      ).fields,
    ).toEqual({ withdrawnOn: 'consent.withdrawnBeforeGiven' });

    const withdrawn = await ok(f.backend, 'consents.withdraw', {
      id: services.id,
      withdrawnOn: daysAgo(3),
      reason: 'Guardian changed mind',
    });
    expect(withdrawn.withdrawnOn).toBe(daysAgo(3));
    expect(await check('services')).toEqual({ allowed: false, consentId: null });
    expect(
      await fails(f.backend, 'consents.withdraw', {
        id: services.id,
        withdrawnOn: daysAgo(1),
        reason: 'again',
      }),
    ).toMatchObject({ code: 'CONFLICT', message: 'consent.alreadyWithdrawn' });

    const vault = await f.inspect();
    expect(isConsentActive(vault, child.id, 'services', undefined, daysAgo(4)).allowed).toBe(true);
    expect(isConsentActive(vault, child.id, 'services', undefined, daysAgo(3)).allowed).toBe(false);
    expect(isConsentActive(vault, child.id, 'services', undefined, daysAgo(11)).allowed).toBe(
      false,
    );
    expect(isConsentActive(vault, child.id, 'sharing', ' DSWD FIELD OFFICE VII').allowed).toBe(
      true,
    );
    vault.close();
  });
});

describe('case plan, agenda, legal events and timeline', () => {
  it('the agenda lists overdue and next-7-day items of visible children only', async () => {
    await f.as('coordinator');
    const seen = await register(f.backend);
    const hidden = await register(f.backend);
    const agendaBed = (
      await ok(f.backend, 'beds.save', { shelterId: f.cebu.id, room: 'B', label: 'Agenda bed' })
    ).beds.find((b) => b.label === 'Agenda bed')!.id;
    await ok(f.backend, 'placements.admit', {
      childId: seen.id,
      bedId: agendaBed,
      startAt: instantDaysAgo(5),
      reason: 'Rescue',
    });
    const goal = await ok(f.backend, 'plan.saveGoal', {
      childId: seen.id,
      domain: 'economic_empowerment_education',
      goalInChildWords: 'I want to finish grade 6',
      responsible: 'Fictional teacher',
      targetDate: daysAgo(1),
      status: 'in_progress',
    });
    await ok(f.backend, 'plan.saveGoal', {
      childId: seen.id,
      domain: 'safety',
      goalInChildWords: 'Done already',
      responsible: 'Caseworker',
      targetDate: daysAgo(1),
      status: 'achieved',
    });
    const overdue = await ok(f.backend, 'plan.saveTask', {
      childId: seen.id,
      goalId: goal.id,
      title: 'Get school records',
      dueDate: daysAgo(2),
    });
    await ok(f.backend, 'plan.saveTask', {
      childId: seen.id,
      title: 'Done task',
      dueDate: daysAgo(2),
      doneOn: daysAgo(1),
    });
    const soon = await ok(f.backend, 'plan.saveTask', {
      childId: seen.id,
      title: 'Enrol',
      dueDate: addDaysTo(today(), 3),
    });
    await ok(f.backend, 'plan.saveTask', {
      childId: seen.id,
      title: 'Later',
      dueDate: addDaysTo(today(), 20),
    });
    const hearing = await ok(f.backend, 'legal.save', {
      childId: seen.id,
      kind: 'hearing',
      date: addDaysTo(today(), 5),
      time: '09:30',
      court: 'Fictional RTC Branch 7',
      caseNumber: 'CR-2026-001',
    });
    await ok(f.backend, 'legal.save', {
      childId: seen.id,
      kind: 'filing',
      date: daysAgo(3),
      court: 'Fictional Prosecutor',
      caseNumber: 'NPS-001',
    });
    await ok(f.backend, 'plan.saveTask', {
      childId: hidden.id,
      title: 'Hidden',
      dueDate: daysAgo(1),
    });
    const otherGoal = await ok(f.backend, 'plan.saveGoal', {
      childId: hidden.id,
      domain: 'safety',
      goalInChildWords: 'x',
      responsible: 'y',
      status: 'not_started',
    });
    expect(
      (
        await fails(f.backend, 'plan.saveTask', {
          childId: seen.id,
          goalId: otherGoal.id,
          title: 't',
          dueDate: daysAgo(1),
        })
      ).fields,
    ).toEqual({ goalId: 'goal.otherChild' });

    await f.as('cebu');
    const agenda = {
      overdue: (await ok(f.backend, 'dashboard.agenda', { section: 'overdue', limit: 100 })).items,
      upcoming: (await ok(f.backend, 'dashboard.agenda', { section: 'upcoming', limit: 100 }))
        .items,
    };
    const mineOnly = (items: typeof agenda.overdue) => items.filter((i) => i.childId === seen.id);
    expect(mineOnly(agenda.overdue).map((i) => [i.kind, i.id])).toEqual([
      ['goal', goal.id],
      ['task', overdue.id],
    ]);
    expect(mineOnly(agenda.upcoming).map((i) => [i.kind, i.id, i.category])).toEqual([
      ['task', soon.id, null],
      ['legal', hearing.id, 'hearing'],
    ]);
    expect([...agenda.overdue, ...agenda.upcoming].some((i) => i.childId === hidden.id)).toBe(
      false,
    );
    expect(agenda.upcoming.find((i) => i.id === hearing.id)).toMatchObject({
      title: 'Fictional RTC Branch 7',
      date: addDaysTo(today(), 5),
    });
  });

  it('the agenda counts every item past 200, pages through all of them, and filters and groups them', async () => {
    await f.as('coordinator');
    const home = await f.shelter('Fictional Agenda Home', ['A1', 'A2']);
    const [first, second] = [await register(f.backend), await register(f.backend)];
    for (const [child, bed] of [
      [first, home.beds[0]!.id],
      [second, home.beds[1]!.id],
    ] as const)
      await ok(f.backend, 'placements.admit', {
        childId: child.id,
        bedId: bed,
        startAt: instantDaysAgo(5),
        reason: 'Rescue',
      });
    // A generated backlog: 230 overdue tasks on one child, 3 overdue goal targets on the other.
    for (let day = 1; day <= 230; day++)
      await ok(f.backend, 'plan.saveTask', {
        childId: first.id,
        title: `Fictional follow-up ${day}`,
        dueDate: daysAgo(day),
      });
    for (let day = 1; day <= 3; day++)
      await ok(f.backend, 'plan.saveGoal', {
        childId: second.id,
        domain: 'physical_wellbeing',
        goalInChildWords: `Fictional goal ${day}`,
        responsible: 'Caseworker',
        targetDate: daysAgo(day),
        status: 'in_progress',
      });
    const page = (input: Record<string, unknown>) =>
      ok(f.backend, 'dashboard.agenda', {
        section: 'overdue',
        shelterId: home.id,
        ...input,
      } as never);

    const firstPage = await page({ limit: 100 });
    expect(firstPage.total).toBe(233);
    expect(firstPage.items).toHaveLength(100);
    expect(firstPage.today).toBe(today());
    // Most recent first: yesterday's task and goal before older ones.
    expect(firstPage.items.slice(0, 2).map((i) => i.date)).toEqual([daysAgo(1), daysAgo(1)]);
    const seen = new Set<string>();
    for (let offset = 0; offset < 233; offset += 100)
      for (const item of (await page({ offset, limit: 100 })).items) seen.add(item.id);
    expect(seen.size).toBe(233);
    expect(await page({ offset: 300 })).toMatchObject({ items: [], total: 233 });

    expect((await page({ kind: 'goal' })).total).toBe(3);
    expect((await page({ kind: 'task', limit: 10 })).total).toBe(230);
    expect((await page({ kind: 'legal' })).total).toBe(0);
    expect((await page({ shelterId: f.iloilo.id })).total).toBe(0);

    const byChild = await page({ groupBy: 'child', limit: 100 });
    expect(byChild.items[0]!.childId).toBe(first.id);
    expect(byChild.groupSizes).toEqual({ [first.id]: 230 });
    const byKind = await page({ groupBy: 'kind', limit: 100 });
    expect(byKind.items.slice(0, 4).map((i) => i.kind)).toEqual(['goal', 'goal', 'goal', 'task']);
    expect(byKind.groupSizes).toEqual({ goal: 3, task: 230 });
    expect((await page({ groupBy: 'kind', offset: 200 })).groupSizes).toEqual({ task: 230 });

    // The same counts as a direct count over the database.
    const vault = await f.inspect();
    expect(
      vault.db
        .prepare(
          `SELECT count(*) FROM plan_tasks WHERE child_id = ? AND done_on IS NULL AND due_date < ?`,
          { pluck: true },
        )
        .get([first.id, today()]),
    ).toBe(230);
    vault.close();
  });

  it('the timeline merges placements, legal events, plan, consents and intake, newest first', async () => {
    await f.as('coordinator');
    const extra = await f.shelter('Fictional Timeline Home', ['T1', 'T2']);
    const child = await register(f.backend, { intakeDate: daysAgo(50) });
    await ok(f.backend, 'placements.admit', {
      childId: child.id,
      bedId: extra.beds[0]!.id,
      startAt: instantDaysAgo(40),
      reason: 'Rescue',
    });
    await ok(f.backend, 'placements.transfer', {
      childId: child.id,
      toBedId: extra.beds[1]!.id,
      at: instantDaysAgo(30),
      reason: 'Room change',
    });
    await ok(f.backend, 'legal.save', {
      childId: child.id,
      kind: 'testimony',
      date: daysAgo(25),
      court: 'Fictional RTC Branch 2',
      caseNumber: 'CR-9',
    });
    await ok(f.backend, 'consents.record', {
      childId: child.id,
      type: 'photos',
      givenBy: 'child',
      givenOn: daysAgo(45),
      scope: 'Group photos',
    });
    await ok(f.backend, 'placements.discharge', {
      childId: child.id,
      at: instantDaysAgo(20),
      destination: 'foster_care',
      exitNote: 'Matched with a licensed foster family',
    });
    const timeline = await ok(f.backend, 'children.timeline', { id: child.id });
    // Registered today, though the intake was 50 days ago: the record's own date, newest.
    expect(timeline.map((e) => e.kind)).toEqual([
      'registered',
      'discharged',
      'status',
      'legal',
      'transferred',
      'admitted',
      'status',
      'consent',
    ]);
    const { child: record } = await ok(f.backend, 'children.get', { id: child.id });
    expect(timeline[0]).toEqual({
      at: record.createdAt,
      kind: 'registered',
      params: { caseCode: child.caseCode },
    });
    expect(dateOf(timeline[0]!.at, ZONE)).toBe(today());
    expect(timeline[1]).toMatchObject({ params: { destination: 'foster_care' } });
    expect(timeline[2]).toMatchObject({ params: { from: 'in_care', to: 'aftercare' } });
    expect(JSON.stringify(timeline)).not.toContain('licensed foster family');
  });

  it('links siblings into one group (merging groups) and unlinks them', async () => {
    await f.as('coordinator');
    const [a, b, c, d] = [
      await register(f.backend),
      await register(f.backend),
      await register(f.backend),
      await register(f.backend),
    ];
    expect(
      (await fails(f.backend, 'siblings.link', { childId: a!.id, siblingId: a!.id })).fields,
    ).toEqual({
      siblingId: 'sibling.self',
    });
    await ok(f.backend, 'siblings.link', { childId: a!.id, siblingId: b!.id });
    await ok(f.backend, 'siblings.link', { childId: c!.id, siblingId: d!.id });
    await ok(f.backend, 'siblings.link', { childId: b!.id, siblingId: c!.id });
    const siblingsOf = async (id: string) =>
      (await ok(f.backend, 'children.get', { id })).siblings.map((s) => s.id).sort();
    expect(await siblingsOf(a!.id)).toEqual([b!.id, c!.id, d!.id].sort());
    await ok(f.backend, 'siblings.unlink', { childId: a!.id });
    expect(await siblingsOf(a!.id)).toEqual([]);
    expect(await siblingsOf(d!.id)).toEqual([b!.id, c!.id].sort());
    await ok(f.backend, 'siblings.unlink', { childId: b!.id });
    await ok(f.backend, 'siblings.unlink', { childId: c!.id });
    expect((await ok(f.backend, 'children.get', { id: d!.id })).child.siblingGroupId).toBeNull();
  });
});
