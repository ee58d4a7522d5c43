import { configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../../shared/contract';
import { FakeBridge } from '../support/FakeBridge';
import { caseworkerSession, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import {
  NOW,
  OCCUPANCY,
  SHELTERS,
  SHELTER_NAMES,
  SIDS,
  TODAY,
  coordinatorSession,
  pagasaBoard,
  tahananBoard,
} from '../support/shelters';

// Under a full parallel run on two cores, the first render of a screen can take over a second.
configure({ asyncUtilTimeout: 5000 });

function boardBridge(who: SessionInfo = coordinatorSession()) {
  return new FakeBridge()
    .ok('app.status', unlocked(who))
    .ok('shelters.list', SHELTERS)
    .ok('shelters.names', SHELTER_NAMES)
    .ok('beds.board', (input) =>
      input.shelterId === SIDS.pagasa ? pagasaBoard(input.asOf) : tahananBoard(input.asOf),
    )
    .ok('beds.occupancy', OCCUPANCY);
}

function cardOf(list: HTMLElement, label: string): HTMLElement {
  const card = within(list)
    .getAllByRole('listitem')
    .find((li) => li.querySelector('.bed-label')?.textContent === label);
  if (!card) throw new Error(`no bed card ${label}`);
  return card;
}

beforeEach(() => {
  // Only Date is faked: "today" is 11/29/2026 in Manila, timers stay real for user-event.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('bed board', () => {
  it('shows each bed by room as vacant, occupied or reserved, with initials and length of stay', async () => {
    const bridge = boardBridge();
    renderApp(bridge, { route: '/bed-board' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Bed board' })).toBeVisible();
    const board = await screen.findByRole('region', { name: 'Bahay Pag-asa on 11/29/2026' });
    expect(bridge.inputsOf('beds.board')).toEqual([{ shelterId: SIDS.pagasa, asOf: TODAY }]);
    expect(board).toHaveTextContent(
      '4 beds for a capacity of 4: 1 occupied, 1 reserved, 2 vacant.',
    );

    // Beds outside any room come first, then room by room.
    const rooms = within(board)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(rooms).toEqual(['No room', 'Room A', 'Room B']);

    const roomA = within(board).getByRole('list', { name: 'Beds in Room A' });
    const occupied = cardOf(roomA, 'Bed 1');
    expect(occupied).toHaveTextContent('Occupied');
    expect(occupied).toHaveTextContent('since 11/02/2026');
    expect(occupied).toHaveTextContent('27 days');
    const link = within(occupied).getByRole('link', { name: 'AR-2026-0042 (J.D.)' });
    expect(link).toHaveAttribute('href', `#/cases/${SIDS.other}`);
    // State is a word and a shape, not only a colour.
    expect(occupied.querySelector('.bed-icon')).toHaveAttribute('aria-hidden', 'true');

    const reserved = cardOf(roomA, 'Bed 2');
    expect(reserved).toHaveTextContent('Reserved');
    expect(reserved).toHaveTextContent('Held for AR-2026-0043 (M.S.)');
    expect(
      within(reserved).getByRole('button', { name: 'Release the reservation of Room A · Bed 2' }),
    ).toBeVisible();

    const vacant = cardOf(within(board).getByRole('list', { name: 'Beds in Room B' }), 'Bed 3');
    expect(vacant).toHaveTextContent('Vacant');
    expect(within(vacant).getByRole('button', { name: 'Reserve Room B · Bed 3' })).toBeVisible();
    // Lists never show a name.
    expect(board).not.toHaveTextContent('Analyn');

    await expectNoAxeViolations();
  });

  it('board mode, for a wall screen, shows case codes and bed states only: no shelter, date, counts, aliases or actions', async () => {
    const { user } = renderApp(boardBridge(), { route: '/bed-board' });
    await screen.findByRole('region', { name: 'Bahay Pag-asa on 11/29/2026' });
    await user.click(
      screen.getByRole('checkbox', { name: 'Board mode for a wall screen (case codes only)' }),
    );
    const board = screen.getByRole('region', { name: 'Beds' });
    const occupied = cardOf(within(board).getByRole('list', { name: 'Beds in Room A' }), 'Bed 1');
    expect(occupied).toHaveTextContent('AR-2026-0042');
    expect(occupied).toHaveTextContent('Occupied');
    expect(board).not.toHaveTextContent(/J\.D\.|M\.S\.|since|27 days|Bahay|capacity|occupied,/);
    expect(document.body).not.toHaveTextContent(/Bahay Pag-asa|11\/29\/2026/);
    expect(screen.queryByLabelText('Shelter')).toBeNull();
    expect(screen.queryByLabelText('As of')).toBeNull();
    expect(within(board).queryAllByRole('button')).toEqual([]);
    expect(within(board).queryAllByRole('link')).toEqual([]);
    expect(screen.queryByRole('heading', { name: /occupancy/i })).toBeNull();
    await expectNoAxeViolations();
  });

  it('requests the chosen shelter and as-of date, refuses a future date, and returns to today', async () => {
    const bridge = boardBridge();
    const { user } = renderApp(bridge, { route: '/bed-board' });
    await screen.findByRole('region', { name: 'Bahay Pag-asa on 11/29/2026' });

    const asOf = screen.getByLabelText('As of');
    expect(asOf).toHaveValue(TODAY);
    await user.clear(asOf);
    await user.type(asOf, '2026-11-10');
    const past = await screen.findByRole('region', { name: 'Bahay Pag-asa on 11/10/2026' });
    expect(bridge.inputsOf('beds.board')).toContainEqual({
      shelterId: SIDS.pagasa,
      asOf: '2026-11-10',
    });
    expect(bridge.inputsOf('beds.occupancy')).toContainEqual({ asOf: '2026-11-10' });
    expect(screen.getByRole('heading', { name: 'All shelters on 11/10/2026' })).toBeVisible();
    // Reservations are for now: no reserving on a past date.
    expect(within(past).queryByRole('button', { name: /^Reserve/ })).toBeNull();

    await user.selectOptions(screen.getByLabelText('Shelter'), 'Tahanan Kinship Home');
    await screen.findByRole('region', { name: 'Tahanan Kinship Home on 11/10/2026' });
    expect(bridge.inputsOf('beds.board').at(-1)).toEqual({
      shelterId: SIDS.tahanan,
      asOf: '2026-11-10',
    });

    await user.clear(asOf);
    await user.type(asOf, '2026-12-01');
    expect(asOf).toHaveAccessibleDescription(/This date is in the future\./);
    expect(bridge.inputsOf('beds.board').some((i) => i.asOf === '2026-12-01')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(asOf).toHaveValue(TODAY);
    await screen.findByRole('region', { name: 'Tahanan Kinship Home on 11/29/2026' });
    expect(asOf).not.toHaveAttribute('aria-invalid');
  });

  it('shows the all-shelters occupancy to a coordinator as a table and a bar per shelter', async () => {
    renderApp(boardBridge(), { route: '/bed-board' });
    const summary = await screen.findByRole('region', { name: 'All shelters on 11/29/2026' });
    const table = await within(summary).findByRole('table', { name: 'Occupancy by shelter' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual([
      'Shelter',
      'Type',
      'Capacity',
      'Beds',
      'Occupied',
      'Reserved',
      'Vacant',
    ]);
    const row = within(table).getByRole('cell', { name: 'Bahay Pag-asa' }).closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Bahay Pag-asa', 'NGO shelter', '4', '4', '1', '1', '2']);
    const chart = within(summary).getByRole('figure', {
      name: 'Beds per shelter: occupied, reserved and vacant',
    });
    expect(chart).toHaveTextContent('Bahay Pag-asa1 occupied, 1 reserved, 2 vacant of 4 beds');
    expect(chart).toHaveTextContent(
      'Tahanan Kinship Home0 occupied, 0 reserved, 1 vacant of 1 bed',
    );
  });

  it('gives a caseworker the board without the occupancy summary', async () => {
    const bridge = boardBridge(caseworkerSession()).fail('beds.board', {
      code: 'NOT_FOUND',
      message: 'notFound',
    });
    renderApp(bridge, { route: '/bed-board' });
    expect(
      await screen.findByText(
        'This shelter is not one of your shelters, so its beds are not shown.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Bed board' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Shelters' })).toBeNull();
    expect(screen.queryByRole('heading', { name: /All shelters/ })).toBeNull();
    expect(bridge.countOf('beds.occupancy')).toBe(0);
    await expectNoAxeViolations();
  });

  it('reserves a vacant bed for a child found by case code, and releases a reservation', async () => {
    const bridge = boardBridge()
      .ok('children.search', {
        rows: [
          {
            id: SIDS.child,
            caseCode: 'AR-2026-0050',
            alias: 'A.R.',
            status: 'intake',
            age: 13,
            ageEstimated: false,
            shelterName: null,
            caseworkerName: null,
          },
        ],
        total: 1,
      })
      .ok('beds.reserve', null);
    const { user } = renderApp(bridge, { route: '/bed-board' });
    await screen.findByRole('region', { name: 'Bahay Pag-asa on 11/29/2026' });
    const opener = screen.getByRole('button', { name: 'Reserve Room B · Bed 3' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Reserve Room B · Bed 3' });

    await user.type(within(dialog).getByLabelText('Find the child'), '0050{Enter}');
    expect(bridge.inputsOf('children.search')).toEqual([{ text: '0050', limit: 20 }]);
    const child = await within(dialog).findByLabelText('Child');
    await user.click(within(dialog).getByRole('button', { name: 'Reserve bed' }));
    expect(child).toHaveAccessibleDescription(/This is required\./);
    expect(bridge.countOf('beds.reserve')).toBe(0);
    await expectNoAxeViolations();

    await user.selectOptions(child, 'AR-2026-0050 (A.R.)');
    const boards = bridge.countOf('beds.board');
    await user.click(within(dialog).getByRole('button', { name: 'Reserve bed' }));
    expect(
      await screen.findByText('Room B · Bed 3 is now held for AR-2026-0050 (A.R.).'),
    ).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.inputsOf('beds.reserve')).toEqual([{ bedId: SIDS.bed3, childId: SIDS.child }]);
    await waitFor(() => expect(bridge.countOf('beds.board')).toBeGreaterThan(boards));

    await user.click(
      screen.getByRole('button', { name: 'Release the reservation of Room A · Bed 2' }),
    );
    expect(
      await screen.findByText('The reservation of Room A · Bed 2 was released.'),
    ).toBeVisible();
    expect(bridge.inputsOf('beds.reserve').at(-1)).toEqual({ bedId: SIDS.bed2, childId: null });
  });
});
