// The case file's legal detail per accused: adding the case against a flagged family member with
// its hearings, a missing name shown at its field with nothing sent, a refusal kept at its field.
import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type {
  AccusedCase,
  CaseConference,
  EducationRecord,
} from '../../../shared/casework/contract';
import type { LegalEvent } from '../../../shared/children/contract';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { CHILD_IDS, OTHER_IDS, caseFile, casesBridge, familyMember } from '../support/children';

// Under a full parallel run on two cores, the first render of a screen can take over a second.
configure({ asyncUtilTimeout: 5000 });
/** For the tests that type into a dialog and run axe: slow on two busy cores. */
const DIALOG_TEST_MS = 150_000;

const ROUTE = `/cases/${CHILD_IDS.maria}`;
const ACCUSED_ID = '01936f6e-0000-7000-8000-00000000d401';

const uncle = familyMember({
  id: OTHER_IDS.uncle,
  name: 'Ramon dela Cruz',
  relationship: 'Uncle',
  safety: {
    allegedOffender: true,
    allegedOffenderSince: '2026-01-10',
    noContactOrder: false,
    noContactOrderDate: null,
    orderExpiresOn: null,
    supervisedOnly: false,
  },
});
const hearing: LegalEvent = {
  id: OTHER_IDS.legal,
  childId: CHILD_IDS.maria,
  kind: 'testimony',
  date: '2026-04-14',
  time: '09:00',
  court: 'Fictional RTC Branch 7',
  caseNumber: 'CR-2026-0107',
  notes: null,
};
const saved: AccusedCase = {
  id: ACCUSED_ID,
  childId: CHILD_IDS.maria,
  familyMemberId: uncle.id,
  name: uncle.name,
  prosecutor: 'Reyes',
  caseNumber: 'CR-2026-0107',
  stage: 'trial',
  liveLinkTestimony: true,
  supportPerson: 'Ana',
  notes: null,
  legalEventIds: [hearing.id],
  nextHearing: { date: hearing.date, time: hearing.time },
};

const file = (extra: Parameters<typeof caseFile>[0] = {}) =>
  caseFile({ family: [familyMember(), uncle], legalEvents: [hearing], ...extra });

async function openSection(bridge: ReturnType<typeof casesBridge>) {
  const rendered = renderApp(bridge, { route: ROUTE });
  await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
  const h2 = screen.getByRole('heading', { level: 2, name: 'Legal detail per accused' });
  // A section behind a content note starts folded: open it as a reader would.
  const disclosure = within(h2).getByRole('button');
  if (disclosure.getAttribute('aria-expanded') === 'false') await rendered.user.click(disclosure);
  return { ...rendered, section: within(h2.closest('section')!) };
}

