// The access-request export on the Reports screen: the coordinator's only; no period is asked
// (it covers the whole record); every kind of record and every field is in the preview, the
// confidential fields left out are listed; the PDF is recorded against the child before it leaves.
import { configure, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessRequestReport } from '../../../shared/reports/access-request';
import { FakeBridge } from '../support/FakeBridge';
import { caseworkerSession, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { NOW, SHELTER_NAMES, SIDS, coordinatorSession } from '../support/shelters';

configure({ asyncUtilTimeout: 5000 });

const child = {
  id: SIDS.bed1,
  caseCode: 'AR-2026-0042',
  alias: 'M.S.',
  status: 'intake' as const,
  age: 14,
  ageEstimated: false,
  shelterName: null,
  caseworkerName: null,
};

const answer: AccessRequestReport = {
  kind: 'accessRequest',
  from: '2026-01-10',
  to: '2026-11-29',
  generatedAt: '2026-11-29T04:00:00.000Z',
  generatedBy: 'Luningning Bautista',
  timeZone: 'Asia/Manila',
  child: { id: child.id, caseCode: child.caseCode, initials: 'M.S.' },
  records: [
    {
      table: 'children',
      rows: [[{ field: 'legal_name', value: 'Fictional Maria Santos' }]],
    },
    {
      table: 'intake_accounts',
      rows: [
        [
          { field: 'held_where', value: 'video' },
          { field: 'reference', value: 'Fictional video reference V-12' },
        ],
      ],
    },
  ],
  withheld: ['intake_reads.reason'],
};

function bridgeFor() {
  return new FakeBridge()
    .ok('app.status', unlocked(coordinatorSession()))
    .ok('shelters.names', SHELTER_NAMES)
    .ok('children.search', { rows: [child], total: 1 })
    .ok('reports.accessRequest', answer)
    .ok('reports.recordAccessRequestOutput', null);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(new Uint8Array([1, 2, 3]))));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('access-request export', () => {
  it('prints everything held about the chosen child, with no period, recorded before it leaves', async () => {
    const bridge = bridgeFor();
    const { user } = renderApp(bridge, { route: '/reports' });
    await user.selectOptions(
      await screen.findByLabelText('Report'),
      'Access request: everything held about a child',
    );
    expect(screen.queryByLabelText('From')).toBeNull();
    // Before a preview: it asks for the child, not for a period it does not have.
    expect(screen.getByText('Choose the child, then show the preview.')).toBeVisible();
    expect(screen.queryByText(/Choose a report and a period/)).toBeNull();
    expect(
      screen.getByText('The export covers the whole record, from the day it was made to today.'),
    ).toBeVisible();
    expect(screen.queryByRole('checkbox', { name: 'Intake account' })).toBeNull();
    await user.type(screen.getByLabelText('Find the child'), '0042{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Choose AR-2026-0042' }));
    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    const preview = await screen.findByRole('region', { name: /^Preview — \d+ pages?$/ });
    expect(bridge.inputsOf('reports.accessRequest')).toEqual([{ childId: child.id }]);
    expect(preview).toHaveTextContent('Child AR-2026-0042 (M.S.)');
    expect(preview).toHaveTextContent('legal name');
    expect(preview).toHaveTextContent('Fictional Maria Santos');
    expect(preview).toHaveTextContent('intake accounts: 1 record');
    expect(preview).toHaveTextContent('Fictional video reference V-12');
    expect(preview).toHaveTextContent('intake reads.reason');
    // A whole record has no period: the header says on which day it was held.
    expect(preview).toHaveTextContent('All records held on 11/29/2026');
    expect(preview).not.toHaveTextContent('Period:');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    await screen.findByText(/^Saved accessRequest-report-2026-01-10-2026-11-29\.pdf\.$/);
    expect(bridge.inputsOf('reports.recordAccessRequestOutput')).toEqual([
      { childId: child.id, output: 'pdf', language: 'en' },
    ]);
    expect(bridge.countOf('reports.recordHistoryOutput')).toBe(0);
    expect(bridge.outputs[0]!.content).toContain('Fictional Maria Santos');
  });

  it('is not offered to a caseworker', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked(caseworkerSession()))
      .ok('shelters.names', SHELTER_NAMES);
    renderApp(bridge, { route: '/reports' });
    const kinds = await screen.findByLabelText('Report');
    expect(kinds.textContent).not.toContain('Access request');
  });
});
