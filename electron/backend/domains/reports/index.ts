// The reports domain: report data built from the other domains' tables (read only) and the
// audit of every print and export. Its services, for the router, the benchmark and the tests.
import type { Domain } from '../../runtime/domain';
import { reportsAuditTargets, reportsHandlers } from './handlers';

export { placementReport, type PlacementReportInput } from './placement-report';
export { placementHistoryReport, type PlacementHistoryInput } from './placement-history';
export { statisticsReport } from './statistics';
export { therapyReport } from './therapy-report';
export { reintegrationReport } from './reintegration-report';
export { reportsAuditTargets, reportsHandlers } from './handlers';

export const reportsDomain: Domain = {
  name: 'reports',
  handlers: () => reportsHandlers(),
  auditTargets: reportsAuditTargets,
};
