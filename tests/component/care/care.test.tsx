// The case file's daily records: an incident (a missing-from-care report among them) and the
// times the child is away from the shelter, with their dialogs; and "away" on the bed board.
import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AwayEpisode, Incident } from '../../../shared/care/contract';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { CHILD_IDS, caseFile, casesBridge } from '../support/children';
import { FakeBridge } from '../support/FakeBridge';
import { unlocked } from '../support/fixtures';
import {
  CURRENT,
  SHELTERS,
  SHELTER_NAMES,
  SIDS,
  coordinatorSession,
  pagasaBoard,
} from '../support/shelters';

// Under a full parallel run on two cores, the first render of a screen can take over a second.
configure({ asyncUtilTimeout: 5000 });

const ROUTE = `/cases/${CHILD_IDS.maria}`;
const INCIDENT_ID = '01936f6e-0000-7000-8000-00000000c301';
const AWAY_ID = '01936f6e-0000-7000-8000-00000000c302';

const missingReport: Incident = {
  id: INCIDENT_ID,
  childId: CHILD_IDS.maria,
  kind: 'missing_from_care',
  occurredOn: '2026-03-01',
  occurredTime: '21:00',
  description: 'Not in her room at the 9 pm count',
  informed: ['police', 'dswd'],
  informedNote: null,
  followUp: null,
  awayEpisodeId: AWAY_ID,
};

const missing: AwayEpisode = {
  id: AWAY_ID,
  childId: CHILD_IDS.maria,
  kind: 'missing',
  leftAt: '2026-03-01T13:00:00.000Z',
  plannedReturnOn: null,
  returnedAt: null,
  placementEndedAt: null,
  note: null,
  incidentId: INCIDENT_ID,
  overdue: false,
};

const placedFile = (extra: Parameters<typeof caseFile>[0] = {}) =>
  caseFile({ currentPlacement: { ...CURRENT, childId: CHILD_IDS.maria }, ...extra });

async function openSection(bridge: ReturnType<typeof casesBridge>, heading: string) {
  const rendered = renderApp(bridge, { route: ROUTE });
  await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
  const h2 = screen.getByRole('heading', { level: 2, name: heading });
  // A section behind a content note starts folded: open it as a reader would.
  const disclosure = within(h2).getByRole('button');
  if (disclosure.getAttribute('aria-expanded') === 'false') await rendered.user.click(disclosure);
  return { ...rendered, section: within(h2.closest('section')!) };
}

