// A clash left by two computers offline at once shows where the staff look until it is
// resolved: on the bed card (the other child given the bed, by a link) and in the case file's
// placement section, with the way to resolve it and, for the coordinator, Conflicts to resolve.
import { configure, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../../shared/contract';
import type { BedBoard } from '../../../shared/shelters/contract';
import { PlacementSection } from '../../../renderer/domains/shelters/PlacementSection';
import { FakeBridge } from '../support/FakeBridge';
import { caseworkerSession, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import {
  CURRENT,
  NOW,
  OCCUPANCY,
  SHELTERS,
  SHELTER_NAMES,
  SIDS,
  coordinatorSession,
  pagasaBoard,
  placedCaseFile,
} from '../support/shelters';

// The first render of the board can be slow while others share the two cores.
configure({ asyncUtilTimeout: 15_000 });

/** Bed 1 given to a second child on another computer; she is placed in another bed too. */
function clashingBoard(asOf: string): BedBoard {
  const board = pagasaBoard(asOf);
  return {
    ...board,
    beds: board.beds.map((bed) =>
      bed.id === SIDS.bed1
        ? {
            ...bed,
            clash: {
              alsoHeldBy: [{ childId: SIDS.child, caseCode: 'AR-2026-0050', initials: 'A.R.' }],
              occupantPlacedTwice: true,
            },
          }
        : bed,
    ),
  };
}

function boardBridge(who: SessionInfo) {
  return new FakeBridge()
    .ok('app.status', unlocked(who))
    .ok('shelters.list', SHELTERS)
    .ok('shelters.names', SHELTER_NAMES)
    .ok('beds.board', (input) => clashingBoard(input.asOf))
    .ok('beds.occupancy', OCCUPANCY);
}

function bedCard(label: string): HTMLElement {
  const card = screen
    .getAllByRole('listitem')
    .find((li) => li.querySelector('.bed-label')?.textContent === label);
  if (!card) throw new Error(`no bed card ${label}`);
  return card;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a clash left by a sync', () => {
  it('marks the bed for the coordinator, names the other child and links to Conflicts', async () => {
    renderApp(boardBridge(coordinatorSession()), { route: '/bed-board' });
    await screen.findByRole('region', { name: 'Bahay Pag-asa on 11/29/2026' });
    const card = bedCard('Bed 1');
    expect(card).toHaveTextContent('Conflict from two computers');
    expect(card).toHaveTextContent('This child is also placed in another bed.');
    expect(within(card).getByRole('link', { name: 'AR-2026-0050 (A.R.)' })).toHaveAttribute(
      'href',
      `#/cases/${SIDS.child}`,
    );
    expect(
      within(card).getByRole('link', { name: 'See both versions in Conflicts to resolve' }),
    ).toHaveAttribute('href', '#/conflicts');
    // Only the clashing bed carries the marker.
    expect(bedCard('Bed 3')).not.toHaveTextContent('Conflict');
    await expectNoAxeViolations();
  });

  it('shows a caseworker the marker without the coordinator’s link', async () => {
    renderApp(boardBridge(caseworkerSession()), { route: '/bed-board' });
    await screen.findByRole('region', { name: 'Bahay Pag-asa on 11/29/2026' });
    const card = bedCard('Bed 1');
    expect(card).toHaveTextContent('Also given to AR-2026-0050 (A.R.)');
    expect(within(card).queryByRole('link', { name: /Conflicts to resolve/ })).toBeNull();
  });

  it('keeps board mode to case codes: the marker, no initials and no links', async () => {
    const { user } = renderApp(boardBridge(coordinatorSession()), { route: '/bed-board' });
    await screen.findByRole('region', { name: 'Bahay Pag-asa on 11/29/2026' });
    await user.click(
      screen.getByRole('checkbox', { name: 'Board mode for a wall screen (case codes only)' }),
    );
    const card = bedCard('Bed 1');
    expect(card).toHaveTextContent('Also given to AR-2026-0050');
    expect(card).not.toHaveTextContent('A.R.');
    expect(within(card).queryAllByRole('link')).toEqual([]);
  });

  it('tells the case file how to resolve it, and links the coordinator to Conflicts', async () => {
    const file = { ...placedCaseFile([CURRENT]), placementClashes: ['bedTwice' as const] };
    const bridge = new FakeBridge().ok('app.status', unlocked(coordinatorSession()));
    renderApp(bridge, {
      only: (
        <main>
          <h1>Case file</h1>
          <PlacementSection file={file} />
        </main>
      ),
    });
    const note = await screen.findByRole('note', {
      name: "Conflict from two computers: this child's placement was recorded twice",
    });
    expect(note).toHaveTextContent("This child's bed is also given to another child.");
    expect(note).toHaveTextContent('Transfer or discharge the child on this case file');
    expect(
      within(note).getByRole('link', { name: 'See both versions in Conflicts to resolve' }),
    ).toBeVisible();
    await expectNoAxeViolations();
  });

  it('shows nothing in the case file when there is no clash', async () => {
    const bridge = new FakeBridge().ok('app.status', unlocked(caseworkerSession()));
    renderApp(bridge, {
      only: (
        <main>
          <h1>Case file</h1>
          <PlacementSection file={placedCaseFile([CURRENT])} />
        </main>
      ),
    });
    await screen.findByRole('heading', { name: 'Current placement' });
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.queryByText(/Conflict from two computers/)).toBeNull();
  });
});
