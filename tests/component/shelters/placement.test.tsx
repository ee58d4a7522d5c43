import { configure, screen, waitFor, within } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseFile } from '../../../shared/children/contract';
import type { Placement } from '../../../shared/shelters/contract';
import { FakeBridge } from '../support/FakeBridge';
import { ERR, caseworkerSession, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { PlacementSection } from '../../../renderer/domains/shelters/PlacementSection';
import {
  CURRENT,
  ERRORS,
  NOW,
  PAST,
  SHELTERS,
  SHELTER_NAMES,
  SIDS,
  TODAY,
  placedCaseFile,
  pagasaBoard,
  tahananBoard,
} from '../support/shelters';

// Under a full parallel run on two cores, the first render of a screen can take over a second.
configure({ asyncUtilTimeout: 5000 });

/** The placement section on its own, in a stand-in for the case file (a main landmark, its h1). */
function renderPanel(bridge: FakeBridge, file: CaseFile) {
  return renderApp(bridge, {
    only: (
      <main>
        <h1>Case file</h1>
        <PlacementSection file={file} />
      </main>
    ),
  });
}
type User = ReturnType<typeof renderPanel>['user'];

const ADMITTED: Placement = {
  ...CURRENT,
  startAt: '2026-11-29T00:00:00.000Z',
  reason: 'Rescued on 11/28; needs a safe bed',
};

function panelBridge() {
  return new FakeBridge()
    .ok('app.status', unlocked(caseworkerSession()))
    .ok('shelters.list', SHELTERS)
    .ok('shelters.names', SHELTER_NAMES)
    .ok('beds.board', (input) =>
      input.shelterId === SIDS.pagasa ? pagasaBoard(input.asOf) : tahananBoard(input.asOf),
    );
}

/** The procedure names a test's placement write invalidated. */
function spyInvalidations(queryClient: QueryClient): () => string[] {
  const spy = vi.spyOn(queryClient, 'invalidateQueries');
  return () => spy.mock.calls.map(([filters]) => String(filters?.queryKey?.[0]));
}

async function setValue(user: User, input: HTMLElement, value: string) {
  await user.clear(input);
  await user.type(input, value);
}

async function openAdmit(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Admit to a bed' }));
  return screen.getByRole('dialog', { name: 'Admit AR-2026-0050 to a bed' });
}

/** Bahay Pag-asa, Room B · Bed 3, 11/29/2026 08:00 Manila time, and a reason. */
async function fillAdmit(user: User, dialog: HTMLElement) {
  const f = within(dialog);
  await user.selectOptions(f.getByLabelText('Shelter'), 'Bahay Pag-asa');
  const bed = f.getByLabelText('Bed');
  await within(bed).findByRole('option', { name: 'Room B · Bed 3' });
  await user.selectOptions(bed, 'Room B · Bed 3');
  await setValue(user, f.getByLabelText('Start date'), '2026-11-29');
  await setValue(user, f.getByLabelText('Start time'), '08:00');
  await user.type(f.getByLabelText('Reason'), 'Rescued on 11/28; needs a safe bed');
}

beforeEach(() => {
  // Only Date is faked: "now" is noon on 11/29/2026 in Manila.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('placement panel', () => {
  it('shows the current placement and the history in the vault time zone', async () => {
    const { container } = renderPanel(panelBridge(), placedCaseFile([PAST, CURRENT]));
    expect(await screen.findByRole('heading', { name: 'Current placement' })).toBeVisible();
    const current = container.querySelector('dl')!;
    expect(current).toHaveTextContent('ShelterBahay Pag-asa');
    expect(current).toHaveTextContent('BedRoom B · Bed 3');
    // 01:30 UTC is 9:30 AM in Manila.
    expect(current).toHaveTextContent('Since11/10/2026 9:30 AM');
    expect(current).toHaveTextContent('ReasonMoved from the temporary shelter');

    const table = screen.getByRole('table', { name: 'Placements, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Bahay Pag-asa',
      'Tahanan Kinship Home',
    ]);
    expect(rows[0]).toHaveTextContent('Current');
    expect(rows[1]).toHaveTextContent('10/21/2026 10:00 AM');
    expect(rows[1]).toHaveTextContent('11/10/2026 9:30 AM');
    expect(screen.getByRole('button', { name: 'Transfer' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Discharge' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Admit to a bed' })).toBeNull();
    await expectNoAxeViolations();
  });

  it('admits to a bed free now, sending the UTC instant of the date and time picked in Manila', async () => {
    const bridge = panelBridge().ok('placements.admit', ADMITTED);
    const { user, queryClient } = renderPanel(bridge, placedCaseFile());
    const invalidated = spyInvalidations(queryClient);
    expect(await screen.findByText('Not placed in a shelter now.')).toBeVisible();
    const dialog = await openAdmit(user);
    const f = within(dialog);
    // Defaults: now, in the vault's time zone.
    expect(f.getByLabelText('Start date')).toHaveValue(TODAY);
    expect(f.getByLabelText('Start time')).toHaveValue('12:00');
    expect(f.getByLabelText('Start date')).toHaveAccessibleDescription(
      'Date and time in Asia/Manila.',
    );

    await user.selectOptions(f.getByLabelText('Shelter'), 'Bahay Pag-asa');
    await within(f.getByLabelText('Bed')).findByRole('option', { name: 'Annex cot' });
    expect(bridge.inputsOf('beds.board')).toEqual([{ shelterId: SIDS.pagasa, asOf: TODAY }]);
    // Only free beds: not the occupied Bed 1, nor Bed 2 held for another child.
    expect(
      within(f.getByLabelText('Bed'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a bed', 'Annex cot', 'Room B · Bed 3']);

    await fillAdmit(user, dialog);
    await user.click(f.getByRole('button', { name: 'Admit' }));

    expect(
      await screen.findByText('AR-2026-0050 was admitted to Room B · Bed 3 at Bahay Pag-asa.'),
    ).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.inputsOf('placements.admit')).toEqual([
      {
        childId: SIDS.child,
        bedId: SIDS.bed3,
        startAt: '2026-11-29T00:00:00.000Z',
        reason: 'Rescued on 11/28; needs a safe bed',
      },
    ]);
    expect(invalidated()).toEqual(
      expect.arrayContaining([
        'children.get',
        'children.timeline',
        'beds.board',
        'beds.occupancy',
        'children.search',
      ]),
    );
  });

  it('opens the admit dialog with focus on its first field, the shelter, while the shelters load', async () => {
    const bridge = panelBridge();
    const shelters = bridge.defer('shelters.names');
    const { user } = renderPanel(bridge, placedCaseFile());
    const dialog = await openAdmit(user);
    const shelter = within(dialog).getByLabelText('Shelter');
    expect(shelter).toHaveFocus();
    shelters.resolve(SHELTER_NAMES);
    await within(shelter).findByRole('option', { name: 'Bahay Pag-asa' });
    expect(shelter).toHaveFocus();
  });

  it('names the clash when the bed is taken, and keeps the form as typed', async () => {
    const bridge = panelBridge().failOnce('placements.admit', ERRORS.bedOverlap);
    const { user } = renderPanel(bridge, placedCaseFile());
    const dialog = await openAdmit(user);
    await fillAdmit(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Admit' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Room B · Bed 3 is taken by AR-2026-0042 (J.D.) from 11/02/2026 to 11/20/2026.',
    );
    const f = within(dialog);
    expect(f.getByLabelText('Shelter')).toHaveValue(SIDS.pagasa);
    expect(f.getByLabelText('Bed')).toHaveValue(SIDS.bed3);
    expect(f.getByLabelText('Start date')).toHaveValue('2026-11-29');
    expect(f.getByLabelText('Start time')).toHaveValue('08:00');
    expect(f.getByLabelText('Reason')).toHaveValue('Rescued on 11/28; needs a safe bed');
  });

  it('asks for a reason to go ahead when a shelter rule is broken, then resubmits with it', async () => {
    const bridge = panelBridge()
      .failOnce('placements.admit', ERRORS.needsOverride)
      .ok('placements.admit', ADMITTED);
    const { user } = renderPanel(bridge, placedCaseFile());
    const dialog = await openAdmit(user);
    await fillAdmit(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Admit' }));

    const warnings = await within(dialog).findByRole('region', {
      name: 'This placement goes against a shelter rule',
    });
    expect(
      within(warnings)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "The shelter's sex rule does not match the child's sex.",
      'A brother or sister of this child is placed in another shelter: siblings would be apart.',
    ]);
    expect(within(dialog).getAllByRole('alert')[0]).toHaveTextContent(
      'This placement goes against a shelter rule. Give a reason to go ahead.',
    );
    const reason = within(warnings).getByLabelText('Reason for going ahead');
    await waitFor(() => expect(reason).toHaveFocus());
    await expectNoAxeViolations();

    // Required, and at least 5 characters, before anything is sent again.
    await user.click(within(dialog).getByRole('button', { name: 'Admit' }));
    expect(reason).toHaveAccessibleDescription(/Write a reason of at least 5 characters\./);
    await user.type(reason, 'ok');
    await user.click(within(dialog).getByRole('button', { name: 'Admit' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.countOf('placements.admit')).toBe(1);

    await user.type(reason, ' — her sister is due to move here next week');
    await user.click(within(dialog).getByRole('button', { name: 'Admit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bridge.inputsOf('placements.admit')[1]).toEqual({
      childId: SIDS.child,
      bedId: SIDS.bed3,
      startAt: '2026-11-29T00:00:00.000Z',
      reason: 'Rescued on 11/28; needs a safe bed',
      overrideReason: 'ok — her sister is due to move here next week',
    });
  });

  it('transfers to another bed, explaining that the old placement ends at the same moment', async () => {
    const bridge = panelBridge().ok('placements.transfer', {
      ...CURRENT,
      bedId: SIDS.cot,
      bedLabel: 'Annex cot',
      room: null,
    });
    const { user, queryClient } = renderPanel(bridge, placedCaseFile([PAST, CURRENT]));
    const invalidated = spyInvalidations(queryClient);
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    const dialog = screen.getByRole('dialog', { name: 'Transfer AR-2026-0050' });
    const f = within(dialog);
    expect(dialog).toHaveTextContent(
      'The placement at Room B · Bed 3 at Bahay Pag-asa ends at the same moment the new one starts.',
    );
    expect(f.getByLabelText('Shelter')).toHaveValue(SIDS.pagasa);
    const bed = f.getByLabelText('Bed');
    await within(bed).findByRole('option', { name: 'Annex cot' });
    // The child's own bed is not a choice.
    expect(within(bed).queryByRole('option', { name: 'Room B · Bed 3' })).toBeNull();
    await user.selectOptions(bed, 'Annex cot');
    await setValue(user, f.getByLabelText('Date'), '2026-11-28');
    await setValue(user, f.getByLabelText('Time'), '17:45');
    await user.type(f.getByLabelText('Reason'), 'Closer to the night staff');
    // The backend's "end before start" reads, for a transfer, as before the current placement.
    bridge.failOnce('placements.transfer', ERR.validation({ at: 'placement.endBeforeStart' }));
    await user.click(f.getByRole('button', { name: 'Transfer' }));
    await waitFor(() =>
      expect(f.getByLabelText('Date')).toHaveAccessibleDescription(
        /This must be after the current placement started\./,
      ),
    );
    await user.click(f.getByRole('button', { name: 'Transfer' }));

    expect(
      await screen.findByText('AR-2026-0050 was transferred to Annex cot at Bahay Pag-asa.'),
    ).toBeVisible();
    expect(bridge.inputsOf('placements.transfer')[1]).toEqual({
      childId: SIDS.child,
      toBedId: SIDS.cot,
      at: '2026-11-28T09:45:00.000Z',
      reason: 'Closer to the night staff',
    });
    expect(invalidated()).toEqual(expect.arrayContaining(['children.get', 'beds.board']));
  });

  it('gives focus to Admit when a discharge takes the Discharge button away', async () => {
    // The case file is read again after the discharge: a stand-in that holds it in state.
    let readAgain = (): void => undefined;
    function CaseFileStandIn() {
      const [file, setFile] = useState(() => placedCaseFile([PAST, CURRENT]));
      readAgain = () => setFile(placedCaseFile([PAST, { ...CURRENT, endAt: NOW.toISOString() }]));
      return (
        <main>
          <h1>Case file</h1>
          <PlacementSection file={file} />
        </main>
      );
    }
    const bridge = panelBridge().ok('placements.discharge', () => {
      setTimeout(() => readAgain(), 0);
      return { ...CURRENT, endAt: NOW.toISOString() };
    });
    const { user } = renderApp(bridge, { only: <CaseFileStandIn /> });
    await user.click(await screen.findByRole('button', { name: 'Discharge' }));
    const f = within(screen.getByRole('dialog', { name: 'Discharge AR-2026-0050' }));
    await user.selectOptions(f.getByLabelText('Destination'), 'Foster care');
    await user.type(f.getByLabelText('Exit note'), 'Placed with a foster family');
    await user.click(f.getByRole('button', { name: 'Discharge' }));
    expect(await screen.findByText('AR-2026-0050 was discharged.')).toBeVisible();
    const admit = await screen.findByRole('button', { name: 'Admit to a bed' });
    await waitFor(() => expect(admit).toHaveFocus());
  });

  it('requires a destination and an exit note to discharge', async () => {
    const bridge = panelBridge().ok('placements.discharge', {
      ...CURRENT,
      endAt: NOW.toISOString(),
      exitDestination: 'family_reintegration',
      exitNote: 'Home study done',
    });
    const { user } = renderPanel(bridge, placedCaseFile([PAST, CURRENT]));
    await user.click(await screen.findByRole('button', { name: 'Discharge' }));
    const dialog = screen.getByRole('dialog', { name: 'Discharge AR-2026-0050' });
    const f = within(dialog);
    await user.click(f.getByRole('button', { name: 'Discharge' }));
    expect(f.getByLabelText('Destination')).toHaveAccessibleDescription('This is required.');
    expect(f.getByLabelText('Exit note')).toHaveAccessibleDescription(
      /Required: what was decided and why\. This is required\./,
    );
    expect(bridge.countOf('placements.discharge')).toBe(0);
    await expectNoAxeViolations();

    await user.selectOptions(f.getByLabelText('Destination'), 'Family reintegration');
    await user.type(f.getByLabelText('Exit note'), '   ');
    await user.click(f.getByRole('button', { name: 'Discharge' }));
    expect(f.getByLabelText('Exit note')).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.countOf('placements.discharge')).toBe(0);

    await user.type(f.getByLabelText('Exit note'), 'Home study done; aunt is ready');
    await user.click(f.getByRole('button', { name: 'Discharge' }));
    expect(await screen.findByText('AR-2026-0050 was discharged.')).toBeVisible();
    expect(bridge.inputsOf('placements.discharge')).toEqual([
      {
        childId: SIDS.child,
        at: '2026-11-29T04:00:00.000Z',
        destination: 'family_reintegration',
        exitNote: 'Home study done; aunt is ready',
      },
    ]);
  });

  it('refuses ending the current placement in the minute it started, at the field, before sending', async () => {
    const bridge = panelBridge();
    const { user } = renderPanel(bridge, placedCaseFile([PAST, CURRENT]));
    await user.click(await screen.findByRole('button', { name: 'Discharge' }));
    const discharge = within(screen.getByRole('dialog', { name: 'Discharge AR-2026-0050' }));
    await user.selectOptions(discharge.getByLabelText('Destination'), 'Family reintegration');
    await user.type(discharge.getByLabelText('Exit note'), 'Went home with the aunt');
    // 11/10/2026 09:30 in Manila is the very instant the current placement began.
    await setValue(user, discharge.getByLabelText('Date'), '2026-11-10');
    await setValue(user, discharge.getByLabelText('Time'), '09:30');
    await user.click(discharge.getByRole('button', { name: 'Discharge' }));
    expect(discharge.getByLabelText('Date')).toHaveAccessibleDescription(
      /This must be after the current placement started\./,
    );
    expect(discharge.getByLabelText('Exit note')).toHaveValue('Went home with the aunt');
    expect(bridge.countOf('placements.discharge')).toBe(0);
    await user.click(discharge.getByRole('button', { name: 'Cancel' }));

    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    const transfer = within(screen.getByRole('dialog', { name: 'Transfer AR-2026-0050' }));
    await setValue(user, transfer.getByLabelText('Date'), '2026-11-10');
    await setValue(user, transfer.getByLabelText('Time'), '09:30');
    await user.click(transfer.getByRole('button', { name: 'Transfer' }));
    expect(transfer.getByLabelText('Date')).toHaveAccessibleDescription(
      /This must be after the current placement started\./,
    );
    expect(bridge.countOf('placements.transfer')).toBe(0);
  });

  it('refuses an edited end equal to the start: a stay of no length', async () => {
    const bridge = panelBridge();
    const { user } = renderPanel(bridge, placedCaseFile([PAST, CURRENT]));
    await user.click(
      await screen.findByRole('button', {
        name: 'Edit dates of the placement at Tahanan Kinship Home from 10/21/2026 10:00 AM',
      }),
    );
    const f = within(screen.getByRole('dialog', { name: 'Edit placement dates' }));
    await setValue(user, f.getByLabelText('End date'), '2026-10-21');
    await setValue(user, f.getByLabelText('End time'), '10:00');
    await user.click(f.getByRole('button', { name: 'Save dates' }));
    expect(f.getByLabelText('End date')).toHaveAccessibleDescription(
      /The end must be after the start\./,
    );
    expect(bridge.countOf('placements.edit')).toBe(0);
  });

  it('edits a past placement: end before start at the field, backend errors at their inputs', async () => {
    const bridge = panelBridge()
      .failOnce('placements.edit', ERR.validation({ startAt: 'date.beforeBirth' }))
      .ok('placements.edit', PAST);
    const { user } = renderPanel(bridge, placedCaseFile([PAST, CURRENT]));
    await user.click(
      await screen.findByRole('button', {
        name: 'Edit dates of the placement at Tahanan Kinship Home from 10/21/2026 10:00 AM',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Edit placement dates' });
    const f = within(dialog);
    expect(f.getByLabelText('Start date')).toHaveValue('2026-10-21');
    expect(f.getByLabelText('Start time')).toHaveValue('10:00');
    expect(f.getByLabelText('End date')).toHaveValue('2026-11-10');
    expect(f.getByLabelText('End time')).toHaveValue('09:30');

    await setValue(user, f.getByLabelText('End date'), '2026-10-01');
    await user.click(f.getByRole('button', { name: 'Save dates' }));
    expect(f.getByLabelText('End date')).toHaveAccessibleDescription(
      /The end must be after the start\./,
    );
    expect(bridge.countOf('placements.edit')).toBe(0);

    await setValue(user, f.getByLabelText('End date'), '2026-11-10');
    await setValue(user, f.getByLabelText('Start date'), '2026-10-19');
    await user.click(f.getByRole('button', { name: 'Save dates' }));
    await waitFor(() =>
      expect(f.getByLabelText('Start date')).toHaveAccessibleDescription(
        /This date is before the child's date of birth\./,
      ),
    );
    await user.click(f.getByRole('button', { name: 'Save dates' }));
    expect(await screen.findByText('The placement dates were saved.')).toBeVisible();
    expect(bridge.inputsOf('placements.edit')[1]).toEqual({
      id: SIDS.oldPlacement,
      startAt: '2026-10-19T02:00:00.000Z',
      endAt: '2026-11-10T01:30:00.000Z',
    });
  });

  it('only lets the start of the current placement be edited', async () => {
    const bridge = panelBridge().failOnce('placements.edit', {
      code: 'CONFLICT',
      message: 'placement.childOverlap',
      details: {
        caseCode: 'AR-2026-0050',
        startAt: '2026-10-21T02:00:00.000Z',
        endAt: '2026-11-10T01:30:00.000Z',
      },
    });
    const file: CaseFile = placedCaseFile([PAST, CURRENT]);
    const { user } = renderPanel(bridge, file);
    await user.click(await screen.findByRole('button', { name: 'Edit dates' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit placement dates' });
    expect(within(dialog).queryByLabelText('End date')).toBeNull();
    expect(dialog).toHaveTextContent('This placement is still open');
    await setValue(user, within(dialog).getByLabelText('Start date'), '2026-11-01');
    await user.click(within(dialog).getByRole('button', { name: 'Save dates' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'AR-2026-0050 already has a placement from 10/21/2026 to 11/10/2026. A child can be in only one place at a time.',
    );
    expect(bridge.inputsOf('placements.edit')).toEqual([
      { id: SIDS.placement, startAt: '2026-11-01T01:30:00.000Z', endAt: null },
    ]);
  });
});
