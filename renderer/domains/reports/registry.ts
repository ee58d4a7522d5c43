// Every report the screen offers, keyed by kind: what it is called, who may run it, how it is
// run (its audited procedure) and how its answer becomes printable blocks. A new report (for
// example reintegration and monitoring) is one more entry here and one more kind in
// shared/reports/vocabulary.ts.
import type { TFunction } from 'i18next';
import { REPORT_ROLES, type ReportStamp } from '../../../shared/reports/contract';
import type { ReportBlock } from '../../../shared/reports/layout';
import type { HistorySection, ReportKind } from '../../../shared/reports/vocabulary';
import type { Language } from '../../../shared/languages';
import type { Role } from '../../../shared/roles';
import type { ApiClient } from '../../api/client';
import { historyBlocks } from './history/historyBlocks';
import { placementBlocks } from './placement/placementBlocks';
import { statisticsBlocks } from './statistics/statisticsBlocks';
import { therapyBlocks, type ScheduleGrouping } from './therapy/therapyBlocks';
import { reintegrationBlocks } from './reintegration/reintegrationBlocks';
import { accessRequestBlocks } from './access/accessRequestBlocks';
import { staffAccessRequestBlocks } from './access/staffAccessRequestBlocks';

export interface ReportRequest {
  shelterId: string | null;
  /** The child of a report about one child (null for the others). */
  childId: string | null;
  /** The staff member of a report about one (null for the others). */
  userId: string | null;
  /** The optional sections ticked, for a report that has any. */
  sections: HistorySection[];
  from: string;
  to: string;
  includeNames: boolean;
  /** How a report with a weekly schedule groups it. */
  scheduleBy: ScheduleGrouping;
  /** The language chosen in the print dialog: the report's words, dates and audit entry. */
  language: Language;
}

/** A report's answer, ready to lay out. */
export interface ReportRun {
  stamp: ReportStamp;
  from: string;
  to: string;
  /** The shelter asked for (null: all the viewer's), as the audit of its output names it. */
  shelterId: string | null;
  /** The shelters it covers, by name. */
  scope: string;
  /** For a report about one child: the child and the optional sections it printed. */
  child?: { id: string; sections: HistorySection[] };
  /** For a report about one staff member: their account. */
  staff?: { id: string };
  namesIncluded: boolean;
  /** Its sections, as the audit log records its output. */
  sections: string[];
  /** The language it is printed in. */
  language: Language;
  blocks: ReportBlock[];
}

export interface ReportDefinition {
  kind: ReportKind;
  title: (t: TFunction) => string;
  roles: readonly Role[];
  /** Whether it can list children's names ("Include full names" is offered only then). */
  names: boolean;
  /** What it covers: shelters (one or all the viewer's), one child or one staff member. */
  subject: 'shelters' | 'child' | 'staff';
  /** Its sections, as the audit log records them. */
  sections: readonly string[];
  /** Whether it has a weekly schedule to group by therapist or by shelter. */
  schedule?: boolean;
  /** A child report with optional sections to tick (the placement history's). */
  optionalSections?: boolean;
  /** A report of the whole record, asked for no period: what to say instead of the dates. */
  wholeRecord?: (t: TFunction) => string;
  /** How a print or PDF of it is recorded, when not as a shelter report or a placement history. */
  recordOutput?: (api: ApiClient, run: ReportRun, output: 'print' | 'pdf') => Promise<unknown>;
  run(api: ApiClient, request: ReportRequest, t: TFunction): Promise<ReportRun>;
}

const PLACEMENT_SECTIONS = ['occupancy', 'movements', 'lengthOfStay', 'utilisation', 'children'];
const HISTORY_STANDARD = ['placements', 'transfers', 'discharges', 'legal'];
const THERAPY_SECTIONS = ['schedule', 'attendance', 'plans'];
const REINTEGRATION_SECTIONS = [
  'visits',
  'assessmentsDue',
  'approvalsPending',
  'inAftercare',
  'overdueVisits',
];
const STATISTICS_SECTIONS = [
  'admissionsByMonth',
  'bySex',
  'byAgeBand',
  'byShelterType',
  'dischargesByDestination',
  'byModality',
];

/** What a shelter report's query answers: its stamp, its period and the shelters it covers. */
type ShelterPeriodAnswer = ReportStamp & {
  from: string;
  to: string;
  shelterId: string | null;
  shelters: { name: string }[];
};

/**
 * A report of one shelter or all the viewer's over a period, with no names: its query, asked for
 * the shelter and period, and its blocks; its output audited with every section (or as told).
 */
function shelterPeriodEntry<A extends ShelterPeriodAnswer>(entry: {
  kind: ReportKind;
  title: (t: TFunction) => string;
  sections: readonly string[];
  schedule?: boolean;
  auditedSections?: (request: ReportRequest) => string[];
  query: (api: ApiClient, input: { shelterId: string | null; from: string; to: string }) => Promise<A>;
  blocks: (report: A, t: TFunction, request: ReportRequest) => ReportBlock[];
}): ReportDefinition {
  return {
    kind: entry.kind,
    title: entry.title,
    roles: REPORT_ROLES[entry.kind],
    names: false,
    subject: 'shelters',
    sections: entry.sections,
    ...(entry.schedule ? { schedule: true } : {}),
    async run(api, request, t) {
      const report = await entry.query(api, {
        shelterId: request.shelterId,
        from: request.from,
        to: request.to,
      });
      return {
        stamp: report,
        from: report.from,
        to: report.to,
        shelterId: report.shelterId,
        scope: report.shelters.map((s) => s.name).join(', '),
        namesIncluded: false,
        sections: entry.auditedSections?.(request) ?? [...entry.sections],
        language: request.language,
        blocks: entry.blocks(report, t, request),
      };
    },
  };
}

