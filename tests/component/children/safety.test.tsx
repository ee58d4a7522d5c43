// The case file's safety flags that act: the family form's contact fields, a typed reason to clear
// a flag or remove a flagged person, and the privacy screen over a family's phone and address.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Visitor } from '../../../shared/children/contract';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { CHILD_IDS, OTHER_IDS, caseFile, casesBridge, familyMember } from '../support/children';

const ROUTE = `/cases/${CHILD_IDS.maria}`;

const flaggedUncle = familyMember({
  id: OTHER_IDS.uncle,
  name: 'Ramon Cruz',
  relationship: 'Uncle',
  phone: '0917 555 0199',
  address: 'Purok 3, Fictional Street',
  barangay: 'Barangay Fictional Lahug',
  livesInHousehold: false,
  householdAccess: false,
  childWantsContact: 'no',
  safety: {
    allegedOffender: false,
    allegedOffenderSince: null,
    noContactOrder: true,
    noContactOrderDate: '2026-03-03',
    orderExpiresOn: '2027-03-03',
    supervisedOnly: false,
  },
});

async function openFamily(bridge: ReturnType<typeof casesBridge>) {
  const rendered = renderApp(bridge, { route: ROUTE });
  await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
  const heading = screen.getByRole('heading', { level: 2, name: 'Family and significant persons' });
  return { ...rendered, family: within(heading.closest('section')!) };
}

