// The file name a save dialog proposes for a report lands in the OS's recent-documents lists: it
// names the report and its period, never a child. The renderer builds it with reportFileName and
// the shell's boundary (parseOutputRequest) refuses any other shape.
import { describe, expect, it } from 'vitest';
import { parseOutputRequest } from '../../shared/bridge';
import { isNeutralFileName, reportFileName } from '../../shared/reports/file-name';
import { REPORT_KINDS } from '../../shared/reports/vocabulary';

const PERIOD = { from: '2026-07-01', to: '2026-09-30' };

describe('the file name a report proposes', () => {
  it('names the report and its period', () => {
    expect(reportFileName('placement', PERIOD, 'pdf')).toBe(
      'placement-report-2026-07-01-2026-09-30.pdf',
    );
    expect(reportFileName('therapy', PERIOD, 'csv')).toBe(
      'therapy-report-2026-07-01-2026-09-30.csv',
    );
  });

  it('drops a period that is not two dates, rather than carry free text', () => {
    expect(reportFileName('accessRequest', null, 'pdf')).toBe('accessRequest-report.pdf');
    expect(reportFileName('accessRequest', { from: 'Isko', to: '' }, 'pdf')).toBe(
      'accessRequest-report.pdf',
    );
  });

  it('is neutral for every report kind, in its own extension only', () => {
    for (const kind of REPORT_KINDS) {
      for (const extension of ['pdf', 'csv'] as const) {
        const name = reportFileName(kind, PERIOD, extension);
        expect(isNeutralFileName(name, extension), name).toBe(true);
        expect(isNeutralFileName(name, extension === 'pdf' ? 'csv' : 'pdf'), name).toBe(false);
      }
    }
  });

  it('refuses a name carrying a case code, initials, a path or anything else', () => {
    for (const name of [
      'placementHistory-report-AR-2026-0042.pdf',
      'placementHistory-report-I.F.M.pdf',
      'AR-2026-0042.pdf',
      'placementHistory-report-2026-07-01-2026-09-30-IFM.pdf',
      'Isko Macaraeg.pdf',
      '../placement-report.pdf',
      'report.pdf',
      'placement-report-2026-07-01.pdf',
    ]) {
      expect(isNeutralFileName(name, 'pdf'), name).toBe(false);
    }
  });
});

describe('the boundary the shell checks an output request at', () => {
  const request = { mode: 'pdf', content: '<!doctype html>' };

  it('accepts the name reportFileName made', () => {
    const fileName = reportFileName('placementHistory', PERIOD, 'pdf');
    expect(parseOutputRequest({ ...request, fileName })).toEqual({ ...request, fileName });
  });

  it("refuses a name that would put a child's case code in the recent documents", () => {
    expect(
      parseOutputRequest({ ...request, fileName: 'placementHistory-report-AR-2026-0042.pdf' }),
    ).toBeNull();
    expect(parseOutputRequest({ ...request, fileName: 'AR-2026-0042-IFM.pdf' })).toBeNull();
  });
});