describe('incidents', () => {
  it('records a missing-from-care report with who was informed, and says she shows as away', async () => {
    const bridge = casesBridge()
      .ok('children.get', placedFile())
      .ok('incidents.save', missingReport);
    const { user, section } = await openSection(bridge, 'Incidents');
    expect(section.getByText('No incidents recorded.')).toBeVisible();
    await user.click(section.getByRole('button', { name: 'Record an incident' }));
    const d = within(screen.getByRole('dialog', { name: 'Record an incident' }));
    await user.selectOptions(d.getByLabelText('Kind'), 'Missing from care');
    await user.clear(d.getByLabelText('Date'));
    await user.type(d.getByLabelText('Date'), '2026-03-01');
    await user.type(d.getByLabelText('Time'), '21:00');
    await user.type(d.getByLabelText('What happened'), 'Not in her room at the 9 pm count');
    await user.click(d.getByRole('checkbox', { name: 'Police' }));
    await user.click(d.getByRole('checkbox', { name: 'DSWD' }));
    await expectNoAxeViolations();
    await user.click(d.getByRole('button', { name: 'Save incident' }));
    expect(
      await section.findByText(
        'The incident was recorded, and the child is shown as away: missing on the bed board.',
      ),
    ).toBeVisible();
    expect(bridge.inputsOf('incidents.save')).toEqual([
      {
        childId: CHILD_IDS.maria,
        kind: 'missing_from_care',
        occurredOn: '2026-03-01',
        occurredTime: '21:00',
        description: 'Not in her room at the 9 pm count',
        informed: ['police', 'dswd'],
      },
    ]);
  });

  it('shows a missing field and a server refusal at their fields, keeping what was typed', async () => {
    const bridge = casesBridge().fail('incidents.save', {
      code: 'VALIDATION',
      message: 'validation',
      fields: { occurredOn: 'date.future' },
    });
    const { user, section } = await openSection(bridge, 'Incidents');
    await user.click(section.getByRole('button', { name: 'Record an incident' }));
    const d = within(screen.getByRole('dialog', { name: 'Record an incident' }));
    await user.type(d.getByLabelText('What happened'), 'A fictional argument');
    await user.click(d.getByRole('button', { name: 'Save incident' }));
    expect(await d.findByText('This is required.')).toBeVisible();
    expect(bridge.countOf('incidents.save')).toBe(0);
    await user.selectOptions(d.getByLabelText('Kind'), 'Conflict with another child');
    await user.click(d.getByRole('button', { name: 'Save incident' }));
    expect(await d.findByText('This date is in the future.')).toBeVisible();
    expect(d.getByLabelText('What happened')).toHaveValue('A fictional argument');
  });

  it('lists who was told and edits an incident in place', async () => {
    const bridge = casesBridge()
      .ok('children.get', placedFile({ incidents: [missingReport] }))
      .ok('incidents.save', { ...missingReport, followUp: 'Return interview' });
    const { user, section } = await openSection(bridge, 'Incidents');
    const table = section.getByRole('table', { name: 'Incidents' });
    expect(table).toHaveTextContent('Police, DSWD');
    expect(table).toHaveTextContent('03/01/2026 9:00 PM');
    await user.click(section.getByRole('button', { name: 'Edit Missing from care on 03/01/2026' }));
    const d = within(screen.getByRole('dialog', { name: 'Edit incident' }));
    expect(d.getByRole('checkbox', { name: 'Police' })).toBeChecked();
    await user.type(d.getByLabelText('Follow-up actions'), 'Return interview');
    await user.click(d.getByRole('button', { name: 'Save incident' }));
    expect(await section.findByText('The incident was saved.')).toBeVisible();
    expect(bridge.inputsOf('incidents.save').at(-1)).toMatchObject({
      id: INCIDENT_ID,
      followUp: 'Return interview',
    });
  });
});

describe('away from the shelter', () => {
  it('records the return of a missing child', async () => {
    const bridge = casesBridge()
      .ok('children.get', placedFile({ awayEpisodes: [missing] }))
      .ok('away.return', { ...missing, returnedAt: '2026-03-02T00:30:00.000Z' });
    const { user, section } = await openSection(bridge, 'Away from the shelter');
    expect(section.getByRole('table', { name: 'Away from the shelter' })).toHaveTextContent(
      'Missing from care',
    );
    // Already away: no second episode can start.
    expect(section.queryByRole('button', { name: 'Mark as away' })).toBeNull();
    await user.click(
      section.getByRole('button', { name: 'Record the return (Missing from care)' }),
    );
    const d = within(screen.getByRole('dialog', { name: 'Record the return (Missing from care)' }));
    await user.clear(d.getByLabelText('Date the child came back'));
    await user.type(d.getByLabelText('Date the child came back'), '2026-03-02');
    await user.type(d.getByLabelText('Time the child came back'), '08:30');
    await expectNoAxeViolations();
    await user.click(d.getByRole('button', { name: 'Record return' }));
    expect(await section.findByText('The return was recorded.')).toBeVisible();
    expect(bridge.inputsOf('away.return')).toEqual([
      { id: AWAY_ID, returnedOn: '2026-03-02', returnedTime: '08:30' },
    ]);
  });

  it('marks a placed child away with a planned return; a refusal stays in the dialog', async () => {
    const earlier: AwayEpisode = {
      ...missing,
      kind: 'hospital',
      plannedReturnOn: '2026-02-20',
      returnedAt: '2026-02-22T02:00:00.000Z',
      incidentId: null,
    };
    const bridge = casesBridge()
      .ok('children.get', placedFile({ awayEpisodes: [earlier] }))
      .fail('away.start', { code: 'CONFLICT', message: 'care.alreadyAway' });
    const { user, section } = await openSection(bridge, 'Away from the shelter');
    await user.click(section.getByRole('button', { name: 'Mark as away' }));
    const d = within(screen.getByRole('dialog', { name: 'Mark the child as away' }));
    await user.selectOptions(d.getByLabelText('Where'), 'At court');
    await user.type(d.getByLabelText('Time the child left'), '07:00');
    await user.type(d.getByLabelText('Planned return'), '2026-03-03');
    await user.click(d.getByRole('button', { name: 'Mark as away' }));
    expect(await d.findByText('The child is already away. Record the return first.')).toBeVisible();
    expect(bridge.inputsOf('away.start')).toEqual([
      expect.objectContaining({
        childId: CHILD_IDS.maria,
        kind: 'court',
        leftTime: '07:00',
        plannedReturnOn: '2026-03-03',
      }),
    ]);
  });

  it('offers nothing to start while the child is not placed', async () => {
    const { section } = await openSection(casesBridge(), 'Away from the shelter');
    expect(
      section.getByText('A child not placed in a shelter now cannot be marked away.'),
    ).toBeVisible();
    expect(section.queryByRole('button', { name: 'Mark as away' })).toBeNull();
  });
});

