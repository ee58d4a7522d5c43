// Reintegration screens with a fake backend: the case file lists assessments and names a "not
// safe" one; a new readiness assessment is started for a household; the draft autosaves as it
// is rated and a refused submission shows each problem at its field, keeping what was typed; a
// coordinator approves another's submitted assessment but not their own; the queue links to it.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyPlan, type Assessment } from '../../../shared/reintegration/contract';
import type { InstrumentEntry } from '../../../shared/reintegration/instruments';
import { CHILD_IDS, caseFile, casesBridge, familyMember } from '../support/children';
import { caseworkerSession, session, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

/** A readiness instrument cut down to what the screens need (the shipped one has nine domains). */
const READINESS: InstrumentEntry = {
  code: 'ARUGA-FRR',
  version: 1,
  name: 'Family Reintegration Readiness',
  kind: 'readiness',
  builtIn: true,
  scale: [
    { value: -3, label: 'Serious problem' },
    { value: -2, label: 'Moderate problem' },
    { value: -1, label: 'Mild problem' },
    { value: 0, label: 'Adequate' },
    { value: 1, label: 'Mild strength' },
    { value: 2, label: 'Clear strength' },
  ],
  domains: [
    {
      key: 'familySafety',
      label: 'Family safety',
      scoring: 'min',
      items: [
        {
          key: 'offenderAccess',
          label: 'No access by the offender',
          required: true,
          notKnownAllowed: false,
          unsafeAtOrBelow: -2,
        },
        {
          key: 'violence',
          label: 'Free of violence',
          required: true,
          notKnownAllowed: false,
          unsafeAtOrBelow: -2,
        },
      ],
    },
    {
      key: 'childWishes',
      label: "The child's wishes",
      scoring: 'mean',
      items: [
        {
          key: 'wantsReturn',
          label: 'Wishes to live in this household',
          required: true,
          notKnownAllowed: false,
        },
      ],
    },
  ],
  overall: 'mean',
  bands: [
    { key: 'notSafe', label: 'Not safe to return', atLeast: -3, notSafe: true },
    { key: 'ready', label: 'Ready', atLeast: 0, notSafe: false },
  ],
};
const ASSESSMENT_ID = '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5e01';
const OTHER_ASSESSMENT_ID = '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5e02';
const COORDINATOR_ID = '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5e02';
const AUNT = '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5e03';
const coordinatorSession = () =>
  session({
    userId: COORDINATOR_ID,
    displayName: 'Dalisay Lim',
    username: 'dalisay',
    role: 'coordinator',
  });

function assessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: ASSESSMENT_ID,
    childId: CHILD_IDS.maria,
    instrumentCode: 'ARUGA-FRR',
    instrumentVersion: 1,
    status: 'draft',
    household: { kind: 'kinship', label: "Tita Lorna's home", memberIds: [AUNT] },
    visitDates: ['2026-11-20'],
    interviewed: 'The aunt',
    answers: {},
    evidence: {},
    childVoice: { consulted: null, how: '', whyNot: '', wishes: '' },
    recommendation: null,
    plan: emptyPlan(),
    score: {
      domains: {},
      overall: null,
      bandKey: null,
      notSafe: false,
      notSafeReasons: [],
      meetsClosure: null,
    },
    createdBy: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5c70',
    createdByName: 'Bayani Cruz',
    submittedAt: null,
    reviews: [],
    ageOverride: null,
    ...overrides,
  };
}

const route = `/reintegration/children/${CHILD_IDS.maria}/assessments/${ASSESSMENT_ID}`;

