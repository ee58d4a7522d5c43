// The demo vault and the deterministic dataset generator.
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataLayer } from '../../electron/backend/db/data-layer';
import { migrate } from '../../electron/backend/db/migrate';
import { openPlainDatabaseForBenchmark, type Db } from '../../electron/backend/db/sqlcipher';
import { createDemoVault, type DemoVault } from '../../electron/backend/demo/demo-vault';
import { generateDataset } from '../../electron/backend/demo/generate';
import {
  GIVEN_NAMES,
  INTAKE_ACCOUNT,
  NICKNAMES,
  SURNAMES,
} from '../../electron/backend/demo/vocabulary';
import { agenda, searchChildren, type CaseVault } from '../../electron/backend/domains/children';
import { outcomesDue, overdueVisits } from '../../electron/backend/domains/reintegration';
import { clockFor } from '../../electron/backend/records/actor';
import { softRuleWarnings } from '../../electron/backend/domains/shelters/placements';
import type { ChildRow, PlacementRow, ShelterRow } from '../../electron/backend/records/rows';
import { unlockWithRecoveryKey, type OpenVault } from '../../electron/backend/vault/vault';
import { AppError } from '../../shared/errors';
import { backendAt, FAST_KDF, ok, tempFolder } from './support';

/** A fixed "today", so that two runs produce the same dates. */
const NOW = new Date('2026-11-29T04:00:00.000Z');
const SEED = 2026;

let demo: DemoVault;
let vault: OpenVault;

beforeAll(async () => {
  const folder = tempFolder();
  demo = await createDemoVault({ folder, size: 'S', seed: SEED, kdf: FAST_KDF, now: NOW });
  vault = await unlockWithRecoveryKey(folder, demo.recoveryKey, SCHEMA, () => ({
    userId: null,
    deviceId: 'demo-test',
  }));
});
afterAll(() => vault?.close());

function plainDataset(seed: number): CaseVault {
  const db = openPlainDatabaseForBenchmark(join(tempFolder(), 'plain.db'));
  migrate(db, SCHEMA.migrations);
  const plain = {
    db,
    data: new DataLayer(db, SCHEMA.tables, () => ({ userId: null, deviceId: 'demo-test' })),
  };
  generateDataset(plain, { size: 'S', seed, now: NOW });
  return plain;
}

const all = <T>(db: Db, sql: string, params?: unknown[]) =>
  db.prepare(sql).all(params as never) as unknown as T[];
const count = (db: Db, sql: string) => Number(db.prepare(sql, { pluck: true }).get());

/** What must repeat exactly for the same seed: codes, aliases, initials, names, statuses, placements. */
function fingerprint(db: Db) {
  return {
    children: all(
      db,
      `SELECT case_code, alias, legal_initials, legal_name, preferred_name, status, date_of_birth, intake_date
       FROM children ORDER BY case_year, case_seq`,
    ),
    placements: all(
      db,
      `SELECT c.case_code, s.name AS shelter, b.room, b.label, p.start_at, p.end_at,
              p.exit_destination
       FROM placements p JOIN children c ON c.id = p.child_id JOIN beds b ON b.id = p.bed_id
       JOIN shelters s ON s.id = p.shelter_id ORDER BY p.start_at`,
    ),
    family: all(
      db,
      `SELECT c.case_code, f.name, f.relationship, f.alleged_offender, f.no_contact_order
       FROM family_members f JOIN children c ON c.id = f.child_id ORDER BY c.case_code, f.name`,
    ),
  };
}

/** A generated name: given names from the lists, then one listed surname. */
function isListedName(name: string): boolean {
  return SURNAMES.some(
    (surname) =>
      name.endsWith(` ${surname}`) &&
      name
        .slice(0, -surname.length - 1)
        .split(' ')
        .every((given) => GIVEN_NAMES.includes(given)),
  );
}

