// Every report the screen offers, keyed by kind: what it is called, who may run it, how it is
// run (its audited procedure) and how its answer becomes printable blocks. A new report (for
// example reintegration and monitoring) is one more entry here and one more kind in
// shared/reports/vocabulary.ts.
import type { TFunction } from 'i18next';
import type { ReportStamp } from '../../../shared/reports/contract';
import type { ReportBlock } from '../../../shared/reports/layout';
import type { ReportKind } from '../../../shared/reports/vocabulary';
import type { Role } from '../../../shared/roles';
import type { ApiClient } from '../../api/client';
import { placementBlocks } from './placement/placementBlocks';
import { statisticsBlocks } from './statistics/statisticsBlocks';

export interface ReportRequest {
  shelterId: string | null;
  from: string;
  to: string;
  includeNames: boolean;
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
  namesIncluded: boolean;
  blocks: ReportBlock[];
}

export interface ReportDefinition {
  kind: ReportKind;
  title: (t: TFunction) => string;
  roles: readonly Role[];
  /** Whether it can list children's names ("Include full names" is offered only then). */
  names: boolean;
  /** Its sections, as the audit log records them. */
  sections: readonly string[];
  run(api: ApiClient, request: ReportRequest, t: TFunction): Promise<ReportRun>;
}

export const REPORTS: Record<ReportKind, ReportDefinition> = {
  placement: {
    kind: 'placement',
    title: (t) => t('reports.placement.title'),
    roles: ['admin', 'coordinator', 'caseworker'],
    names: true,
    sections: ['occupancy', 'movements', 'lengthOfStay', 'utilisation', 'children'],
    async run(api, request, t) {
      const report = await api.call('reports.placement', request);
      return {
        stamp: report,
        from: report.from,
        to: report.to,
        shelterId: report.shelterId,
        scope: report.shelters.map((s) => s.name).join(', '),
        namesIncluded: report.namesIncluded,
        blocks: placementBlocks(report, t),
      };
    },
  },
  statistics: {
    kind: 'statistics',
    title: (t) => t('reports.statistics.title'),
    roles: ['admin', 'coordinator', 'caseworker'],
    names: false,
    sections: [
      'admissionsByMonth',
      'bySex',
      'byAgeBand',
      'byShelterType',
      'dischargesByDestination',
      'byModality',
    ],
    async run(api, request, t) {
      const report = await api.call('reports.statistics', {
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
        blocks: statisticsBlocks(report, t),
      };
    },
  },
};