describe('family safety', () => {
  it('records household access, supervised contact, the order expiry and the child wish', async () => {
    const bridge = casesBridge().ok('family.save', familyMember());
    const { user, family } = await openFamily(bridge);
    await user.click(family.getByRole('button', { name: 'Add family member' }));
    const d = within(
      screen.getByRole('dialog', { name: 'Add a family member or significant person' }),
    );
    await user.type(d.getByLabelText('Name'), 'Ramon Cruz');
    await user.type(d.getByLabelText('Relationship'), 'Uncle');
    await user.click(d.getByRole('checkbox', { name: "Has access to the child's household" }));
    await user.selectOptions(d.getByLabelText('Does the child want contact?'), 'Not sure yet');
    await user.click(d.getByRole('checkbox', { name: 'No-contact order' }));
    await user.type(d.getByLabelText('Order expires on'), '2027-03-03');
    await user.click(d.getByRole('checkbox', { name: 'Supervised contact only' }));
    await expectNoAxeViolations();
    await user.click(d.getByRole('button', { name: 'Save person' }));
    expect(await family.findByText('The person was added.')).toBeVisible();
    expect(bridge.inputsOf('family.save').at(-1)).toEqual({
      childId: CHILD_IDS.maria,
      name: 'Ramon Cruz',
      relationship: 'Uncle',
      livesInHousehold: false,
      householdAccess: true,
      childWantsContact: 'unsure',
      allegedOffender: false,
      noContactOrder: true,
      orderExpiresOn: '2027-03-03',
      supervisedOnly: true,
    });
  });

  it('asks why a flag is cleared, and sends the reason with the save', async () => {
    const bridge = casesBridge()
      .ok('children.get', caseFile({ family: [flaggedUncle] }))
      .ok('family.save', flaggedUncle);
    const { user, family } = await openFamily(bridge);
    await user.click(family.getByRole('button', { name: 'Edit Uncle' }));
    const d = within(screen.getByRole('dialog', { name: 'Edit family member' }));
    await user.click(d.getByRole('checkbox', { name: 'No-contact order' }));
    await user.click(d.getByRole('button', { name: 'Save person' }));
    const reason = d.getByLabelText('Why is the flag cleared?');
    await waitFor(() => expect(reason).toHaveAccessibleDescription(/Give the reason/));
    expect(bridge.countOf('family.save')).toBe(0);
    await user.type(reason, 'The court lifted the order');
    await user.click(d.getByRole('button', { name: 'Save person' }));
    expect(await family.findByText('The changes were saved.')).toBeVisible();
    expect(bridge.inputsOf('family.save').at(-1)).toMatchObject({
      id: OTHER_IDS.uncle,
      noContactOrder: false,
      flagClearReason: 'The court lifted the order',
    });
    expect(bridge.inputsOf('family.save').at(-1)).not.toHaveProperty('orderExpiresOn');
  });

  it('removes a flagged person only with a typed reason, from the keyboard', async () => {
    const bridge = casesBridge()
      .ok('children.get', caseFile({ family: [flaggedUncle] }))
      .ok('family.remove', null);
    const { user, family } = await openFamily(bridge);
    family.getByRole('button', { name: 'Remove Uncle' }).focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Remove this person?' });
    const d = within(dialog);
    expect(d.getByText(/has a safety flag/)).toBeVisible();
    await expectNoAxeViolations();
    await user.click(d.getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(d.getByLabelText('Reason for removing')).toHaveAccessibleDescription(
        /Give the reason/,
      ),
    );
    expect(bridge.countOf('family.remove')).toBe(0);
    d.getByLabelText('Reason for removing').focus();
    await user.keyboard('Entered twice');
    await user.tab();
    await user.tab();
    expect(d.getByRole('button', { name: 'Remove' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await family.findByText('The person was removed.')).toBeVisible();
    expect(bridge.inputsOf('family.remove')).toEqual([
      { id: OTHER_IDS.uncle, reason: 'Entered twice' },
    ]);
  });

  it('hides phone numbers, addresses and the barangay behind the privacy screen, and shows the wish and access', async () => {
    const bridge = casesBridge().ok('children.get', caseFile({ family: [flaggedUncle] }));
    const { user, family } = await openFamily(bridge);
    expect(document.body).not.toHaveTextContent('0917 555 0199');
    expect(document.body).not.toHaveTextContent('Fictional Street');
    expect(document.body).not.toHaveTextContent('Lahug');
    expect(family.getByText('No access')).toBeVisible();
    expect(family.getByText('No', { selector: 'td' })).toBeVisible();
    expect(family.getByText(/until/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Show name' }));
    expect(await family.findByText(/0917 555 0199/)).toBeVisible();
    expect(
      family.getByText('0917 555 0199 · Purok 3, Fictional Street · Barangay Fictional Lahug'),
    ).toBeVisible();
  });
});

const visitors: Visitor[] = [
  {
    id: OTHER_IDS.uncle,
    source: 'family',
    name: 'Ramon Cruz',
    relationship: 'Uncle',
    state: 'not_allowed',
    reasons: ['noContactOrder'],
  },
  {
    id: OTHER_IDS.mother,
    source: 'family',
    name: 'Rosa dela Cruz',
    relationship: 'Mother',
    state: 'supervised',
    reasons: ['supervisedOnly'],
  },
];

describe('safety line and visitor list', () => {
  it('says how many may not visit in the header, never why; the list says why', async () => {
    const bridge = casesBridge().ok('visitors.list', visitors);
    renderApp(bridge, { route: ROUTE });
    const line = await screen.findByLabelText('Safety');
    expect(line).toHaveTextContent(
      'No contact: 1 person · Supervised only: 1 person · Visits need approval',
    );
    expect(line).not.toHaveTextContent(/order|offender/i);
    const heading = screen.getByRole('heading', { level: 2, name: 'Visitors' });
    const list = within(heading.closest('section')!);
    expect(list.getByText('Not allowed')).toBeVisible();
    expect(list.getByText('No-contact order')).toBeVisible();
    // Behind the privacy screen, visitor names are hidden like the family's.
    expect(list.queryByText('Ramon Cruz')).toBeNull();
    await expectNoAxeViolations();
  });

  it('adds a visitor from the keyboard; a missing state is a field message and nothing is sent', async () => {
    const bridge = casesBridge().ok('visitors.add', { ...visitors[0]!, source: 'direct' });
    const { user } = renderApp(bridge, { route: ROUTE });
    await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
    const heading = screen.getByRole('heading', { level: 2, name: 'Visitors' });
    within(heading.closest('section')!).getByRole('button', { name: 'Add visitor' }).focus();
    await user.keyboard('{Enter}');
    const d = within(screen.getByRole('dialog', { name: 'Add a visitor' }));
    expect(d.getByLabelText('Name')).toHaveFocus();
    await user.keyboard('Teacher Ana');
    await user.tab();
    await user.keyboard('Teacher');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(d.getByLabelText('May visit')).toHaveAccessibleDescription(/./));
    expect(bridge.countOf('visitors.add')).toBe(0);
    d.getByLabelText('May visit').focus();
    await user.selectOptions(d.getByLabelText('May visit'), 'Allowed');
    // From the field, Enter submits the form.
    d.getByLabelText('Relationship').focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('The visitor was added.')).toBeVisible();
    expect(bridge.inputsOf('visitors.add')).toEqual([
      { childId: CHILD_IDS.maria, name: 'Teacher Ana', relationship: 'Teacher', state: 'allowed' },
    ]);
  });

  it('the gate list shows names and whether they may visit, never why', async () => {
    const bridge = casesBridge().ok('visitors.gate', [
      { name: 'Ramon Cruz', children: [{ caseCode: 'AR-2026-0042', state: 'not_allowed' }] },
    ]);
    const { user } = renderApp(bridge, { route: '/gate' });
    await user.type(await screen.findByLabelText("Visitor's name or case code"), 'Ramon');
    expect(await screen.findByText('Not allowed')).toBeVisible();
    expect(screen.getByText('AR-2026-0042')).toBeVisible();
    expect(document.body).not.toHaveTextContent(/order|offender/i);
    expect(bridge.inputsOf('visitors.gate').at(-1)).toEqual({ text: 'Ramon' });
    await expectNoAxeViolations();
  });
});

describe('consent from a flagged person', () => {
  it('is refused at the field before anything is sent', async () => {
    const bridge = casesBridge().ok('children.get', caseFile({ family: [flaggedUncle] }));
    const { user } = renderApp(bridge, { route: ROUTE });
    await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
    await user.click(screen.getByRole('button', { name: 'Record consent' }));
    const d = within(screen.getByRole('dialog', { name: 'Record a consent' }));
    await user.selectOptions(d.getByLabelText('Consent for'), 'Services');
    await user.selectOptions(d.getByLabelText('Given by'), 'A guardian');
    await user.selectOptions(d.getByLabelText('Which family member?'), 'Uncle');
    await user.type(d.getByLabelText('Scope'), 'Shelter services');
    await user.click(d.getByRole('button', { name: 'Save consent' }));
    await waitFor(() =>
      expect(d.getByLabelText('Which family member?')).toHaveAccessibleDescription(
        /cannot be recorded/,
      ),
    );
    expect(bridge.countOf('consents.record')).toBe(0);
  });
});