export const REPORTS: Record<ReportKind, ReportDefinition> = {
  placement: {
    kind: 'placement',
    title: (t) => t('reports.placement.title'),
    roles: REPORT_ROLES.placement,
    names: true,
    subject: 'shelters',
    sections: PLACEMENT_SECTIONS,
    async run(api, request, t) {
      const report = await api.call('reports.placement', {
        shelterId: request.shelterId,
        from: request.from,
        to: request.to,
        includeNames: request.includeNames,
      });
      return {
        stamp: report,
        from: report.from,
        to: report.to,
        shelterId: report.shelterId,
        scope: report.shelters.map((s) => s.name).join(', '),
        namesIncluded: report.namesIncluded,
        sections: [...PLACEMENT_SECTIONS],
        language: request.language,
        blocks: placementBlocks(report, t, request.language),
      };
    },
  },
  placementHistory: {
    kind: 'placementHistory',
    title: (t) => t('reports.history.title'),
    roles: REPORT_ROLES.placementHistory,
    names: false,
    subject: 'child',
    sections: HISTORY_STANDARD,
    optionalSections: true,
    async run(api, request, t) {
      const report = await api.call('reports.placementHistory', {
        childId: request.childId ?? '',
        from: request.from,
        to: request.to,
        sections: request.sections,
      });
      return {
        stamp: report,
        from: report.from,
        to: report.to,
        shelterId: null,
        child: { id: report.child.id, sections: report.sections },
        scope: t('reports.history.scope', {
          caseCode: report.child.caseCode,
          initials: report.child.initials,
        }),
        namesIncluded: false,
        sections: [...HISTORY_STANDARD, ...report.sections],
        language: request.language,
        blocks: historyBlocks(report, t, request.language),
      };
    },
  },
  therapy: shelterPeriodEntry({
    kind: 'therapy',
    title: (t) => t('reports.therapy.title'),
    sections: THERAPY_SECTIONS,
    schedule: true,
    // The audit records how the schedule was grouped, e.g. scheduleByShelter.
    auditedSections: (request) =>
      THERAPY_SECTIONS.map((s) =>
        s === 'schedule' ? `scheduleBy${request.scheduleBy === 'shelter' ? 'Shelter' : 'Therapist'}` : s,
      ),
    query: (api, input) => api.call('reports.therapy', input),
    blocks: (report, t, request) =>
      therapyBlocks(report, t, request.scheduleBy, request.language),
  }),
  reintegration: shelterPeriodEntry({
    kind: 'reintegration',
    title: (t) => t('reports.reintegration.title'),
    sections: REINTEGRATION_SECTIONS,
    query: (api, input) => api.call('reports.reintegration', input),
    blocks: (report, t, request) => reintegrationBlocks(report, t, request.language),
  }),
  accessRequest: {
    kind: 'accessRequest',
    title: (t) => t('accessRequest.title'),
    roles: REPORT_ROLES.accessRequest,
    names: false,
    subject: 'child',
    sections: ['everything'],
    wholeRecord: (t) => t('accessRequest.noPeriod'),
    recordOutput: (api, run, output) =>
      api.call('reports.recordAccessRequestOutput', {
        childId: run.child?.id ?? '',
        output,
        language: run.language,
      }),
    async run(api, request, t) {
      const report = await api.call('reports.accessRequest', { childId: request.childId ?? '' });
      return {
        stamp: report,
        from: report.from,
        to: report.to,
        shelterId: null,
        child: { id: report.child.id, sections: [] },
        scope: t('accessRequest.scope', {
          caseCode: report.child.caseCode,
          initials: report.child.initials,
        }),
        namesIncluded: true,
        sections: ['everything'],
        language: request.language,
        blocks: accessRequestBlocks(report, t),
      };
    },
  },
  staffAccessRequest: {
    kind: 'staffAccessRequest',
    title: (t) => t('accessRequest.staff.title'),
    roles: REPORT_ROLES.staffAccessRequest,
    names: false,
    subject: 'staff',
    sections: ['everything'],
    wholeRecord: (t) => t('accessRequest.noPeriod'),
    recordOutput: (api, run, output) =>
      api.call('reports.recordStaffAccessRequestOutput', {
        userId: run.staff?.id ?? '',
        output,
        language: run.language,
      }),
    async run(api, request, t) {
      const report = await api.call('reports.staffAccessRequest', {
        userId: request.userId ?? '',
      });
      return {
        stamp: report,
        from: report.from,
        to: report.to,
        shelterId: null,
        staff: { id: report.account.id },
        scope: t('accessRequest.staff.scope', {
          name: report.account.displayName,
          username: report.account.username,
        }),
        namesIncluded: false,
        sections: ['everything'],
        language: request.language,
        blocks: staffAccessRequestBlocks(report, t, request.language),
      };
    },
  },
  statistics: shelterPeriodEntry({
    kind: 'statistics',
    title: (t) => t('reports.statistics.title'),
    sections: STATISTICS_SECTIONS,
    query: (api, input) => api.call('reports.statistics', input),
    blocks: statisticsBlocks,
  }),
};
