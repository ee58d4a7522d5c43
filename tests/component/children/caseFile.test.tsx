import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { todayIn } from '../../../shared/time';
import { ERR, caseworkerSession } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import {
  CHILD_IDS,
  LEGAL_NAME,
  OTHER_IDS,
  PREFERRED_NAME,
  caseFile,
  intakeAccount,
  intakeSummary,
  casesBridge,
  childRecord,
  familyMember,
  listRow,
} from '../support/children';

const ROUTE = `/cases/${CHILD_IDS.maria}`;

async function openFile(bridge = casesBridge()) {
  const rendered = renderApp(bridge, { route: ROUTE });
  await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
  return { bridge, ...rendered };
}

function section(name: string): HTMLElement {
  const heading = screen.getByRole('heading', { level: 2, name });
  const element = heading.closest('section');
  if (!element) throw new Error(`no section ${name}`);
  return element;
}

describe('case file', () => {
  it('hides the names behind the privacy screen until "Show name", per view', async () => {
    const bridge = casesBridge().ok('children.get', caseFile({ family: [familyMember()] }));
    const { user, queryClient } = await openFile(bridge);
    const names = screen.getByRole('region', { name: 'Names' });
    // The legal name, the preferred name and the real initials.
    expect(within(names).getAllByText('Hidden')).toHaveLength(3);
    expect(document.body).not.toHaveTextContent('M.C.D.C.');
    expect(document.body).not.toHaveTextContent(LEGAL_NAME);
    expect(document.body).not.toHaveTextContent(PREFERRED_NAME);
    // Family members' names are hidden too: they would name the child's family.
    expect(document.body).not.toHaveTextContent('Rosa dela Cruz');
    expect(screen.getByRole('checkbox', { name: 'Privacy screen' })).toBeChecked();
    // The names are not even asked for until "Show name".
    expect(bridge.countOf('children.revealName')).toBe(0);

    await user.click(within(names).getByRole('button', { name: 'Show name' }));
    expect(await within(names).findByText(LEGAL_NAME)).toBeVisible();
    expect(within(names).getByText(PREFERRED_NAME)).toBeVisible();
    expect(within(names).getByText('M.C.D.C.')).toBeVisible();
    expect(screen.getByText('Rosa dela Cruz')).toBeVisible();
    expect(bridge.inputsOf('children.revealName')).toEqual([{ id: CHILD_IDS.maria }]);
    await user.click(within(names).getByRole('button', { name: 'Hide name' }));
    expect(document.body).not.toHaveTextContent(LEGAL_NAME);
    // Hidden, the names leave the cache; showing them again asks (and is audited) again.
    await waitFor(() =>
      expect(queryClient.getQueryCache().findAll({ queryKey: ['children.revealName'] })).toEqual(
        [],
      ),
    );
    await user.click(within(names).getByRole('button', { name: 'Show name' }));
    expect(await within(names).findByText(LEGAL_NAME)).toBeVisible();
    expect(bridge.countOf('children.revealName')).toBe(2);
    await user.click(within(names).getByRole('button', { name: 'Hide name' }));

    // Switched off, names show without a click, and on the next case file too.
    await user.click(screen.getByRole('checkbox', { name: 'Privacy screen' }));
    expect(await within(names).findByText(LEGAL_NAME)).toBeVisible();
    expect(within(names).queryByRole('button', { name: 'Show name' })).toBeNull();
    // Switched on again, the names are hidden at once.
    await user.click(screen.getByRole('checkbox', { name: 'Privacy screen' }));
    expect(document.body).not.toHaveTextContent(LEGAL_NAME);
  });

  it('forgets the revealed names and the open intake account when Aruga locks', async () => {
    const bridge = casesBridge()
      .ok(
        'children.get',
        caseFile({
          intakeAccount: intakeSummary(),
        }),
      )
      .ok('intake.open', intakeAccount())
      .ok('auth.signIn', caseworkerSession());
    const { user, queryClient } = await openFile(bridge);
    await user.click(screen.getByRole('button', { name: 'Show name' }));
    await user.click(screen.getByRole('button', { name: 'Open intake account' }));
    await screen.findByText('Canary account text');
    await screen.findByText(LEGAL_NAME);

    act(() => bridge.emitLock('idle'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Aruga is locked' })).toBeVisible();
    expect(document.body).not.toHaveTextContent(LEGAL_NAME);
    expect(document.body).not.toHaveTextContent('Canary account text');
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    expect(queryClient.getMutationCache().getAll()).toHaveLength(0);

    await user.type(screen.getByLabelText('Username'), 'bayani');
    await user.type(screen.getByLabelText('Password'), 'violet kettle marching lanterns');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // Back on the same case file, with the names hidden and the account closed again.
    expect(await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' })).toBeVisible();
    expect(document.body).not.toHaveTextContent(LEGAL_NAME);
    expect(screen.getByRole('button', { name: 'Open intake account' })).toBeVisible();
    expect(bridge.countOf('intake.open')).toBe(1);
  });

  it('says when the legal name is not known yet', async () => {
    const bridge = casesBridge()
      .ok('children.get', caseFile({ child: childRecord({ legalNameKnown: false }) }))
      .ok('children.revealName', {
        legalName: null,
        preferredName: PREFERRED_NAME,
        legalInitials: 'M.',
      });
    const { user } = await openFile(bridge);
    const names = screen.getByRole('region', { name: 'Names' });
    await user.click(within(names).getByRole('button', { name: 'Show name' }));
    expect(await within(names).findByText('Not known yet')).toBeVisible();
    expect(within(names).getByText(PREFERRED_NAME)).toBeVisible();
  });

  it('shows the header: case code, alias, status, age, shelter and caseworker', async () => {
    await openFile(
      casesBridge().ok(
        'children.get',
        caseFile({
          child: childRecord({
            age: 9,
            ageEstimated: true,
            birth: { kind: 'estimated', estimatedAgeYears: 8, asOf: '2025-06-01' },
          }),
        }),
      ),
    );
    const heading = screen.getByRole('heading', { level: 1, name: 'AR-2026-0042' });
    const header = heading.closest('header')!;
    expect(within(header).getByText('R.T.L.')).toBeVisible();
    expect(within(header).getByText('Intake')).toBeVisible();
    const summary = within(header)
      .getAllByRole('term')
      .slice(0, 3)
      .map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(summary).toEqual(['Age: 9 (est.)', 'Shelter: Not placed', 'Caseworker: Bayani Cruz']);
    expect(screen.getByText('About 8 years old on 06/01/2025 (estimated)')).toBeVisible();
  });

  it('keeps the intake account collapsed behind its content note until opened (audited by intake.open)', async () => {
    const bridge = casesBridge()
      .ok(
        'children.get',
        caseFile({
          intakeAccount: intakeSummary({ recordedByName: 'Bayani Cruz' }),
        }),
      )
      .ok('intake.open', intakeAccount({ recordedByName: 'Bayani Cruz' }));
    const { user } = await openFile(bridge);
    const intake = section('Intake account');
    expect(
      within(intake).getByText(
        "This section holds the child's account of what happened. Open it only if your work needs it now.",
      ),
    ).toBeVisible();
    expect(
      within(intake).getByText(/^Recorded 03\/01\/2026 10:00 AM by Bayani Cruz\./),
    ).toBeVisible();
    expect(within(intake).getByText(/Do not interview the child again/)).toBeVisible();
    expect(within(intake).getByText('Video V-2026-014, WCPD Cebu')).toBeVisible();
    expect(document.body).not.toHaveTextContent('Canary account text');
    expect(bridge.countOf('intake.open')).toBe(0);

    await user.click(within(intake).getByRole('button', { name: 'Open intake account' }));
    expect(await within(intake).findByText('Canary account text')).toBeVisible();
    expect(bridge.inputsOf('intake.open')).toEqual([{ childId: CHILD_IDS.maria }]);

    await user.click(within(intake).getByRole('button', { name: 'Close intake account' }));
    expect(document.body).not.toHaveTextContent('Canary account text');
    expect(within(intake).getByRole('button', { name: 'Open intake account' })).toBeVisible();
  });

  it('records the intake account once, saying later forms link to it', async () => {
    const bridge = casesBridge().ok('intake.record', null);
    const { user } = await openFile(bridge);
    const intake = section('Intake account');
    expect(within(intake).getByText('No intake account has been recorded.')).toBeVisible();
    await user.click(within(intake).getByRole('button', { name: 'Record intake account' }));
    expect(within(intake).getByText(/recorded once and cannot be asked for again/)).toBeVisible();
    bridge.ok('children.get', caseFile({ intakeAccount: intakeSummary() }));
    await user.selectOptions(
      within(intake).getByLabelText('Where the account is held'),
      'Joint interview',
    );
    await user.type(within(intake).getByLabelText('Reference'), 'Joint interview JI-0042');
    await user.click(within(intake).getByRole('button', { name: 'Save intake account' }));
    expect(await within(intake).findByText('The intake account was recorded.')).toBeVisible();
    // The free text is optional: the reference is enough.
    expect(bridge.inputsOf('intake.record')).toEqual([
      {
        childId: CHILD_IDS.maria,
        heldWhere: 'joint_interview',
        reference: 'Joint interview JI-0042',
      },
    ]);
    expect(
      await within(intake).findByRole('button', { name: 'Open intake account' }),
    ).toBeVisible();
    expect(bridge.countOf('intake.open')).toBe(0);
  });

  it('shows no safety column or flags when the backend withholds them (safety: null)', async () => {
    const bridge = casesBridge().ok(
      'children.get',
      caseFile({ family: [familyMember({ safety: null })] }),
    );
    await openFile(bridge);
    const family = section('Family and significant persons');
    expect(within(family).getByRole('cell', { name: 'Mother' })).toBeVisible();
    expect(within(family).queryByRole('columnheader', { name: 'Safety' })).toBeNull();
    expect(family).not.toHaveTextContent(/alleged offender|no-contact/i);
  });

  it('shows alleged-offender and no-contact-order flags as badges with their dates', async () => {
    const bridge = casesBridge().ok(
      'children.get',
      caseFile({
        family: [
          familyMember(),
          familyMember({
            id: OTHER_IDS.uncle,
            name: 'Ramon Cruz',
            relationship: 'Uncle',
            livesInHousehold: false,
            safety: {
              allegedOffender: true,
              allegedOffenderSince: '2026-02-20',
              noContactOrder: true,
              noContactOrderDate: '2026-03-03',
              orderExpiresOn: null,
              supervisedOnly: false,
            },
          }),
        ],
      }),
    );
    await openFile(bridge);
    const family = section('Family and significant persons');
    const uncle = within(family).getByRole('cell', { name: 'Uncle' }).closest('tr')!;
    expect(within(uncle).getByText('Alleged offender since 02/20/2026')).toBeVisible();
    expect(within(uncle).getByText('No-contact order from 03/03/2026')).toBeVisible();
    const mother = within(family).getByRole('cell', { name: 'Mother' }).closest('tr')!;
    expect(within(mother).getByText('None')).toBeVisible();
    await expectNoAxeViolations();
  });

  it('adds a family member with the alleged-offender flag; a backend date error lands at the field', async () => {
    const bridge = casesBridge()
      .failOnce('family.save', ERR.validation({ allegedOffenderSince: 'date.future' }))
      .ok('family.save', familyMember());
    const { user } = await openFile(bridge);
    const family = section('Family and significant persons');
    await user.click(within(family).getByRole('button', { name: 'Add family member' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Add a family member or significant person',
    });
    const d = within(dialog);
    await user.type(d.getByLabelText('Name'), 'Ramon Cruz');
    await user.type(d.getByLabelText('Relationship'), 'Uncle');
    await user.click(d.getByRole('checkbox', { name: 'Alleged offender' }));
    await user.type(d.getByLabelText('Alleged offender since'), '2026-02-20');
    await user.click(d.getByRole('button', { name: 'Save person' }));
    const since = d.getByLabelText('Alleged offender since');
    await waitFor(() => expect(since).toHaveAccessibleDescription('This date is in the future.'));
    expect(d.getByLabelText('Name')).toHaveValue('Ramon Cruz');

    await user.click(d.getByRole('button', { name: 'Save person' }));
    expect(await within(family).findByText('The person was added.')).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.inputsOf('family.save').at(-1)).toEqual({
      childId: CHILD_IDS.maria,
      name: 'Ramon Cruz',
      relationship: 'Uncle',
      livesInHousehold: false,
      householdAccess: false,
      allegedOffender: true,
      allegedOffenderSince: '2026-02-20',
      noContactOrder: false,
      supervisedOnly: false,
    });
  });

  it('neither closes nor reopens with children.setStatus: that is the closure section', async () => {
    const closed = casesBridge().ok(
      'children.get',
      caseFile({ child: childRecord({ status: 'closed' }) }),
    );
    const first = await openFile(closed);
    expect(
      screen.getByText('This case is closed. It is reopened with a reason under Case closure.'),
    ).toBeVisible();
    expect(screen.queryByRole('form', { name: 'Case status' })).toBeNull();
    first.unmount();

    const bridge = casesBridge()
      .ok('children.get', caseFile({ child: childRecord({ status: 'intake' }) }))
      .ok('children.setStatus', childRecord({ status: 'transferred' }));
    const { user } = await openFile(bridge);
    const control = screen.getByRole('form', { name: 'Case status' });
    // "In care" comes only from a placement, "Closed" only from an approved closure.
    expect(within(control).queryByRole('option', { name: 'In care' })).toBeNull();
    expect(within(control).queryByRole('option', { name: 'Closed' })).toBeNull();
    await user.selectOptions(within(control).getByLabelText('Change status to'), 'Transferred');
    await user.click(within(control).getByRole('button', { name: 'Change status' }));
    expect(await within(control).findByText('The status is now Transferred.')).toBeVisible();
    expect(bridge.inputsOf('children.setStatus')).toEqual([
      { id: CHILD_IDS.maria, status: 'transferred' },
    ]);
  });

  it('records and withdraws consent', async () => {
    const today = todayIn(DEFAULT_SETTINGS.timeZone);
    const consent = {
      id: OTHER_IDS.consent,
      childId: CHILD_IDS.maria,
      type: 'sharing' as const,
      agency: 'DSWD Region VII',
      givenBy: 'guardian' as const,
      givenByMemberId: null,
      givenOn: '2026-03-02',
      scope: 'Case summary for the MDT conference',
      withdrawnOn: null,
      withdrawnReason: null,
    };
    const bridge = casesBridge()
      .ok('children.get', caseFile({ consents: [consent] }))
      .ok('consents.record', consent)
      .ok('consents.withdraw', {
        ...consent,
        withdrawnOn: today,
        withdrawnReason: 'Asked to stop',
      });
    const { user } = await openFile(bridge);
    const consents = section('Consents');
    expect(within(consents).getByText('Sharing with an agency: DSWD Region VII')).toBeVisible();
    expect(within(consents).getByText('Active')).toBeVisible();

    await user.click(within(consents).getByRole('button', { name: 'Record consent' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Record a consent' }));
    await user.selectOptions(dialog.getByLabelText('Consent for'), 'Sharing with an agency');
    await user.selectOptions(dialog.getByLabelText('Given by'), 'The child');
    await user.type(dialog.getByLabelText('Scope'), 'School records');
    await user.click(dialog.getByRole('button', { name: 'Save consent' }));
    // Sharing names an agency: caught before the backend is asked.
    expect(dialog.getByLabelText('Agency')).toHaveAccessibleDescription(
      /Name the agency for a sharing consent\./,
    );
    expect(bridge.countOf('consents.record')).toBe(0);
    await user.type(dialog.getByLabelText('Agency'), 'DepEd Cebu');
    await user.click(dialog.getByRole('button', { name: 'Save consent' }));
    expect(await within(consents).findByText('The consent was recorded.')).toBeVisible();
    expect(bridge.inputsOf('consents.record')).toEqual([
      {
        childId: CHILD_IDS.maria,
        type: 'sharing',
        agency: 'DepEd Cebu',
        givenBy: 'child',
        givenOn: today,
        scope: 'School records',
      },
    ]);

    await user.click(
      within(consents).getByRole('button', {
        name: 'Withdraw Sharing with an agency consent of 03/02/2026',
      }),
    );
    const withdraw = within(screen.getByRole('dialog', { name: 'Withdraw consent' }));
    await user.type(withdraw.getByLabelText('Reason'), 'Asked to stop');
    await user.click(withdraw.getByRole('button', { name: 'Withdraw consent' }));
    expect(await within(consents).findByText('The consent was withdrawn.')).toBeVisible();
    expect(bridge.inputsOf('consents.withdraw')).toEqual([
      { id: OTHER_IDS.consent, withdrawnOn: today, reason: 'Asked to stop' },
    ]);
  });

  it('links a sibling found by case code, and unlinks one', async () => {
    const sibling = listRow({ id: CHILD_IDS.jun, caseCode: 'AR-2026-0041', alias: 'B.N.S.' });
    const bridge = casesBridge()
      .ok('children.get', caseFile({ siblings: [sibling] }))
      .ok('children.search', {
        rows: [listRow(), listRow({ id: CHILD_IDS.nino, caseCode: 'AR-2026-0007', alias: 'N.S.' })],
        total: 2,
      })
      .ok('siblings.link', null)
      .ok('siblings.unlink', null);
    const { user } = await openFile(bridge);
    const siblings = section('Siblings in care');
    expect(within(siblings).getByRole('link', { name: 'AR-2026-0041' })).toBeVisible();

    await user.type(within(siblings).getByLabelText('Find a sibling by case code'), 'AR-2026-0007');
    await user.click(within(siblings).getByRole('button', { name: 'Find' }));
    const results = await within(siblings).findByRole('list', { name: 'Children found' });
    // The child themself is not offered.
    expect(within(results).getAllByRole('listitem')).toHaveLength(1);
    await user.click(within(results).getByRole('button', { name: 'Link AR-2026-0007 as sibling' }));
    expect(
      await within(siblings).findByText('AR-2026-0007 is now linked as a sibling.'),
    ).toBeVisible();
    expect(bridge.inputsOf('siblings.link')).toEqual([
      { childId: CHILD_IDS.maria, siblingId: CHILD_IDS.nino },
    ]);
    expect(bridge.inputsOf('children.search').at(-1)).toMatchObject({ text: 'AR-2026-0007' });

    await user.click(within(siblings).getByRole('button', { name: 'Unlink AR-2026-0041' }));
    expect(
      await within(siblings).findByText('AR-2026-0041 is no longer linked as a sibling.'),
    ).toBeVisible();
    expect(bridge.inputsOf('siblings.unlink')).toEqual([{ childId: CHILD_IDS.jun }]);
  });

  it('case plan: adds a goal in the child’s words and marks a task done with every field kept', async () => {
    const today = todayIn(DEFAULT_SETTINGS.timeZone);
    const goal = {
      id: OTHER_IDS.goal,
      childId: CHILD_IDS.maria,
      domain: 'economic_empowerment_education' as const,
      goalInChildWords: 'I want to finish Grade 6',
      responsible: 'Bayani Cruz',
      targetDate: '2026-06-30',
      status: 'in_progress' as const,
    };
    const task = {
      id: OTHER_IDS.task,
      childId: CHILD_IDS.maria,
      goalId: OTHER_IDS.goal,
      title: 'Enrol at the school',
      dueDate: '2026-01-15',
      responsible: 'Bayani Cruz',
      doneOn: null,
    };
    const bridge = casesBridge()
      .ok('children.get', caseFile({ goals: [goal], tasks: [task] }))
      .ok('plan.saveGoal', goal)
      .ok('plan.saveTask', { ...task, doneOn: today });
    const { user } = await openFile(bridge);
    const plan = section('Case plan');
    // The goal, and the task that belongs to it.
    expect(within(plan).getAllByText('I want to finish Grade 6')).toHaveLength(2);
    expect(within(plan).getByText('Overdue')).toBeVisible();

    await user.click(within(plan).getByRole('button', { name: 'Mark done: Enrol at the school' }));
    expect(await within(plan).findByText('Marked done: Enrol at the school.')).toBeVisible();
    expect(bridge.inputsOf('plan.saveTask')).toEqual([
      {
        id: OTHER_IDS.task,
        childId: CHILD_IDS.maria,
        goalId: OTHER_IDS.goal,
        title: 'Enrol at the school',
        dueDate: '2026-01-15',
        responsible: 'Bayani Cruz',
        doneOn: today,
      },
    ]);

    await user.click(within(plan).getByRole('button', { name: 'Add goal' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Add a goal' }));
    await user.selectOptions(dialog.getByLabelText('Domain'), 'Safety');
    await user.type(
      dialog.getByLabelText("Goal in the child's own words"),
      'I want to feel safe at night',
    );
    await user.type(dialog.getByLabelText('Responsible'), 'House parent');
    await user.click(dialog.getByRole('button', { name: 'Save goal' }));
    expect(await within(plan).findByText('The goal was added.')).toBeVisible();
    expect(bridge.inputsOf('plan.saveGoal')).toEqual([
      {
        childId: CHILD_IDS.maria,
        domain: 'safety',
        goalInChildWords: 'I want to feel safe at night',
        responsible: 'House parent',
        status: 'not_started',
      },
    ]);
  });

  it('adds a legal event with date, time, court and case number', async () => {
    const bridge = casesBridge().ok('legal.save', {
      id: OTHER_IDS.legal,
      childId: CHILD_IDS.maria,
      kind: 'hearing',
      date: '2026-12-10',
      time: '09:30',
      court: 'RTC Branch 10, Cebu City',
      caseNumber: 'R-CEB-26-0042-CR',
      notes: null,
    });
    const { user } = await openFile(bridge);
    const legal = section('Legal events');
    await user.click(within(legal).getByRole('button', { name: 'Add legal event' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Add a legal event' }));
    await user.selectOptions(dialog.getByLabelText('Kind'), 'Hearing');
    await user.type(dialog.getByLabelText('Date'), '2026-12-10');
    await user.type(dialog.getByLabelText('Time'), '09:30');
    await user.type(dialog.getByLabelText('Court'), 'RTC Branch 10, Cebu City');
    await user.type(dialog.getByLabelText('Case number'), 'R-CEB-26-0042-CR');
    await user.click(dialog.getByRole('button', { name: 'Save legal event' }));
    expect(await within(legal).findByText('The legal event was added.')).toBeVisible();
    expect(bridge.inputsOf('legal.save')).toEqual([
      {
        childId: CHILD_IDS.maria,
        kind: 'hearing',
        date: '2026-12-10',
        time: '09:30',
        court: 'RTC Branch 10, Cebu City',
        caseNumber: 'R-CEB-26-0042-CR',
      },
    ]);
  });

  it('removes a family member after confirming; a refused removal says why and is not kept on reopening', async () => {
    const bridge = casesBridge()
      .ok('children.get', caseFile({ family: [familyMember()] }))
      .failOnce('family.remove', { code: 'FORBIDDEN', message: 'forbidden' })
      .ok('family.remove', null);
    const { user } = await openFile(bridge);
    const family = section('Family and significant persons');
    await user.click(within(family).getByRole('button', { name: 'Remove Mother' }));
    let dialog = within(screen.getByRole('dialog', { name: 'Remove this person?' }));
    expect(dialog.getByText('The Mother will be removed from the case file.')).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Remove' }));
    expect(await dialog.findByText('Your role does not allow this.')).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(within(family).getByRole('button', { name: 'Remove Mother' }));
    dialog = within(screen.getByRole('dialog', { name: 'Remove this person?' }));
    expect(dialog.queryByText('Your role does not allow this.')).toBeNull();
    await user.click(dialog.getByRole('button', { name: 'Remove' }));
    expect(await within(family).findByText('The person was removed.')).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.inputsOf('family.remove')).toEqual([
      { id: OTHER_IDS.mother },
      { id: OTHER_IDS.mother },
    ]);
  });

  it('removes a legal event after confirming, named by its kind and date', async () => {
    const event = {
      id: OTHER_IDS.legal,
      childId: CHILD_IDS.maria,
      kind: 'hearing' as const,
      date: '2026-12-10',
      time: '09:30',
      court: 'RTC Branch 10, Cebu City',
      caseNumber: 'R-CEB-26-0042-CR',
      notes: null,
    };
    const bridge = casesBridge()
      .ok('children.get', caseFile({ legalEvents: [event] }))
      .ok('legal.remove', null);
    const { user } = await openFile(bridge);
    const legal = section('Legal events');
    const remove = within(legal).getByRole('button', { name: /^Remove Hearing/ });
    remove.focus();
    await user.keyboard('{Enter}');
    const dialog = within(screen.getByRole('dialog', { name: 'Remove this legal event?' }));
    await user.click(dialog.getByRole('button', { name: 'Remove' }));
    expect(await within(legal).findByText('The legal event was removed.')).toBeVisible();
    expect(bridge.inputsOf('legal.remove')).toEqual([{ id: OTHER_IDS.legal }]);
  });

  it('shows the timeline newest first, in the vault time zone', async () => {
    await openFile();
    const timeline = section('Timeline');
    const items = await within(timeline).findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      // 06:30 UTC is 2:30 PM in Asia/Manila.
      '03/05/2026 2:30 PMAdmitted to Bahay Pag-asa, B-2',
      // Registered the day the record was made (01:00 UTC is 9:00 AM in Manila), not at intake.
      '03/02/2026 9:00 AMRegistered as AR-2026-0042',
    ]);
  });

  it('asks for the timeline together with the case file, not after it has rendered', async () => {
    const bridge = casesBridge();
    const file = bridge.defer('children.get');
    renderApp(bridge, { route: ROUTE });
    await waitFor(() => expect(bridge.countOf('children.get')).toBe(1));
    expect(bridge.inputsOf('children.timeline')).toEqual([{ id: CHILD_IDS.maria }]);
    file.resolve(caseFile());
    const timeline = await waitFor(() => section('Timeline'));
    expect(await within(timeline).findAllByRole('listitem')).toHaveLength(2);
    expect(bridge.countOf('children.timeline')).toBe(1);
  });

  it('folds a section by its heading button', async () => {
    const { user } = await openFile();
    const toggle = screen.getByRole('button', { name: 'Legal events' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Add legal event' })).toBeNull();
  });

  it('has no axe violations, with every section filled', async () => {
    await openFile(
      casesBridge().ok(
        'children.get',
        caseFile({
          family: [familyMember()],
          siblings: [listRow({ id: CHILD_IDS.jun, caseCode: 'AR-2026-0041' })],
          intakeAccount: intakeSummary(),
        }),
      ),
    );
    await screen.findAllByText('Admitted to Bahay Pag-asa, B-2');
    await expectNoAxeViolations();
  });

  it('says so when the case is not found, without calling the backend for a malformed id', async () => {
    const bridge = casesBridge();
    renderApp(bridge, { route: '/cases/not-an-id' });
    expect(
      await screen.findByText('That item was not found. It may have been removed.'),
    ).toBeVisible();
    expect(bridge.countOf('children.get')).toBe(0);
  });
});
