// The router's handlers for the reports domain. Each report run is an audited view (which
// report, shelter, period, whether names were included); each print, saved PDF and CSV export
// is an audited mutation. What they name in the audit log is declared in reportsAuditTargets.
import { REPORT_ROLES, type reportsProcedures } from '../../../../shared/reports/contract';
import {
  mayExportIdentifiableCsv,
  mayIncludeHistorySection,
  mayIncludeNames,
} from '../../../../shared/reports/vocabulary';
import { AppError } from '../../../../shared/errors';
import type { AuditTargets, Handlers } from '../../runtime/call-context';
import { actorOf } from '../../records/actor';
import { placementReport } from './placement-report';
import { placementHistoryReport } from './placement-history';
import { statisticsReport } from './statistics';
import { therapyReport } from './therapy-report';
import { reintegrationReport } from './reintegration-report';
import { accessRequestReport } from './access-request';
import { staffAccessRequestReport } from './staff-access-request';

type ReportsProcedureName = keyof typeof reportsProcedures;

export function reportsHandlers(): Pick<Handlers, ReportsProcedureName> {
  return {
    'reports.placement': (ctx, input) => {
      const user = ctx.user();
      return placementReport(ctx.vault(), actorOf(user), input, user.displayName);
    },
    'reports.placementHistory': (ctx, input) => {
      const user = ctx.user();
      return placementHistoryReport(ctx.vault(), actorOf(user), input, user.displayName);
    },
    'reports.statistics': (ctx, input) => {
      const user = ctx.user();
      return statisticsReport(ctx.vault(), actorOf(user), input, user.displayName);
    },
    'reports.therapy': (ctx, input) => {
      const user = ctx.user();
      return therapyReport(ctx.vault(), actorOf(user), input, user.displayName);
    },
    'reports.reintegration': (ctx, input) => {
      const user = ctx.user();
      return reintegrationReport(ctx.vault(), actorOf(user), input, user.displayName);
    },
    'reports.recordOutput': (ctx, input) => {
      const { role } = ctx.user();
      // A report about one child is recorded against the child (recordHistoryOutput,
      // recordAccessRequestOutput).
      if (
        input.report === 'placementHistory' ||
        input.report === 'accessRequest' ||
        input.report === 'staffAccessRequest' ||
        !REPORT_ROLES[input.report].includes(role)
      )
        throw new AppError('FORBIDDEN', 'forbidden');
      if (input.includeNames && !mayIncludeNames(role)) throw new AppError('FORBIDDEN', 'forbidden');
      if (input.identifiable && (input.output !== 'csv' || !mayExportIdentifiableCsv(role)))
        throw new AppError('FORBIDDEN', 'forbidden');
      return null;
    },
    'reports.accessRequest': (ctx, input) => {
      const user = ctx.user();
      return accessRequestReport(
        ctx.vault(),
        ctx.schema,
        actorOf(user),
        input.childId,
        user.displayName,
      );
    },
    // The router has checked the child is in scope; the entry is the record.
    'reports.recordAccessRequestOutput': () => null,
    'reports.staffAccessRequest': (ctx, input) => {
      const user = ctx.user();
      return staffAccessRequestReport(
        ctx.vault(),
        ctx.schema,
        actorOf(user),
        input.userId,
        user.displayName,
      );
    },
    // The router has checked the account exists; the entry is the record.
    'reports.recordStaffAccessRequestOutput': () => null,
    'reports.recordHistoryOutput': (ctx, input) => {
      const { role } = ctx.user();
      if (input.sections.some((s) => !mayIncludeHistorySection(role, s)))
        throw new AppError('FORBIDDEN', 'forbidden');
      return null;
    },
  };
}

export const reportsAuditTargets: Pick<AuditTargets, ReportsProcedureName> = {
  'reports.placement': {
    targetType: 'report',
    targetId: (input) => input.shelterId,
    detail: (input) => ({
      report: 'placement',
      from: input.from,
      to: input.to,
      names: input.includeNames,
    }),
  },
  'reports.placementHistory': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: (input) => ({
      report: 'placementHistory',
      from: input.from,
      to: input.to,
      sections: input.sections.join(','),
    }),
  },
  'reports.statistics': {
    targetType: 'report',
    targetId: (input) => input.shelterId,
    detail: (input) => ({ report: 'statistics', from: input.from, to: input.to, names: false }),
  },
  'reports.therapy': {
    targetType: 'report',
    targetId: (input) => input.shelterId,
    detail: (input) => ({ report: 'therapy', from: input.from, to: input.to, names: false }),
  },
  'reports.reintegration': {
    targetType: 'report',
    targetId: (input) => input.shelterId,
    detail: (input) => ({ report: 'reintegration', from: input.from, to: input.to, names: false }),
  },
  'reports.recordOutput': {
    targetType: 'report',
    targetId: (input) => input.shelterId,
    detail: (input) => ({
      report: input.report,
      output: input.output,
      from: input.from,
      to: input.to,
      sections: input.sections.join(','),
      names: input.includeNames,
      identifiable: input.identifiable,
      language: input.language,
    }),
  },
  'reports.accessRequest': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: (input) => ({ report: 'accessRequest', childId: input.childId }),
  },
  'reports.recordAccessRequestOutput': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: (input) => ({
      report: 'accessRequest',
      output: input.output,
      childId: input.childId,
      language: input.language,
    }),
  },
  'reports.staffAccessRequest': {
    targetType: 'user',
    targetId: (input) => input.userId,
    detail: () => ({ report: 'staffAccessRequest' }),
  },
  'reports.recordStaffAccessRequestOutput': {
    targetType: 'user',
    targetId: (input) => input.userId,
    detail: (input) => ({
      report: 'staffAccessRequest',
      output: input.output,
      language: input.language,
    }),
  },
  'reports.recordHistoryOutput': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: (input) => ({
      report: 'placementHistory',
      output: input.output,
      from: input.from,
      to: input.to,
      sections: input.sections.join(','),
      language: input.language,
    }),
  },
};
