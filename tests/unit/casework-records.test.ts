// The case file's records kept by the casework domain, on a real vault: the case against each
// accused (a flagged family member or someone else) and the legal events that belong to it.
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, daysAgo, fails, ok, register } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  f = await caseVault();
});

/** A child of the Cebu caseworker (registered by her, not placed). */
async function cebuChild() {
  await f.as('cebu');
  return register(f.backend);
}

const member = (childId: string, allegedOffender: boolean) =>
  ok(f.backend, 'family.save', {
    childId,
    name: allegedOffender ? 'Fictional Tiyo Ramon' : 'Fictional Lola Rosa',
    relationship: allegedOffender ? 'uncle' : 'grandmother',
    livesInHousehold: true,
    allegedOffender,
    noContactOrder: false,
  });

const hearing = (childId: string, date: string, kind = 'hearing') =>
  ok(f.backend, 'legal.save', {
    childId,
    kind,
    date,
    court: 'Fictional RTC Branch 7',
    caseNumber: 'CR-2026-0107',
  });

const accused = (childId: string, extra: Record<string, unknown> = {}) => ({
  childId,
  prosecutor: 'Fictional Prosecutor Dela Cruz',
  caseNumber: 'CR-2026-0107',
  stage: 'trial',
  liveLinkTestimony: true,
  supportPerson: 'Fictional house parent Ana',
  legalEventIds: [],
  ...extra,
});

describe('legal detail per accused', () => {
  it('names a flagged family member, links the hearings, and gives the next one', async () => {
    const child = await cebuChild();
    const uncle = await member(child.id, true);
    const past = await hearing(child.id, daysAgo(20));
    const soon = await hearing(child.id, daysAgo(-5), 'testimony');
    const later = await hearing(child.id, daysAgo(-30));
    const saved = await ok(
      f.backend,
      'accused.save',
      accused(child.id, {
        familyMemberId: uncle.id,
        legalEventIds: [later.id, past.id, soon.id],
      }),
    );
    expect(saved).toMatchObject({
      familyMemberId: uncle.id,
      name: 'Fictional Tiyo Ramon',
      stage: 'trial',
      liveLinkTestimony: true,
      legalEventIds: [past.id, soon.id, later.id],
      nextHearing: { date: daysAgo(-5), time: null },
    });
    // A corrected family record names the accused everywhere.
    await ok(f.backend, 'family.save', {
      id: uncle.id,
      childId: child.id,
      name: 'Fictional Tiyo Ramon Jr.',
      relationship: 'uncle',
      livesInHousehold: true,
      allegedOffender: true,
      noContactOrder: false,
    });
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.accusedCases).toEqual([
      expect.objectContaining({ id: saved.id, name: 'Fictional Tiyo Ramon Jr.' }),
    ]);

    // A second accused takes one hearing over: a hearing belongs to one case.
    const other = await ok(
      f.backend,
      'accused.save',
      accused(child.id, { name: 'Fictional neighbour', legalEventIds: [later.id] }),
    );
    expect(other).toMatchObject({ familyMemberId: null, name: 'Fictional neighbour' });
    const again = await ok(f.backend, 'children.get', { id: child.id });
    const first = again.accusedCases.find((a) => a.id === saved.id)!;
    expect(first.legalEventIds).toEqual([past.id, soon.id]);

    // Unlinking all of them leaves no next hearing.
    const cleared = await ok(f.backend, 'accused.save', {
      ...accused(child.id, { familyMemberId: uncle.id, stage: 'decided' }),
      id: saved.id,
    });
    expect(cleared).toMatchObject({ legalEventIds: [], nextHearing: null, stage: 'decided' });

    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { action: 'accused.save' });
    expect(entries.map((e) => e.detail?.step)).toEqual(['update', 'create', 'create']);
    expect(JSON.stringify(entries)).not.toContain('Ramon');
    expect(JSON.stringify(entries)).not.toContain('CR-2026');
  });

  it('refuses an unflagged member, another child’s event, a missing name; nothing is saved', async () => {
    const child = await cebuChild();
    const other = await register(f.backend);
    const grandmother = await member(child.id, false);
    const theirs = await hearing(other.id, daysAgo(-3));
    const refused = await fails(
      f.backend,
      'accused.save',
      accused(child.id, { familyMemberId: grandmother.id, legalEventIds: [theirs.id] }),
    );
    expect(refused.fields).toEqual({ familyMemberId: 'invalid', legalEventIds: 'invalid' });
    const nameless = await fails(f.backend, 'accused.save', accused(child.id, { name: '  ' }));
    expect(nameless.fields).toEqual({ name: 'required' });
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.accusedCases).toEqual([]);
  });

  it('is out of reach for another shelter’s caseworker', async () => {
    const child = await cebuChild();
    const saved = await ok(f.backend, 'accused.save', accused(child.id, { name: 'Fictional X' }));
    await f.as('iloilo');
    const foreign = await fails(f.backend, 'accused.save', {
      ...accused(child.id, { name: 'Fictional Y' }),
      id: saved.id,
    });
    expect(foreign.code).toBe('NOT_FOUND');
    await f.as('coordinator');
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.accusedCases.map((a) => a.name)).toEqual(['Fictional X']);
  });
});