describe('the bed board', () => {
  it('shows a child away with why and when she is due back, and only "Away" in board mode', async () => {
    const board = pagasaBoard();
    const bed = board.beds.find((b) => b.occupant)!;
    bed.occupant!.away = { kind: 'hospital', plannedReturnOn: '2026-11-27', overdue: true };
    const bridge = new FakeBridge()
      .ok('app.status', unlocked(coordinatorSession()))
      .ok('shelters.list', SHELTERS)
      .ok('shelters.names', SHELTER_NAMES)
      .ok('beds.board', board)
      .ok('beds.occupancy', []);
    const { user } = renderApp(bridge, { route: '/bed-board' });
    const region = await screen.findByRole('region', { name: /^Bahay Pag-asa on/ });
    expect(bridge.inputsOf('beds.board')[0]).toMatchObject({ shelterId: SIDS.pagasa });
    expect(region).toHaveTextContent('Away: in hospital');
    expect(region).toHaveTextContent('Overdue: was due back 11/27/2026');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('checkbox', { name: /Board mode/ }));
    expect(region).not.toHaveTextContent('in hospital');
    expect(within(region).getByText('Away')).toBeVisible();
  });
});

describe('the documents register', () => {
  it('adds a requested birth registration, asking when it is due', async () => {
    const bridge = casesBridge().ok('documents.save', {
      id: '01936f6e-0000-7000-8000-00000000c303',
      childId: CHILD_IDS.maria,
      kind: 'late_registration',
      status: 'requested',
      reference: null,
      keptWhere: null,
      dueOn: '2026-03-09',
      expiresOn: null,
      note: null,
      recordedAt: '2026-03-02T01:00:00.000Z',
    });
    const { user, section } = await openSection(bridge, 'Documents');
    await user.click(section.getByRole('button', { name: 'Add a document' }));
    const d = within(screen.getByRole('dialog', { name: 'Add a document' }));
    await user.selectOptions(d.getByLabelText('Document'), 'Late registration of birth');
    await user.selectOptions(d.getByLabelText('Status'), 'Requested');
    await user.click(d.getByRole('button', { name: 'Save document' }));
    expect(await d.findByText('This is required.')).toBeVisible();
    expect(d.getByLabelText('Due by')).toHaveAccessibleDescription(/This is required/);
    expect(bridge.countOf('documents.save')).toBe(0);
    await user.type(d.getByLabelText('Due by'), '2026-03-09');
    await expectNoAxeViolations();
    await user.click(d.getByRole('button', { name: 'Save document' }));
    expect(await section.findByText('The document was added to the register.')).toBeVisible();
    expect(bridge.inputsOf('documents.save')).toEqual([
      {
        childId: CHILD_IDS.maria,
        kind: 'late_registration',
        status: 'requested',
        dueOn: '2026-03-09',
      },
    ]);
  });

  it('shows documents due or expiring on Today, each leading to the case', async () => {
    const bridge = casesBridge().ok('documents.due', {
      items: [
        {
          id: '01936f6e-0000-7000-8000-00000000c304',
          childId: CHILD_IDS.maria,
          caseCode: 'AR-2026-0042',
          alias: 'M.S.R.',
          kind: 'psa_birth_certificate',
          status: 'missing',
          on: '2026-02-27',
          late: true,
        },
      ],
      total: 1,
    });
    renderApp(bridge, { route: '/today' });
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Documents due or expiring 1 item',
    });
    const panel = within(heading.closest('section')!);
    const table = await panel.findByRole('table', {
      name: 'Documents due within a week or expiring within 30 days',
    });
    expect(table).toHaveTextContent('PSA birth certificate');
    expect(table).toHaveTextContent('Due by 02/27/2026');
    expect(table).toHaveTextContent('Late');
    expect(panel.getByRole('link', { name: 'Open the case file of AR-2026-0042' })).toHaveAttribute(
      'href',
      `#${ROUTE}`,
    );
    await expectNoAxeViolations();
  });
});