describe('legal detail per accused', () => {
  it(
    'adds the case against a flagged family member with its hearing and witness support',
    async () => {
      const bridge = casesBridge().ok('children.get', file()).ok('accused.save', saved);
      const { user, section } = await openSection(bridge);
      expect(section.getByText('No accused recorded.')).toBeVisible();
      await user.click(section.getByRole('button', { name: 'Add an accused' }));
      const d = within(screen.getByRole('dialog', { name: 'Add an accused' }));
      const member = d.getByLabelText('Family member accused');
      // The mother is not flagged, so only the uncle is offered.
      expect(
        within(member)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Not a family member (name below)', 'Ramon dela Cruz (Uncle)']);
      await user.selectOptions(member, 'Ramon dela Cruz (Uncle)');
      await user.type(d.getByLabelText('Prosecutor'), 'Reyes');
      await user.type(d.getByLabelText('Case number'), 'CR-7');
      await user.selectOptions(d.getByLabelText('Stage'), 'Trial');
      await user.click(d.getByRole('checkbox', { name: 'The child testifies by live link' }));
      await user.type(d.getByLabelText('Support person'), 'Ana');
      await user.click(
        d.getByRole('checkbox', { name: 'Testimony on 04/14/2026, Fictional RTC Branch 7' }),
      );
      await expectNoAxeViolations();
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await section.findByText('The accused was added.')).toBeVisible();
      expect(bridge.inputsOf('accused.save')).toEqual([
        {
          childId: CHILD_IDS.maria,
          familyMemberId: uncle.id,
          prosecutor: 'Reyes',
          caseNumber: 'CR-7',
          stage: 'trial',
          liveLinkTestimony: true,
          supportPerson: 'Ana',
          legalEventIds: [hearing.id],
        },
      ]);
    },
    DIALOG_TEST_MS,
  );

  it('lists the case with its next hearing and support', async () => {
    const bridge = casesBridge().ok('children.get', file({ accusedCases: [saved] }));
    const { section } = await openSection(bridge);
    const row = section.getByRole('row', { name: /Ramon dela Cruz \(family\)/ });
    expect(row).toHaveTextContent('Trial');
    expect(row).toHaveTextContent('04/14/2026 9:00 AM');
    expect(row).toHaveTextContent('Live-link testimony; Support person: Ana');
    expect(
      section.getByRole('button', { name: 'Edit the case against Ramon dela Cruz' }),
    ).toBeVisible();
  });

  it(
    'asks for a name or a member at its field, sends nothing, and keeps a refusal at its field',
    async () => {
      const bridge = casesBridge()
        .ok('children.get', file())
        .fail('accused.save', {
          code: 'VALIDATION',
          message: 'validation',
          fields: { caseNumber: 'tooLong' },
        });
      const { user, section } = await openSection(bridge);
      await user.click(section.getByRole('button', { name: 'Add an accused' }));
      const d = within(screen.getByRole('dialog', { name: 'Add an accused' }));
      await user.type(d.getByLabelText('Prosecutor'), 'Reyes');
      await user.selectOptions(d.getByLabelText('Stage'), 'Inquest');
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await d.findByText('This is required.')).toBeVisible();
      expect(d.getByLabelText('Name of the accused')).toHaveAttribute('aria-invalid', 'true');
      expect(bridge.countOf('accused.save')).toBe(0);
      await user.type(d.getByLabelText('Name of the accused'), 'Ed');
      await user.type(d.getByLabelText('Case number'), 'CR-1');
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await d.findByText('This is too long.')).toBeVisible();
      expect(d.getByLabelText('Name of the accused')).toHaveValue('Ed');
      expect(d.getByLabelText('Prosecutor')).toHaveValue('Reyes');
    },
    DIALOG_TEST_MS,
  );
});

describe('education', () => {
  const record: EducationRecord = {
    id: '01936f6e-0000-7000-8000-00000000d402',
    childId: CHILD_IDS.maria,
    kind: 'als',
    school: 'ALS Tabok',
    gradeLevel: 'Elementary',
    since: '2026-02-02',
    attendanceNotes: null,
  };

  async function openEducation(bridge: ReturnType<typeof casesBridge>) {
    const rendered = renderApp(bridge, { route: ROUTE });
    await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
    const h2 = screen.getByRole('heading', { level: 2, name: 'Education' });
    return { ...rendered, section: within(h2.closest('section')!) };
  }

  it(
    'adds an ALS enrolment; a missing grade is shown at its field and nothing is sent',
    async () => {
      const bridge = casesBridge().ok('children.get', file()).ok('education.save', record);
      const { user, section } = await openEducation(bridge);
      expect(section.getByText('No schooling recorded.')).toBeVisible();
      await user.click(section.getByRole('button', { name: 'Add schooling' }));
      const d = within(screen.getByRole('dialog', { name: 'Add schooling' }));
      await user.selectOptions(d.getByLabelText('Schooling'), 'Alternative Learning System');
      await user.type(d.getByLabelText('School or learning centre'), 'ALS Tabok');
      await user.clear(d.getByLabelText('Since'));
      await user.type(d.getByLabelText('Since'), '2026-02-02');
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await d.findByText('This is required.')).toBeVisible();
      expect(d.getByLabelText('Grade or level')).toHaveAttribute('aria-invalid', 'true');
      expect(bridge.countOf('education.save')).toBe(0);
      expect(d.getByLabelText('School or learning centre')).toHaveValue('ALS Tabok');
      await user.type(d.getByLabelText('Grade or level'), 'Elementary');
      await expectNoAxeViolations();
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await section.findByText('The schooling was added.')).toBeVisible();
      expect(bridge.inputsOf('education.save')).toEqual([
        {
          childId: CHILD_IDS.maria,
          kind: 'als',
          school: 'ALS Tabok',
          gradeLevel: 'Elementary',
          since: '2026-02-02',
        },
      ]);
    },
    DIALOG_TEST_MS,
  );

  it(
    'lists the schooling and shows a refused date at its field',
    async () => {
      const bridge = casesBridge()
        .ok('children.get', file({ education: [record] }))
        .fail('education.save', {
          code: 'VALIDATION',
          message: 'validation',
          fields: { since: 'date.future' },
        });
      const { user, section } = await openEducation(bridge);
      const row = section.getByRole('row', { name: /Alternative Learning System/ });
      expect(row).toHaveTextContent('02/02/2026');
      expect(row).toHaveTextContent('ALS Tabok');
      await user.click(
        section.getByRole('button', { name: 'Edit Alternative Learning System since 02/02/2026' }),
      );
      const d = within(screen.getByRole('dialog', { name: 'Edit schooling' }));
      await user.type(d.getByLabelText('Attendance notes'), 'Weekly');
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await d.findByText('This date is in the future.')).toBeVisible();
      expect(d.getByLabelText('Attendance notes')).toHaveValue('Weekly');
    },
    DIALOG_TEST_MS,
  );
});