describe('demo dataset (size S)', () => {
  it('has exactly the size S counts', () => {
    const { db } = vault;
    expect(count(db, 'SELECT count(*) FROM children')).toBe(200);
    expect(count(db, 'SELECT count(*) FROM shelters')).toBe(5);
    expect(count(db, 'SELECT count(*) FROM placements')).toBe(400);
    expect(count(db, 'SELECT count(*) FROM family_members')).toBe(1000);
    expect(demo.dataset.counts).toMatchObject({
      children: 200,
      shelters: 5,
      placements: 400,
      familyMembers: 1000,
    });
  });

  it('is deterministic: the same seed gives the same records, another seed other ones', () => {
    const expected = fingerprint(vault.db);
    expect(expected.children[0]).toMatchObject({
      case_code: expect.stringMatching(/^AR-\d{4}-0001$/),
    });
    expect(fingerprint(plainDataset(SEED).db)).toEqual(expected);
    const other = fingerprint(plainDataset(SEED + 1).db);
    expect(other.children).not.toEqual(expected.children);
  });

  it('keeps the placement invariants, checked in SQL', () => {
    const { db } = vault;
    const overlaps = (column: 'child_id' | 'bed_id') =>
      count(
        db,
        `SELECT count(*) FROM placements a JOIN placements b
         ON a.${column} = b.${column} AND a.id < b.id
         AND a.start_at < coalesce(b.end_at, '9999') AND b.start_at < coalesce(a.end_at, '9999')`,
      );
    expect(overlaps('child_id')).toBe(0);
    expect(overlaps('bed_id')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM placements WHERE end_at < start_at')).toBe(0);
    // In care exactly when placed now; every placement ended before "today" or is still open.
    expect(
      count(
        db,
        `SELECT count(*) FROM children c WHERE (c.status = 'in_care') <> EXISTS (
           SELECT 1 FROM placements p WHERE p.child_id = c.id AND p.end_at IS NULL)`,
      ),
    ).toBe(0);
    expect(
      count(db, `SELECT count(*) FROM placements WHERE start_at > '${NOW.toISOString()}'`),
    ).toBe(0);
    expect(count(db, "SELECT count(*) FROM children WHERE status = 'in_care'")).toBeGreaterThan(10);
    expect(
      count(db, 'SELECT count(*) FROM placements WHERE exit_destination IS NOT NULL'),
    ).toBeGreaterThan(10);
    // Transfers: a placement that starts the instant the child's previous one ended.
    expect(
      count(
        db,
        `SELECT count(*) FROM placements a JOIN placements b
         ON a.child_id = b.child_id AND a.end_at = b.start_at`,
      ),
    ).toBeGreaterThan(50);
  });

  it('keeps the soft rules (sex, age, capacity) unless a placement records an override', () => {
    const clock = clockFor(vault, { now: NOW });
    const rows = all<PlacementRow>(vault.db, 'SELECT * FROM placements');
    const broken = rows.filter((p) => {
      const child = vault.db.prepare('SELECT * FROM children WHERE id = ?').get([p.child_id]);
      const shelter = vault.db.prepare('SELECT * FROM shelters WHERE id = ?').get([p.shelter_id]);
      const warnings = softRuleWarnings(vault, clock, {
        child: child as unknown as ChildRow,
        shelter: shelter as unknown as ShelterRow,
        at: p.start_at,
        ignorePlacementId: p.id,
        rules: ['shelterSex', 'shelterAge', 'shelterCapacity'],
      });
      return warnings.length > 0 && !p.override_reason;
    });
    expect(broken).toEqual([]);
  });

  it('uses only names from the fictional lists, fictional shelters and placeholder text', () => {
    const { db } = vault;
    const children = all<{ legal_name: string; preferred_name: string | null }>(
      db,
      'SELECT legal_name, preferred_name FROM children',
    );
    expect(children.filter((c) => !isListedName(c.legal_name))).toEqual([]);
    const nicknames = [...NICKNAMES, ...GIVEN_NAMES];
    expect(
      children.filter((c) => c.preferred_name && !nicknames.includes(c.preferred_name)),
    ).toEqual([]);
    const family = all<{ name: string }>(db, 'SELECT name FROM family_members');
    expect(family.filter((f) => !isListedName(f.name))).toEqual([]);
    // Some names carry ñ, and the accent-free spelling finds them.
    const accented = children.find((c) => /ñ/i.test(c.legal_name))!;
    expect(accented).toBeDefined();
    const actor = { userId: 'test', role: 'coordinator' as const, shelterScope: [], now: NOW };
    const plainText = accented.legal_name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const found = searchChildren(vault, actor, { text: plainText, limit: 200, offset: 0 });
    expect(found.total).toBeGreaterThan(0);

    const shelters = all<{ name: string; address: string }>(
      db,
      'SELECT name, address FROM shelters',
    );
    expect(
      shelters.every((s) => s.name.endsWith('(fictional)') && s.address.includes('(fictional)')),
    ).toBe(true);
    const accounts = all<{ account: string }>(db, 'SELECT account FROM intake_accounts');
    expect(accounts.length).toBeGreaterThan(150);
    expect(accounts.every((a) => a.account === INTAKE_ACCOUNT)).toBe(true);
    expect(INTAKE_ACCOUNT).toMatch(
      /^Fictional intake account for demonstration\. No real person\./,
    );
  });

  it('has safety flags, sibling groups, legal events, consents and a live dashboard', () => {
    const { db } = vault;
    expect(
      count(db, 'SELECT count(*) FROM family_members WHERE alleged_offender = 1'),
    ).toBeGreaterThan(10);
    expect(
      count(db, 'SELECT count(*) FROM family_members WHERE no_contact_order = 1'),
    ).toBeGreaterThan(5);
    expect(count(db, 'SELECT count(DISTINCT sibling_group_id) FROM children')).toBeGreaterThan(3);
    for (const kind of ['hearing', 'testimony', 'filing', 'case_conference']) {
      expect(count(db, `SELECT count(*) FROM legal_events WHERE kind = '${kind}'`)).toBeGreaterThan(
        0,
      );
    }
    expect(count(db, "SELECT count(*) FROM consents WHERE type = 'sharing'")).toBeGreaterThan(0);
    // Beds held today for children still waiting: vacant, and of a home that takes the child.
    expect(
      count(db, 'SELECT count(*) FROM beds WHERE reserved_for_child_id IS NOT NULL'),
    ).toBeGreaterThan(0);
    expect(
      count(
        db,
        `SELECT count(*) FROM beds b JOIN shelters s ON s.id = b.shelter_id
         JOIN children c ON c.id = b.reserved_for_child_id
         WHERE c.status <> 'intake' OR (s.sex_rule <> 'any' AND s.sex_rule <> c.sex)
           OR EXISTS (SELECT 1 FROM placements p WHERE p.bed_id = b.id AND p.end_at IS NULL)`,
      ),
    ).toBe(0);
    // Never home to a household with an alleged offender living in it or a no-contact order.
    expect(
      count(
        db,
        `SELECT count(*) FROM placements p WHERE p.exit_destination = 'family_reintegration'
         AND EXISTS (SELECT 1 FROM family_members f WHERE f.child_id = p.child_id
           AND (f.no_contact_order = 1 OR (f.alleged_offender = 1 AND f.lives_in_household = 1)))`,
      ),
    ).toBe(0);
    const coordinator = {
      userId: 'test',
      role: 'coordinator' as const,
      shelterScope: [],
      now: NOW,
    };
    const page = (section: 'overdue' | 'upcoming') =>
      agenda(vault, coordinator, { section, groupBy: 'date', offset: 0, limit: 50 });
    expect(page('overdue').items.length).toBeGreaterThan(0);
    expect(page('upcoming').items.length).toBeGreaterThan(0);
  });
});

describe('demo reintegration', () => {
  it('has approved assessments before each family or kinship discharge, visits and outcomes', () => {
    const { db } = vault;
    expect(demo.dataset.counts.reintegrationAssessments).toBe(
      count(db, 'SELECT count(*) FROM reintegration_assessments'),
    );
    expect(demo.dataset.counts.aftercareVisits).toBe(
      count(db, 'SELECT count(*) FROM aftercare_visits'),
    );
    expect(demo.dataset.counts.aftercareVisits).toBeGreaterThan(100);
    // Every discharge to family or kinship care has an approved readiness assessment of that
    // kind of household from before it, approved by someone other than its submitter.
    expect(
      count(
        db,
        `SELECT count(*) FROM placements p
         WHERE p.exit_destination IN ('family_reintegration', 'kinship_care')
           AND NOT EXISTS (SELECT 1 FROM reintegration_assessments a
             WHERE a.child_id = p.child_id AND a.status = 'approved'
               AND a.instrument_code = 'ARUGA-FRR' AND a.approved_at < p.end_at
               AND a.household_kind = CASE p.exit_destination
                 WHEN 'kinship_care' THEN 'kinship' ELSE 'family' END)`,
      ),
    ).toBe(0);
    expect(
      count(
        db,
        "SELECT count(*) FROM reintegration_assessments WHERE instrument_code = 'ARUGA-AO'",
      ),
    ).toBeGreaterThan(100);
    expect(
      count(db, "SELECT count(*) FROM aftercare_visits WHERE risk_change = 'worse'"),
    ).toBeGreaterThan(0);
    const coordinator = {
      userId: 'test',
      role: 'coordinator' as const,
      shelterScope: [],
      now: NOW,
    };
    const firstPage = { offset: 0, limit: 10 };
    expect(overdueVisits(vault, coordinator, firstPage).total).toBeGreaterThan(0);
    expect(outcomesDue(vault, coordinator, firstPage).total).toBeGreaterThan(0);
  });
});

describe('demo daily care and households', () => {
  it('has the size S daily logs and documents over the stays, children away today, and siblings in one household', () => {
    const { db } = vault;
    const { counts } = demo.dataset;
    expect(count(db, 'SELECT count(*) FROM contact_log')).toBe(counts.contacts);
    expect(count(db, 'SELECT count(*) FROM incidents')).toBe(counts.incidents);
    // The daily log holds the size's entries; a missing-from-care report comes on top of them,
    // with its away episode.
    const missing = count(db, "SELECT count(*) FROM away_episodes WHERE kind = 'missing'");
    expect(counts.contacts + counts.incidents - missing).toBe(2_000);
    expect(count(db, 'SELECT count(*) FROM child_documents')).toBe(1_000);
    expect(counts.documents).toBe(1_000);
    // Every entry falls within one of the child's stays, and none after today.
    expect(
      count(
        db,
        `SELECT count(*) FROM contact_log l WHERE NOT EXISTS (SELECT 1 FROM placements p
           WHERE p.child_id = l.child_id AND substr(p.start_at, 1, 10) <= l.occurred_on
             AND (p.end_at IS NULL OR l.occurred_on <= substr(p.end_at, 1, 10)))`,
      ),
    ).toBe(0);
    // Some documents are still to obtain, and Today lists the ones due this week or late.
    expect(
      count(db, "SELECT count(*) FROM child_documents WHERE status <> 'held'"),
    ).toBeGreaterThan(50);
    // Only a child placed now is away, each on her open stay, none of them twice.
    expect(counts.awayEpisodes).toBeGreaterThan(0);
    expect(
      count(
        db,
        `SELECT count(*) FROM away_episodes a JOIN placements p ON p.id = a.placement_id
         WHERE p.end_at IS NOT NULL OR p.child_id <> a.child_id`,
      ),
    ).toBe(0);
    // A few health records per child ever placed, each valid for its kind (the table's checks).
    const placed = count(db, 'SELECT count(DISTINCT child_id) FROM placements');
    expect(counts.healthRecords).toBe(count(db, 'SELECT count(*) FROM health_records'));
    expect(counts.healthRecords).toBeGreaterThanOrEqual(placed);
    expect(counts.healthRecords).toBeLessThanOrEqual(5 * placed);
    // Every child ever placed has her schooling and a conference; most have an accused.
    expect(counts.educationRecords).toBe(count(db, 'SELECT count(*) FROM education_records'));
    expect(count(db, 'SELECT count(DISTINCT child_id) FROM education_records')).toBe(placed);
    expect(count(db, 'SELECT count(DISTINCT child_id) FROM case_conferences')).toBe(placed);
    expect(counts.caseConferences).toBe(count(db, 'SELECT count(*) FROM case_conferences'));
    expect(counts.accusedCases).toBe(count(db, 'SELECT count(*) FROM accused_cases'));
    expect(counts.accusedCases).toBeGreaterThan(placed / 2);
    expect(count(db, 'SELECT count(*) FROM accused_case_events')).toBeGreaterThan(0);
    // Siblings share one household, as the case file shows them.
    expect(counts.households).toBeLessThan(counts.children);
    expect(
      count(
        db,
        `SELECT count(*) FROM children a JOIN children b ON a.sibling_group_id = b.sibling_group_id
         WHERE a.id < b.id AND a.household_id IS NOT b.household_id`,
      ),
    ).toBe(0);
  });
});

describe('demo vault', () => {
  it('is marked DEMO, and every account signs in with its printed password', async () => {
    // The app holds the folder lock while it is open: the inspecting connection lets go first.
    vault.close();
    const backend = backendAt(vault.folder);
    const status = await ok(backend, 'app.status', {});
    expect(status).toMatchObject({ state: 'locked', demo: true });
    expect(demo.accounts.map((a) => a.role)).toEqual([
      'admin',
      'coordinator',
      'caseworker',
      'therapist',
    ]);
    expect(demo.adminUsername).toBe(demo.accounts[0]!.username);
    for (const account of demo.accounts) {
      const session = await ok(backend, 'auth.signIn', {
        username: account.username,
        password: account.password,
      });
      expect(session).toMatchObject({ role: account.role, mustChangePassword: false });
      // A plain name: the banner already says DEMO, and the screens add the role beside it.
      expect(session.displayName).toMatch(/^[\p{L} .'-]+$/u);
      expect(session.displayName.toLowerCase()).not.toMatch(
        /demo|admin|coordinator|caseworker|therapist/,
      );
      if (account.role === 'caseworker') {
        // Scoped to two shelters: sees some children, not all.
        const { total } = await ok(backend, 'children.search', {});
        expect(total).toBeGreaterThan(0);
        expect(total).toBeLessThan(200);
      }
      await ok(backend, 'session.lock', { reason: 'signOut' });
    }
    expect((await ok(backend, 'app.status', {})).demo).toBe(true);
  });

  it('refuses a folder that already holds a vault, from the API and from `npm run demo`', async () => {
    await expect(createDemoVault({ folder: vault.folder, kdf: FAST_KDF })).rejects.toMatchObject(
      new AppError('CONFLICT', 'vaultExists'),
    );
    const cli = spawnSync('npx', ['tsx', 'electron/tools/demo.ts', '--data', vault.folder], {
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('A vault already exists');
    const usage = spawnSync('npx', ['tsx', 'electron/tools/demo.ts', '--size', 'XL'], {
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run demo');
  });
});