describe('the contacts log', () => {
  it('records a video call with the device and the online-safety plan', async () => {
    const bridge = casesBridge().ok('contacts.save', {
      id: '01936f6e-0000-7000-8000-00000000c305',
      childId: CHILD_IDS.maria,
      kind: 'video_call',
      occurredOn: '2026-03-01',
      withWhom: 'Lola Rosa (grandmother)',
      supervised: true,
      supervisedBy: 'Ate Joy',
      device: 'Shelter tablet',
      safetyPlanFollowed: true,
      concerns: null,
    });
    const { user, section } = await openSection(bridge, 'Contacts log');
    await user.click(section.getByRole('button', { name: 'Record a contact' }));
    const d = within(screen.getByRole('dialog', { name: 'Record a contact' }));
    await user.selectOptions(d.getByLabelText('Contact'), 'Video call');
    await user.clear(d.getByLabelText('Date'));
    await user.type(d.getByLabelText('Date'), '2026-03-01');
    await user.type(d.getByLabelText('With whom'), 'Lola Rosa (grandmother)');
    await user.type(d.getByLabelText('Supervised by'), 'Ate Joy');
    await user.click(d.getByRole('button', { name: 'Save contact' }));
    // An online contact names its device and whether the plan was followed.
    expect(await d.findAllByText('This is required.')).toHaveLength(2);
    expect(bridge.countOf('contacts.save')).toBe(0);
    await user.type(d.getByLabelText('Device and account'), 'Shelter tablet');
    await user.selectOptions(d.getByLabelText('Online-safety plan followed?'), 'Yes');
    await expectNoAxeViolations();
    await user.click(d.getByRole('button', { name: 'Save contact' }));
    expect(await section.findByText('The contact was recorded.')).toBeVisible();
    expect(bridge.inputsOf('contacts.save')).toEqual([
      {
        childId: CHILD_IDS.maria,
        kind: 'video_call',
        occurredOn: '2026-03-01',
        withWhom: 'Lola Rosa (grandmother)',
        supervised: true,
        supervisedBy: 'Ate Joy',
        device: 'Shelter tablet',
        safetyPlanFollowed: true,
      },
    ]);
  });
});

describe('a section behind a content note', () => {
  it('starts folded with its note showing, and opens by its heading button', async () => {
    const bridge = casesBridge().ok('children.get', placedFile());
    const { user } = renderApp(bridge, { route: ROUTE });
    await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
    const h2 = screen.getByRole('heading', { level: 2, name: 'Incidents' });
    const incidents = h2.closest('section')!;
    const disclosure = within(h2).getByRole('button', { name: 'Incidents' });
    expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    expect(within(incidents).getByText(/describes incidents in the child's care/)).toBeVisible();
    // Its body is not even rendered until opened: nothing in it is laid out for a reader who never does.
    expect(within(incidents).queryByText('No incidents recorded.')).toBeNull();

    await user.click(disclosure);
    expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    expect(within(incidents).getByText('No incidents recorded.')).toBeVisible();
  });
});
