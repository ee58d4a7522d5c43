// Aliases: fictitious initials shown everywhere a child is listed; the real ones only with the
// names. Generation and checks, the migration that gives existing children one, and who sees what.
import { Database } from '@signalapp/sqlcipher';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { aliasOf, suggestAlias } from '../../shared/children/vocabulary';
import { caseVault, daysAgo, fails, instantDaysAgo, ok, register, tempFolder } from './support';

const ALIAS = /^([A-Z]\.){3}$/;
const AT = '2026-01-01T00:00:00.000Z';

describe('alias rules', () => {
  it('reads two to four letters typed with or without dots, spaces or capitals', () => {
    expect(aliasOf('rtl')).toBe('R.T.L.');
    expect(aliasOf(' R. t. L ')).toBe('R.T.L.');
    expect(aliasOf('AB')).toBe('A.B.');
    expect(aliasOf('ABCD')).toBe('A.B.C.D.');
    for (const bad of ['', 'A', 'ABCDE', 'A1B', 'Ñ.O.', 'A-B']) expect(aliasOf(bad)).toBeNull();
  });

  it('makes up three letters, never the real initials', () => {
    const letters = [17, 19, 11];
    const fixed = () => {
      let i = 0;
      return () => letters[i++ % 3]!;
    };
    expect(suggestAlias(fixed(), 'M.C.')).toBe('R.T.L.');
    expect(suggestAlias(fixed(), 'R.T.L.')).toBe('S.T.L.');
    expect(suggestAlias(() => 25, 'Z.Z.Z.')).toBe('A.Z.Z.');
  });
});

describe('migration 0200', () => {
  const v11 = SCHEMA.migrations.filter((m) => m.version <= 11);
  const childSql = (id: string) => `
    INSERT INTO children (id, case_code, case_year, case_seq, legal_name, initials, search_text,
      birth_kind, date_of_birth, sex, referral_source, referral_date, intake_date, status,
      created_at, updated_at)
    VALUES ('${id}', 'AR-2026-0001', 2026, 1, 'Fictional Ana Cruz', 'F.A.C.', 'x', 'dob',
      '2014-01-01', 'female', 'x', '2026-01-01', '2026-01-01', 'intake', '${AT}', '${AT}');
    INSERT INTO change_log (hlc, device_id, user_id, table_name, row_id, op, columns)
    VALUES ('${AT}-0000-d', 'd', NULL, 'children', '${id}', 'insert',
      '{"initials":"F.A.C.","legal_name":"Fictional Ana Cruz"}');`;
  const older = (name: string) => {
    const db = new Database(join(tempFolder(), name));
    db.pragma(`key = "x'${'ef'.repeat(32)}'"`);
    expect(migrate(db, v11)).toBe(11);
    return db;
  };

  it('moves the real initials aside and gives each child the same alias on every computer', () => {
    const id = '01930000-0000-7000-8000-9a3c5e7f1b2d';
    const here = older('here.db');
    const there = older('there.db');
    for (const db of [here, there]) {
      db.exec(childSql(id));
      expect(migrate(db, SCHEMA.migrations)).toBe(SCHEMA.version);
    }
    const row = (db: typeof here) =>
      db.prepare('SELECT legal_initials, alias FROM children WHERE id = ?').get([id]) as {
        legal_initials: string;
        alias: string;
      };
    expect(row(here).legal_initials).toBe('F.A.C.');
    expect(row(here).alias).toMatch(ALIAS);
    expect(row(here).alias).not.toBe('F.A.C.');
    expect(row(there)).toEqual(row(here));
    // The logged insert names the renamed column, so a merge's rebuild cannot bring it back.
    const logged = here
      .prepare("SELECT columns FROM change_log WHERE table_name = 'children'", { pluck: true })
      .get() as string;
    expect(JSON.parse(logged)).toEqual({
      legal_initials: 'F.A.C.',
      legal_name: 'Fictional Ana Cruz',
    });
    // A child arriving from a computer that wrote it before migrating gets its alias too.
    here.exec(`INSERT INTO children (id, case_code, case_year, case_seq, legal_name,
        legal_initials, search_text, birth_kind, date_of_birth, sex, referral_source,
        referral_date, intake_date, status, created_at, updated_at)
      VALUES ('01930000-0000-7000-8000-000000ff00ee', 'AR-2026-0002', 2026, 2, 'Fictional Bea',
        'F.B.', 'x', 'dob', '2014-01-01', 'female', 'x', '2026-01-01', '2026-01-01', 'intake',
        '${AT}', '${AT}')`);
    expect(
      here
        .prepare('SELECT alias FROM children WHERE case_seq = 2', { pluck: true })
        .get() as string,
    ).toMatch(ALIAS);
    here.close();
    there.close();
  });
});

