// A year of one shelter's therapy report on a generated encrypted vault with hundreds of sessions
// in that shelter: the schedule lists only the period's last week, so the printed report stays a
// few pages (the summary, one week, the children and plans), not a row for every session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { createDemoVault } from '../../electron/backend/demo/demo-vault';
import { therapyReport } from '../../electron/backend/domains/reports';
import { addDaysTo, type CaseActor } from '../../electron/backend/records/actor';
import { unlockWithRecoveryKey, type OpenVault } from '../../electron/backend/vault/vault';
import { therapyBlocks } from '../../renderer/domains/reports/therapy/therapyBlocks';
import { reportPages } from '../../shared/reports/document';
import { startOfDayInstant, todayIn } from '../../shared/time';
import { catalogueT, reportTexts } from '../support/report-pdf';
import { FAST_KDF, tempFolder, ZONE } from './support';

const NOW = new Date('2026-11-29T04:00:00.000Z');
const TODAY = todayIn(ZONE, NOW);
const YEAR = { from: addDaysTo(TODAY, -364), to: TODAY };
/** The summary, one week's sessions, a row per child and per plan: a few pages at this size. */
const MAX_PAGES = 6;

let vault: OpenVault;
let coordinator: CaseActor;
let shelterId: string;
let yearSessions: number;

beforeAll(async () => {
  const folder = tempFolder();
  const demo = await createDemoVault({ folder, size: 'S', seed: 2026, kdf: FAST_KDF, now: NOW });
  vault = await unlockWithRecoveryKey(folder, demo.recoveryKey, SCHEMA, () => ({
    userId: null,
    deviceId: 'reports-test',
  }));
  coordinator = {
    userId: vault.db
      .prepare("SELECT id FROM users WHERE username = 'demo.coordinator'", { pluck: true })
      .get() as string,
    role: 'coordinator',
    shelterScope: [],
    now: NOW,
  };
  // The shelter that held the most sessions over the year.
  const busiest = vault.db
    .prepare(
      `SELECT shelter_id AS id, count(*) AS n FROM therapy_sessions
       WHERE deleted_at IS NULL AND shelter_id IS NOT NULL AND start_at >= ? AND start_at < ?
       GROUP BY shelter_id ORDER BY n DESC LIMIT 1`,
    )
    .get([startOfDayInstant(YEAR.from, ZONE), NOW.toISOString()]) as { id: string; n: number };
  shelterId = busiest.id;
  yearSessions = busiest.n;
}, 300_000);
afterAll(() => vault?.close());

describe('a year of one shelter’s therapy report', () => {
  it('schedules the last week only and prints in a few pages', async () => {
    // Over 500 sessions: a row each would have added a dozen pages.
    expect(yearSessions).toBeGreaterThan(500);
    const report = therapyReport(vault, coordinator, { shelterId, ...YEAR }, 'Test');
    expect(report.detailed).toBe(true);
    expect(report.scheduleDays).toEqual({ from: addDaysTo(TODAY, -6), to: TODAY });
    const weekStart = startOfDayInstant(report.scheduleDays.from, ZONE);
    // Exactly the week's sessions of that shelter with a child in them.
    const weekSessions = vault.db
      .prepare(
        `SELECT count(DISTINCT s.id) FROM therapy_sessions s
         JOIN therapy_participants pa ON pa.session_id = s.id AND pa.deleted_at IS NULL
         WHERE s.deleted_at IS NULL AND s.shelter_id = ? AND s.start_at >= ? AND s.start_at < ?`,
        { pluck: true },
      )
      .get([shelterId, weekStart, NOW.toISOString()]);
    expect(report.sessions).toHaveLength(Number(weekSessions));
    expect(report.sessions.every((s) => s.startAt >= weekStart)).toBe(true);
    // The year's attendance still counts every session of the year.
    expect(report.attendance.byShelter[0]!.sessions).toBe(yearSessions);

    const t = await catalogueT();
    const { pages } = reportPages(
      therapyBlocks(report, t, 'therapist', 'en'),
      { paperSize: 'A4', orientation: 'portrait', margins: 'normal' },
      reportTexts(t, 'reports.therapy.title', report),
    );
    expect(pages).toBeLessThanOrEqual(MAX_PAGES);
  });
});
