// The reports domain's vocabulary: which reports exist, how they leave the app, and the pure
// rules the backend and the UI share. Labels live in the renderer's i18n catalogue.
import type { Role } from '../roles';

/**
 * Every report, by kind. A new report (for example reintegration and monitoring) is one more
 * kind here, its procedure in the contract, and its entry in the renderer's report registry.
 */
export const REPORT_KINDS = ['placement'] as const;
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

/** i18n keys (under `errors.`) that the reports domain's procedures use. */
export const REPORTS_ERROR_KEYS = ['report.periodOrder', 'report.periodTooLong'] as const;