describe('education', () => {
  const school = (childId: string, extra: Record<string, unknown> = {}) => ({
    childId,
    kind: 'school',
    school: 'Fictional Tabok Elementary School',
    gradeLevel: 'Grade 5',
    since: daysAgo(100),
    attendanceNotes: 'Fictional: missed two days for the hearing',
    ...extra,
  });

  it('keeps each enrolment, the latest first; not enrolled keeps no school', async () => {
    const child = await cebuChild();
    const first = await ok(f.backend, 'education.save', school(child.id));
    const als = await ok(
      f.backend,
      'education.save',
      school(child.id, { kind: 'als', gradeLevel: 'Elementary', since: daysAgo(10) }),
    );
    const stopped = await ok(f.backend, 'education.save', {
      ...school(child.id, { kind: 'not_enrolled', since: daysAgo(3) }),
      id: als.id,
    });
    expect(stopped).toMatchObject({ id: als.id, school: null, gradeLevel: null });
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.education.map((e) => e.id)).toEqual([als.id, first.id]);
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { action: 'education.save' });
    expect(entries.slice(0, 3).map((e) => e.detail?.step)).toEqual(['update', 'create', 'create']);
    expect(JSON.stringify(entries)).not.toContain('Tabok');
  });

  it('refuses an enrolment without school or grade, and a future date; nothing is saved', async () => {
    const child = await cebuChild();
    const missing = await fails(
      f.backend,
      'education.save',
      school(child.id, { school: undefined, gradeLevel: '' }),
    );
    expect(missing.fields).toEqual({ school: 'required', gradeLevel: 'required' });
    const future = await fails(
      f.backend,
      'education.save',
      school(child.id, { since: daysAgo(-1) }),
    );
    expect(future.fields).toEqual({ since: 'date.future' });
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.education).toEqual([]);
  });
});

describe('case conferences', () => {
  const conference = (childId: string, extra: Record<string, unknown> = {}) => ({
    childId,
    heldOn: daysAgo(30),
    attendees: 'Fictional social worker Ana, psychologist Ben, PNP WCPD officer',
    minutes: 'Fictional: reviewed the coming testimony and school progress',
    decisions: 'Fictional: ask for live-link testimony',
    nextReviewOn: daysAgo(-3),
    ...extra,
  });

  it('keeps the minutes, the latest first; Today lists only the latest conference’s review when due', async () => {
    const child = await cebuChild();
    const first = await ok(f.backend, 'conferences.save', conference(child.id));
    const due = await ok(f.backend, 'conferences.reviewsDue', { limit: 100 });
    expect(due.total).toBe(due.items.length);
    expect(due.items.filter((r) => r.childId === child.id)).toEqual([
      {
        conferenceId: first.id,
        childId: child.id,
        caseCode: child.caseCode,
        alias: expect.stringMatching(/^([A-Z]\.){2,3}$/),
        heldOn: daysAgo(30),
        nextReviewOn: daysAgo(-3),
        late: false,
      },
    ]);
    // A later conference sets the next review a month away: nothing due this week.
    const second = await ok(
      f.backend,
      'conferences.save',
      conference(child.id, { heldOn: daysAgo(1), nextReviewOn: daysAgo(-30) }),
    );
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.conferences.map((c) => c.id)).toEqual([second.id, first.id]);
    const after = await ok(f.backend, 'conferences.reviewsDue', { limit: 100 });
    expect(after.items.filter((r) => r.childId === child.id)).toEqual([]);
    // Corrected to a review already past: late.
    await ok(f.backend, 'conferences.save', {
      ...conference(child.id, { heldOn: daysAgo(10), nextReviewOn: daysAgo(2) }),
      id: second.id,
    });
    const late = await ok(f.backend, 'conferences.reviewsDue', { limit: 100 });
    expect(late.items.filter((r) => r.childId === child.id)).toEqual([
      expect.objectContaining({ conferenceId: second.id, late: true }),
    ]);
    // Not the Iloilo caseworker's child: not on her Today.
    await f.as('iloilo');
    const theirs = await ok(f.backend, 'conferences.reviewsDue', { limit: 100 });
    expect(theirs.items.filter((r) => r.childId === child.id)).toEqual([]);
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { action: 'conferences.save' });
    expect(JSON.stringify(entries)).not.toContain('testimony');
  });

  it('leaves a closed case off Today: neither its review nor its papers are due', async () => {
    const child = await cebuChild();
    await ok(f.backend, 'conferences.save', conference(child.id));
    await ok(f.backend, 'documents.save', {
      childId: child.id,
      kind: 'late_registration',
      status: 'requested',
      reference: 'Fictional 2026-0099',
      keptWhere: 'Cabinet 2, case folder',
      dueOn: daysAgo(-5),
    });
    const listed = async () => ({
      reviews: (await ok(f.backend, 'conferences.reviewsDue', { limit: 100 })).items,
      papers: (await ok(f.backend, 'documents.due', { limit: 100 })).items,
    });
    const open = await listed();
    expect(open.reviews.filter((r) => r.childId === child.id)).toHaveLength(1);
    expect(open.papers.filter((d) => d.childId === child.id)).toHaveLength(1);
    // Closed as the approved closure leaves it (the approval itself is the closure tests').
    const inspector = await f.inspect();
    inspector.data.update('children', child.id, { status: 'closed' });
    inspector.close();
    const closed = await listed();
    expect(closed.reviews.filter((r) => r.childId === child.id)).toEqual([]);
    expect(closed.papers.filter((d) => d.childId === child.id)).toEqual([]);
    expect(closed.reviews.length).toBe(open.reviews.length - 1);
  });

  it('refuses a review before the conference, a future date and missing minutes', async () => {
    const child = await cebuChild();
    const refused = await fails(
      f.backend,
      'conferences.save',
      conference(child.id, { minutes: ' ', nextReviewOn: daysAgo(31) }),
    );
    expect(refused.fields).toEqual({ minutes: 'required', nextReviewOn: 'dateRange' });
    const future = await fails(
      f.backend,
      'conferences.save',
      conference(child.id, { heldOn: daysAgo(-1), nextReviewOn: undefined }),
    );
    expect(future.fields).toEqual({ heldOn: 'date.future' });
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.conferences).toEqual([]);
  });
});