describe('who sees the alias and who the real initials', () => {
  let f: Awaited<ReturnType<typeof caseVault>>;
  let child: { id: string; caseCode: string };

  beforeAll(async () => {
    f = await caseVault();
    await f.as('coordinator');
    child = await register(f.backend, {
      legalName: 'Fictional Rosa Dimaano',
      alias: 'k t s',
      intakeDate: daysAgo(20),
      referralDate: daysAgo(20),
    });
    await ok(f.backend, 'placements.admit', {
      childId: child.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(10),
      reason: 'Rescue',
    });
    await ok(f.backend, 'legal.save', {
      childId: child.id,
      kind: 'hearing',
      date: daysAgo(-2),
      court: 'Fictional RTC Branch 1',
      caseNumber: 'FC-0001',
    });
  });

  it('registration keeps a typed alias, written like initials, and makes one up when none is typed', async () => {
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.child.alias).toBe('K.T.S.');
    const other = await register(f.backend, { legalName: 'Fictional Lea Santos' });
    const otherFile = await ok(f.backend, 'children.get', { id: other.id });
    expect(otherFile.child.alias).toMatch(ALIAS);
    expect(otherFile.child.alias).not.toBe('F.L.S.');
  });

  it('refuses an alias that is not two to four letters, or that is the real initials', async () => {
    const malformed = await fails(f.backend, 'children.register', {
      legalName: 'Fictional Ivy Tan',
      alias: 'A1',
      birth: { kind: 'dob', dateOfBirth: '2012-05-04' },
      sex: 'female',
      languages: [],
      referralSource: 'x',
      referralDate: daysAgo(1),
      intakeDate: daysAgo(1),
    });
    expect(malformed).toMatchObject({
      code: 'VALIDATION',
      fields: { alias: 'alias.format' },
    });
    const real = await fails(f.backend, 'children.register', {
      legalName: 'Fictional Ivy Tan',
      alias: 'f.i.t',
      birth: { kind: 'dob', dateOfBirth: '2012-05-04' },
      sex: 'female',
      languages: [],
      referralSource: 'x',
      referralDate: daysAgo(1),
      intakeDate: daysAgo(1),
    });
    expect(real).toMatchObject({
      code: 'VALIDATION',
      fields: { alias: 'alias.sameAsInitials' },
    });
  });

  it('an update without an alias keeps it; with one, changes it', async () => {
    const base = {
      legalName: 'Fictional Rosa Dimaano',
      birth: { kind: 'dob', dateOfBirth: '2012-05-04' },
      sex: 'female',
      languages: [],
      referralSource: 'Fictional barangay hall',
      referralDate: daysAgo(20),
      intakeDate: daysAgo(20),
    };
    const kept = await ok(f.backend, 'children.update', { ...base, id: child.id });
    expect(kept.alias).toBe('K.T.S.');
    const changed = await ok(f.backend, 'children.update', { ...base, id: child.id, alias: 'PQ' });
    expect(changed.alias).toBe('P.Q.');
    await ok(f.backend, 'children.update', { ...base, id: child.id, alias: 'KTS' });
  });

  it('the list, Today, the bed board, a therapist and a report show the alias, never the real initials', async () => {
    const answers: unknown[] = [];
    const list = await ok(f.backend, 'children.search', { text: child.caseCode });
    expect(list.rows[0]).toMatchObject({ caseCode: child.caseCode, alias: 'K.T.S.' });
    const agenda = await ok(f.backend, 'dashboard.agenda', { section: 'upcoming' });
    expect(agenda.items.find((i) => i.childId === child.id)).toMatchObject({ alias: 'K.T.S.' });
    const board = await ok(f.backend, 'beds.board', { shelterId: f.cebu.id, asOf: daysAgo(0) });
    expect(board.beds[0]!.occupant).toMatchObject({ caseCode: child.caseCode, initials: 'K.T.S.' });
    const report = await ok(f.backend, 'reports.placement', {
      from: daysAgo(30),
      to: daysAgo(0),
      shelterId: null,
      includeNames: false,
    });
    expect(report.children.find((c) => c.caseCode === child.caseCode)).toMatchObject({
      initials: 'K.T.S.',
    });
    answers.push(list, agenda, board, report);
    await f.as('therapist');
    const unplanned = await ok(f.backend, 'therapy.unplanned', {});
    expect(unplanned.rows.find((c) => c.id === child.id)).toMatchObject({ initials: 'K.T.S.' });
    answers.push(unplanned, await ok(f.backend, 'visitors.gate', { text: child.caseCode }));
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain('F.R.D.');
    // The real initials come only with the names, for the roles that may see them.
    expect(await fails(f.backend, 'children.revealName', { id: child.id })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await f.as('coordinator');
    expect(await ok(f.backend, 'children.revealName', { id: child.id })).toEqual({
      legalName: 'Fictional Rosa Dimaano',
      preferredName: null,
      legalInitials: 'F.R.D.',
    });
  });
});
