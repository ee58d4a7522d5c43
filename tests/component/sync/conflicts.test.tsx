import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConflictRow, ConflictSide } from '../../../shared/sync/contract';
import { FakeBridge } from '../support/FakeBridge';
import { session, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

const side = (overrides: Partial<ConflictSide>): ConflictSide => ({
  id: '0190a000-0000-7000-8000-0000000000a1',
  childId: '0190a000-0000-7000-8000-0000000000c1',
  caseCode: 'AR-2026-QRT-0001',
  initials: 'A.C.',
  stay: {
    shelterName: 'Fictional Home Cebu',
    bedLabel: 'Bed 2',
    startAt: '2026-03-01T01:00:00.000Z',
    endAt: null,
  },
  madeBy: 'Fictional Bayani Cruz',
  madeAt: '2026-03-01T01:05:00.000Z',
  computer: 'Fictional Cebu laptop',
  ...overrides,
});

const BED_TWICE: ConflictRow = {
  kind: 'bedTwice',
  sides: [
    side({}),
    side({
      id: '0190a000-0000-7000-8000-0000000000a2',
      childId: '0190a000-0000-7000-8000-0000000000c2',
      caseCode: 'AR-2026-XYZ-0004',
      initials: 'B.L.',
      stay: {
        shelterName: 'Fictional Home Cebu',
        bedLabel: 'Bed 2',
        startAt: '2026-03-01T03:00:00.000Z',
        endAt: null,
      },
      madeBy: 'Fictional Luz Tan',
      madeAt: '2026-03-01T03:10:00.000Z',
      computer: null,
    }),
  ],
};

const coordinator = () => unlocked(session({ role: 'coordinator' }));

describe('conflicts to resolve', () => {
  it('shows both versions side by side, who made each and when, with the screens that resolve it', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', coordinator())
      .ok('sync.conflicts', [BED_TWICE]);
    renderApp(bridge, { route: '/conflicts' });
    const table = await screen.findByRole('table', {
      name: 'One bed, two children at once: both versions',
    });
    const row = (name: string) =>
      within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td');
    expect([...row('Child')].map((c) => c.textContent)).toEqual([
      'AR-2026-QRT-0001 (A.C.)',
      'AR-2026-XYZ-0004 (B.L.)',
    ]);
    expect([...row('Recorded by')].map((c) => c.textContent)).toEqual([
      'Fictional Bayani Cruz',
      'Fictional Luz Tan',
    ]);
    // Dates in the vault's time zone (Manila, UTC+8).
    expect([...row('Recorded on')].map((c) => c.textContent)).toEqual([
      '03/01/2026 9:05 AM',
      '03/01/2026 11:10 AM',
    ]);
    expect([...row('On computer')].map((c) => c.textContent)).toEqual([
      'Fictional Cebu laptop',
      'Before sharing began',
    ]);
    expect([...row('To')].map((c) => c.textContent)).toEqual(['Still there', 'Still there']);
    expect(
      screen.getByRole('link', { name: 'Open the case file of AR-2026-QRT-0001' }),
    ).toHaveAttribute('href', '#/cases/0190a000-0000-7000-8000-0000000000c1');
    expect(screen.getByRole('link', { name: 'Open the bed board' })).toHaveAttribute(
      'href',
      '#/bed-board',
    );
    expect(screen.getByRole('link', { name: 'Conflicts to resolve' })).toBeVisible();
    await expectNoAxeViolations();
  });

  it('shows a case code given twice without stays, and says when nothing is left', async () => {
    const bridge = new FakeBridge().ok('app.status', coordinator()).ok('sync.conflicts', [
      {
        kind: 'caseCodeTwice',
        sides: [
          side({ stay: null, id: BED_TWICE.sides[0].childId }),
          side({
            stay: null,
            id: BED_TWICE.sides[1].childId,
            childId: BED_TWICE.sides[1].childId,
            initials: 'B.L.',
          }),
        ],
      },
    ]);
    renderApp(bridge, { route: '/conflicts' });
    const table = await screen.findByRole('table', {
      name: 'One case code on two children: both versions',
    });
    expect(within(table).queryByRole('rowheader', { name: 'Bed' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Open the bed board' })).toBeNull();
    expect(screen.getAllByRole('link', { name: /^Open the case file/ })).toHaveLength(2);
  });

  it('gives one child of a code given twice a new code, by keyboard, and says the old one still finds her', async () => {
    const twice: ConflictRow = {
      kind: 'caseCodeTwice',
      sides: [
        side({ stay: null, id: BED_TWICE.sides[0].childId }),
        side({
          stay: null,
          id: BED_TWICE.sides[1].childId,
          childId: BED_TWICE.sides[1].childId,
          initials: 'B.L.',
        }),
      ],
    };
    let resolved = false;
    const bridge = new FakeBridge()
      .ok('app.status', coordinator())
      .ok('sync.conflicts', () => (resolved ? [] : [twice]))
      .ok('sync.newCaseCode', () => {
        resolved = true;
        return {
          childId: BED_TWICE.sides[1].childId,
          caseCode: 'AR-2026-QRT-0002',
          formerCode: 'AR-2026-QRT-0001',
        };
      });
    const { user } = renderApp(bridge, { route: '/conflicts' });
    const button = await screen.findByRole('button', {
      name: 'Give B.L. (Second version) a new case code',
    });
    expect(
      screen.getByRole('button', { name: 'Give A.C. (First version) a new case code' }),
    ).toBeVisible();
    await expectNoAxeViolations();
    button.focus();
    await user.keyboard('{Enter}');
    expect(
      await screen.findByText(
        'The child with AR-2026-QRT-0001 now has the case code AR-2026-QRT-0002. Searching for AR-2026-QRT-0001 still finds this child.',
      ),
    ).toBeVisible();
    expect(bridge.inputsOf('sync.newCaseCode')).toEqual([{ childId: BED_TWICE.sides[1].childId }]);
    expect(
      await screen.findByText("No conflicts: every computer's records fit together."),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: /a new case code$/ })).toBeNull();
  });

  it('offers no new case code for a bed given twice', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', coordinator())
      .ok('sync.conflicts', [BED_TWICE]);
    renderApp(bridge, { route: '/conflicts' });
    await screen.findByRole('table', { name: 'One bed, two children at once: both versions' });
    expect(screen.queryByRole('button', { name: /a new case code$/ })).toBeNull();
  });

  it('says there is nothing to resolve once every conflict is gone', async () => {
    const bridge = new FakeBridge().ok('app.status', coordinator()).ok('sync.conflicts', []);
    renderApp(bridge, { route: '/conflicts' });
    expect(
      await screen.findByText("No conflicts: every computer's records fit together."),
    ).toBeVisible();
  });

  it('lists a conflict that a sync brought while the screen was open, with no reload', async () => {
    let arrived = false;
    const bridge = new FakeBridge()
      .ok('app.status', coordinator())
      .ok('sync.conflicts', () => (arrived ? [BED_TWICE] : []));
    renderApp(bridge, { route: '/conflicts' });
    await screen.findByText("No conflicts: every computer's records fit together.");
    // An automatic sync applies a bundle from another computer, well within the lists' freshness.
    arrived = true;
    bridge.emitSynced();
    expect(
      await screen.findByRole('table', { name: 'One bed, two children at once: both versions' }),
    ).toBeVisible();
    expect(screen.queryByText("No conflicts: every computer's records fit together.")).toBeNull();
  });
});
