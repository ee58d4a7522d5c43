// The reports domain's vocabulary: which reports exist, how they leave the app, and the pure
// rules the backend and the UI share. Labels live in the renderer's i18n catalogue.
import { canSeeSafetyFlags } from '../children/vocabulary';
import type { Role } from '../roles';

/**
 * Every report, by kind. A new report (for example reintegration and monitoring) is one more
 * kind here, its procedure in the contract, and its entry in the renderer's report registry.
 */
export const REPORT_KINDS = [
  'placement',
  'placementHistory',
  'therapy',
  'reintegration',
  'statistics',
  'accessRequest',
  'staffAccessRequest',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** How a report leaves the app; every one of them is audited. */
export const REPORT_OUTPUTS = ['print', 'pdf', 'csv'] as const;
export type ReportOutput = (typeof REPORT_OUTPUTS)[number];

/** The longest period a report covers, in days (five years and a leap day). */
export const REPORT_MAX_DAYS = 5 * 366;

/** Roles whose report may list children's full names (those who may reveal a name at all). */
export function mayIncludeNames(role: Role): boolean {
  return role === 'coordinator' || role === 'caseworker';
}

/** Only an administrator may export a CSV that carries case codes, initials or names. */
export function mayExportIdentifiableCsv(role: Role): boolean {
  return role === 'admin';
}

/**
 * What a child's placement history may add to its placements, transfers, discharges and legal
 * events, only when ticked: the intake account, the alleged offenders and no-contact orders in
 * the family. Clinical notes are never printed (no role that runs the report may read them).
 */
export const HISTORY_SECTIONS = ['intake', 'familySafety'] as const;
export type HistorySection = (typeof HISTORY_SECTIONS)[number];

/** Whether the role may add the section: the same rule as opening it in the case file. */
export function mayIncludeHistorySection(role: Role, section: HistorySection): boolean {
  return section === 'intake'
    ? role === 'coordinator' || role === 'caseworker'
    : canSeeSafetyFlags(role);
}

/** Counts below this are shown as "<5" in the anonymised statistics (small-cell suppression). */
export const SMALL_CELL = 5;
export type Cell = number | '<5';

/** A count as the anonymised statistics may show it: 1 to 4 become "<5" (0 stays 0). */
export function suppress(count: number): Cell {
  return count > 0 && count < SMALL_CELL ? '<5' : count;
}

/** Age bands of the anonymised statistics, by age in whole years at the end of the period. */
export const AGE_BANDS = ['0-5', '6-11', '12-14', '15-17', '18+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(years: number): AgeBand {
  if (years <= 5) return '0-5';
  if (years <= 11) return '6-11';
  if (years <= 14) return '12-14';
  if (years <= 17) return '15-17';
  return '18+';
}

/** i18n keys (under `errors.`) that the reports domain's procedures use. */
export const REPORTS_ERROR_KEYS = [
  'report.periodOrder',
  'report.periodTooLong',
  'report.childRequired',
  'report.staffRequired',
] as const;