describe('case conferences', () => {
  const minutes: CaseConference = {
    id: '01936f6e-0000-7000-8000-00000000d403',
    childId: CHILD_IDS.maria,
    heldOn: '2026-03-02',
    attendees: 'SW, RPsy',
    minutes: 'Testimony',
    decisions: null,
    nextReviewOn: '2026-06-02',
  };

  async function openConferences(bridge: ReturnType<typeof casesBridge>) {
    const rendered = renderApp(bridge, { route: ROUTE });
    await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
    const h2 = screen.getByRole('heading', { level: 2, name: 'Case conferences' });
    return { ...rendered, section: within(h2.closest('section')!) };
  }

  it(
    'records a conference; missing minutes and a review before it are shown at their fields',
    async () => {
      const bridge = casesBridge().ok('children.get', file()).ok('conferences.save', minutes);
      const { user, section } = await openConferences(bridge);
      await user.click(section.getByRole('button', { name: 'Record a case conference' }));
      const d = within(screen.getByRole('dialog', { name: 'Record a case conference' }));
      await user.clear(d.getByLabelText('Held on'));
      await user.type(d.getByLabelText('Held on'), '2026-03-02');
      await user.type(d.getByLabelText('Attendees'), 'SW, RPsy');
      await user.type(d.getByLabelText('Next review'), '2026-03-01');
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await d.findByText('This is required.')).toBeVisible();
      await user.type(d.getByLabelText('Minutes'), 'Testimony');
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await d.findByText('The end date is before the start date.')).toBeVisible();
      expect(bridge.countOf('conferences.save')).toBe(0);
      expect(d.getByLabelText('Attendees')).toHaveValue('SW, RPsy');
      await user.clear(d.getByLabelText('Next review'));
      await user.type(d.getByLabelText('Next review'), '2026-06-02');
      await expectNoAxeViolations();
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await section.findByText('The case conference was recorded.')).toBeVisible();
      expect(bridge.inputsOf('conferences.save')).toEqual([
        {
          childId: CHILD_IDS.maria,
          heldOn: '2026-03-02',
          attendees: 'SW, RPsy',
          minutes: 'Testimony',
          nextReviewOn: '2026-06-02',
        },
      ]);
    },
    DIALOG_TEST_MS,
  );

  it('lists the minutes with the next review', async () => {
    const bridge = casesBridge().ok('children.get', file({ conferences: [minutes] }));
    const { section } = await openConferences(bridge);
    const row = section.getByRole('row', { name: /03\/02\/2026/ });
    expect(row).toHaveTextContent('Testimony');
    expect(row).toHaveTextContent('06/02/2026');
  });

  it('shows a review due on Today, linking to the case file', async () => {
    const bridge = casesBridge().ok('conferences.reviewsDue', {
      items: [
        {
          conferenceId: minutes.id,
          childId: CHILD_IDS.maria,
          caseCode: 'AR-2026-0042',
          alias: 'M.S.R.',
          heldOn: '2026-03-02',
          nextReviewOn: '2026-06-02',
          late: true,
        },
      ],
      total: 1,
    });
    renderApp(bridge, { route: '/today' });
    const panel = within(
      (
        await screen.findByRole('heading', { level: 2, name: 'Case conference reviews due 1 item' })
      ).closest('section')!,
    );
    expect(await panel.findByRole('link', { name: 'Open case AR-2026-0042' })).toBeVisible();
    expect(panel.getByRole('row', { name: /06\/02\/2026/ })).toHaveTextContent('Late');
  });
});
