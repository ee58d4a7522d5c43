// Assessments over time: two submitted administrations of one instrument are drawn and tabled
// with each domain's change from the first; drafts are left out.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyPlan, type Assessment } from '../../../shared/reintegration/contract';
import type { InstrumentEntry } from '../../../shared/reintegration/instruments';
import { CHILD_IDS, casesBridge } from '../support/children';
import { expectNoAxeViolations, renderApp } from '../support/render';

const OUTCOMES: InstrumentEntry = {
  code: 'ARUGA-AO',
  version: 1,
  name: 'Aftercare Outcomes',
  kind: 'outcomes',
  builtIn: true,
  scale: [1, 2, 3, 4].map((value) => ({ value, label: `Level ${value}` })),
  domains: [
    {
      key: 'safety',
      label: 'Safety',
      scoring: 'mean',
      items: [{ key: 'safeHome', label: 'Safe place', required: true, notKnownAllowed: false }],
    },
    {
      key: 'legal',
      label: 'Legal Protection',
      scoring: 'mean',
      items: [
        { key: 'caseProgress', label: 'Case support', required: true, notKnownAllowed: true },
      ],
    },
  ],
  overall: 'min',
  bands: [
    { key: 'belowClosure', label: 'Not yet', atLeast: 1, notSafe: false },
    { key: 'meetsClosure', label: 'Stable', atLeast: 3, notSafe: false },
  ],
  closureThreshold: 3,
};

function administration(
  n: number,
  status: Assessment['status'],
  safety: number,
  legal: number,
): Assessment {
  return {
    id: `0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5d1${n}`,
    childId: CHILD_IDS.maria,
    instrumentCode: 'ARUGA-AO',
    instrumentVersion: 1,
    status,
    household: null,
    visitDates: [`2026-0${n}-15`],
    interviewed: '',
    answers: {},
    evidence: {},
    childVoice: { consulted: true, how: 'Talk', whyNot: '', wishes: 'Fictional' },
    recommendation: null,
    plan: emptyPlan(),
    score: {
      domains: { safety, legal },
      overall: Math.min(safety, legal),
      bandKey: null,
      notSafe: false,
      notSafeReasons: [],
      meetsClosure: false,
    },
    createdBy: null,
    createdByName: null,
    submittedAt: `2026-0${n}-16T02:00:00.000Z`,
    reviews: [],
    ageOverride: null,
  };
}

describe('assessments over time', () => {
  it('shows two administrations with the change from baseline, and leaves drafts out', async () => {
    const bridge = casesBridge()
      .ok('reintegration.instruments', [OUTCOMES])
      .ok('reintegration.list', [
        administration(7, 'draft', 4, 4),
        administration(6, 'approved', 3.5, 3),
        administration(1, 'approved', 2, 2.5),
      ]);
    renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    const section = await screen.findByRole('region', { name: 'Assessments over time' });
    const table = await within(section).findByRole('table', {
      name: /Aftercare Outcomes domain scores per administration/,
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Domain', '01/15/2026', '06/15/2026', 'Change from baseline']);
    const safety = within(table).getByRole('row', { name: /^Safety/ });
    expect(
      within(safety)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2.00', '3.50', '+1.50']);
    const overall = within(table).getByRole('row', { name: /^Overall/ });
    expect(
      within(overall)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2.00', '3.00', '+1.00']);
    expect(within(section).getByTestId('comparison-chart')).toBeTruthy();
    await expectNoAxeViolations();
  });
});