describe('the case file section', () => {
  it('lists the assessments, names a not-safe result, and starts a new one for a household', async () => {
    const mother = assessment({
      id: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5e09',
      household: { kind: 'family', label: "Mother's home", memberIds: [] },
      score: {
        ...assessment().score,
        notSafe: true,
        notSafeReasons: [{ kind: 'allegedOffender', relationship: 'Mother' }],
      },
    });
    const bridge = casesBridge()
      .ok(
        'children.get',
        caseFile({
          family: [
            familyMember(),
            familyMember({ id: AUNT, relationship: 'Aunt', livesInHousehold: false }),
          ],
        }),
      )
      .ok('reintegration.instruments', [READINESS])
      .ok('reintegration.save', assessment());
    // The new draft is in the list once it was saved.
    bridge.ok('reintegration.list', () =>
      bridge.countOf('reintegration.save') > 0 ? [assessment(), mother] : [mother],
    );
    const { user } = renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    const section = await screen.findByRole('region', { name: 'Reintegration assessments' });
    const row = await within(section).findByRole('row', { name: /Mother's home/ });
    expect(within(row).getByText('Not safe')).toBeTruthy();
    await expectNoAxeViolations();

    await user.click(within(section).getByRole('button', { name: 'New assessment' }));
    const dialog = await screen.findByRole('dialog', { name: 'New assessment' });
    await user.click(within(dialog).getByRole('button', { name: 'Start the assessment' }));
    expect(within(dialog).getByText('This is required.')).toBeTruthy();
    await user.selectOptions(
      within(dialog).getByLabelText('Instrument'),
      'Family Reintegration Readiness (ARUGA-FRR v1)',
    );
    await user.selectOptions(within(dialog).getByLabelText('Whose household'), 'Kinship care');
    await user.type(within(dialog).getByLabelText(/Household name/), "Tita Lorna's home");
    await user.click(within(dialog).getByRole('checkbox', { name: 'Aunt' }));
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Start the assessment' }));
    await screen.findByRole('heading', {
      level: 1,
      name: 'Family Reintegration Readiness, version 1',
    });
    expect(bridge.inputsOf('reintegration.save')[0]).toMatchObject({
      childId: CHILD_IDS.maria,
      instrumentCode: 'ARUGA-FRR',
      household: { kind: 'kinship', label: "Tita Lorna's home", memberIds: [AUNT] },
    });
    expect(bridge.unexpected).toEqual([]);
  });
});

describe('the draft', () => {
  it('autosaves each rating and shows a refused submission at its fields, keeping the input', async () => {
    const bridge = casesBridge()
      .ok('reintegration.list', [assessment()])
      .ok('reintegration.instruments', [READINESS])
      .ok('reintegration.save', assessment())
      .failOnce('reintegration.submit', {
        code: 'VALIDATION',
        message: 'validation',
        fields: { 'answers.violence': 'required', consultedHow: 'reintegration.consultedHow' },
      });
    const { user } = renderApp(bridge, { route });
    const rating = await screen.findByLabelText('No access by the offender');
    await user.selectOptions(rating, '2: Clear strength');
    await waitFor(() => expect(bridge.countOf('reintegration.save')).toBe(1), { timeout: 3000 });
    expect(bridge.inputsOf('reintegration.save')[0]).toMatchObject({
      id: ASSESSMENT_ID,
      answers: { offenderAccess: 2 },
    });
    await screen.findByText(/^Saved at/);
    await user.type(
      screen.getByLabelText("The child's wishes, in the child's own words"),
      'Gusto ko mag-aral',
    );
    await user.click(screen.getByRole('button', { name: 'Submit for review' }));
    const violence = screen.getByLabelText('Free of violence');
    await waitFor(() => expect(violence.getAttribute('aria-invalid')).toBe('true'));
    expect(
      screen
        .getByLabelText('How the child was consulted, in a way suited to their age')
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(screen.getByText('Say how the child was consulted.')).toBeTruthy();
    expect(
      (screen.getByLabelText("The child's wishes, in the child's own words") as HTMLTextAreaElement)
        .value,
    ).toBe('Gusto ko mag-aral');
    // The submission saved what was typed first.
    expect(bridge.inputsOf('reintegration.save').at(-1)).toMatchObject({
      childWishes: 'Gusto ko mag-aral',
    });
    await expectNoAxeViolations();
  });

  it('shows the result of each saved rating: a safety item at its cut-off makes it not safe', async () => {
    const bridge = casesBridge()
      .ok('reintegration.list', [assessment()])
      .ok('reintegration.instruments', [READINESS])
      .ok('reintegration.save', assessment());
    const { user } = renderApp(bridge, { route });
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).queryByText('Not safe')).toBeNull();
    // What the backend scores once the rating is saved.
    const rated = assessment({
      answers: { offenderAccess: -3 },
      score: {
        ...assessment().score,
        notSafe: true,
        notSafeReasons: [{ kind: 'safetyItem', itemKey: 'offenderAccess' }],
      },
    });
    bridge.ok('reintegration.list', [rated]).ok('reintegration.save', rated);
    await user.selectOptions(
      screen.getByLabelText('No access by the offender'),
      '-3: Serious problem',
    );
    await within(result).findByText(
      'Safety item answered at or below its cut-off: No access by the offender',
      {},
      { timeout: 3000 },
    );
    expect(within(result).getByText('Not safe')).toBeTruthy();
  });

  it('records the reintegration plan with the draft and shows a stage refused at its field', async () => {
    const bridge = casesBridge()
      .ok('reintegration.list', [assessment()])
      .ok('reintegration.instruments', [READINESS])
      .ok('reintegration.save', assessment())
      .failOnce('reintegration.submit', {
        code: 'VALIDATION',
        message: 'validation',
        fields: { 'plan.stages.firstContact.plannedOn': 'reintegration.stageDate' },
      });
    const { user } = renderApp(bridge, { route });
    const plan = await screen.findByRole('group', { name: 'Reintegration plan' });
    await user.type(within(plan).getByLabelText('Date of Preparation'), '2026-11-25');
    await user.selectOptions(
      within(plan).getByLabelText('Status of First supervised contact'),
      'In progress',
    );
    await user.type(
      within(plan).getByLabelText('Services after return: school'),
      'Fictional enrolment, grade 5',
    );
    await user.type(
      within(plan).getByLabelText('The people responsible for the plan'),
      'Fictional caseworker',
    );
    await user.click(screen.getByRole('button', { name: 'Submit for review' }));
    const date = within(plan).getByLabelText('Date of First supervised contact');
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('A stage that has begun or is done needs its date.')).toBeTruthy();
    expect(bridge.inputsOf('reintegration.save').at(-1)).toMatchObject({
      plan: {
        stages: {
          preparation: { plannedOn: '2026-11-25', status: 'notStarted' },
          firstContact: { plannedOn: null, status: 'inProgress' },
        },
        services: { school: 'Fictional enrolment, grade 5' },
        responsible: 'Fictional caseworker',
      },
    });
    await expectNoAxeViolations();
  });

  it('shows the plan as recorded once submitted', async () => {
    const recorded = emptyPlan();
    recorded.stages.reunification = {
      plannedOn: '2026-12-20',
      status: 'notStarted',
      responsible: 'Fictional aunt and caseworker',
    };
    recorded.services.livelihood = 'Fictional sewing course for the aunt';
    const bridge = casesBridge()
      .ok('reintegration.list', [
        assessment({
          status: 'submitted',
          submittedAt: '2026-11-21T02:00:00.000Z',
          plan: recorded,
        }),
      ])
      .ok('reintegration.instruments', [READINESS]);
    renderApp(bridge, { route });
    const row = await screen.findByRole('row', { name: /Reunification/ });
    expect(within(row).getByText('Fictional aunt and caseworker')).toBeTruthy();
    expect(screen.getByText('Fictional sewing course for the aunt')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Reintegration plan' })).toBeNull();
    await expectNoAxeViolations();
  });

  it('names the flag when a return to a flagged household is refused', async () => {
    const bridge = casesBridge()
      .ok('reintegration.list', [assessment()])
      .ok('reintegration.instruments', [READINESS])
      .fail('reintegration.save', {
        code: 'VALIDATION',
        message: 'validation',
        fields: { recommendation: 'reintegration.householdFlagged' },
      });
    const { user } = renderApp(bridge, { route });
    await user.selectOptions(
      await screen.findByLabelText('Recommendation'),
      'Reintegrate into this household',
    );
    expect(
      await screen.findByText(
        'Refused: someone in this household is flagged as an alleged offender or is under a no-contact order.',
        {},
        { timeout: 3000 },
      ),
    ).toBeTruthy();
  });
});

describe('the review', () => {
  const submitted = (createdBy: string) =>
    assessment({
      status: 'submitted',
      createdBy,
      submittedAt: '2026-11-25T02:00:00.000Z',
      childVoice: { consulted: true, how: 'Drawing', whyNot: '', wishes: 'To live with Tita' },
      recommendation: 'kinship',
    });

  it('a coordinator approves another’s submitted assessment', async () => {
    const bridge = casesBridge(coordinatorSession())
      .ok('app.status', unlocked(coordinatorSession()))
      .ok('reintegration.list', [submitted(caseworkerSession().userId)])
      .ok('reintegration.instruments', [READINESS])
      .ok('reintegration.approve', assessment({ status: 'approved' }));
    const { user } = renderApp(bridge, { route });
    expect(await screen.findByText('To live with Tita')).toBeTruthy();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    await screen.findByText('The assessment was approved.');
    expect(bridge.inputsOf('reintegration.approve')).toEqual([{ id: ASSESSMENT_ID }]);
  });

  it('a coordinator cannot approve their own', async () => {
    const bridge = casesBridge(coordinatorSession())
      .ok('app.status', unlocked(coordinatorSession()))
      .ok('reintegration.list', [submitted(COORDINATOR_ID)])
      .ok('reintegration.instruments', [READINESS]);
    renderApp(bridge, { route });
    await screen.findByText(
      'You wrote or submitted this assessment, so another coordinator reviews it.',
    );
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('the queue links each submitted assessment to its screen, named by its household', async () => {
    const bridge = casesBridge(coordinatorSession())
      .ok('app.status', unlocked(coordinatorSession()))
      .ok('reintegration.instruments', [READINESS])
      .ok('reintegration.queue', [
        {
          id: ASSESSMENT_ID,
          childId: CHILD_IDS.maria,
          caseCode: 'AR-2026-0042',
          instrumentCode: 'ARUGA-FRR',
          householdLabel: "Tita Lorna's home",
          submittedAt: '2026-11-25T02:00:00.000Z',
          submittedByName: 'Bayani Cruz',
        },
        {
          id: OTHER_ASSESSMENT_ID,
          childId: CHILD_IDS.maria,
          caseCode: 'AR-2026-0042',
          instrumentCode: 'ARUGA-FRR',
          householdLabel: "Mother's home",
          submittedAt: '2026-11-26T02:00:00.000Z',
          submittedByName: 'Bayani Cruz',
        },
      ]);
    renderApp(bridge, { route: '/reintegration/queue' });
    // Two households of one child: each link says which it opens.
    const link = await screen.findByRole('link', {
      name: "Review the Family Reintegration Readiness assessment of case AR-2026-0042: Tita Lorna's home",
    });
    expect(link.getAttribute('href')).toBe(`#${route}`);
    const other = screen.getByRole('link', {
      name: "Review the Family Reintegration Readiness assessment of case AR-2026-0042: Mother's home",
    });
    expect(other.getAttribute('href')).toBe(
      `#/reintegration/children/${CHILD_IDS.maria}/assessments/${OTHER_ASSESSMENT_ID}`,
    );
    await expectNoAxeViolations();
  });
});
