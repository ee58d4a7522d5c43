// The case file's household: the children of it the user may see, each member's relationship to
// each, moving into a sibling's household, and a person recorded twice under siblings merged only
// after a labelled, keyboard-usable confirmation.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MergeCandidate } from '../../../shared/children/households-contract';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { CHILD_IDS, OTHER_IDS, casesBridge, household } from '../support/children';

const ROUTE = `/cases/${CHILD_IDS.maria}`;

const candidate: MergeCandidate = {
  keep: {
    id: OTHER_IDS.mother,
    name: 'Rosa dela Cruz',
    relationship: 'Mother',
    address: 'Purok 3',
    caseCodes: ['AR-2026-0042'],
  },
  merge: {
    id: OTHER_IDS.uncle,
    name: 'Rosa dela Cruz',
    relationship: 'Mother',
    address: 'Purok 3',
    caseCodes: ['AR-2026-0043'],
  },
};

const shared = household({
  address: 'Purok 3, Barangay Fictional',
  children: [
    { id: CHILD_IDS.maria, caseCode: 'AR-2026-0042' },
    { id: CHILD_IDS.jun, caseCode: 'AR-2026-0043' },
  ],
  members: [
    {
      id: OTHER_IDS.mother,
      name: 'Rosa dela Cruz',
      relationships: [
        { childId: CHILD_IDS.maria, relationship: 'Mother' },
        { childId: CHILD_IDS.jun, relationship: null },
      ],
    },
  ],
  mergeCandidates: [candidate],
});

async function openHousehold(bridge: ReturnType<typeof casesBridge>) {
  const rendered = renderApp(bridge, { route: ROUTE });
  await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
  const heading = await screen.findByRole('heading', { level: 2, name: 'Household' });
  const section = within(heading.closest('section')!);
  // Behind the privacy screen: neither the address nor anyone's name.
  expect(await section.findByText('Address hidden')).toBeVisible();
  expect(document.body).not.toHaveTextContent('Barangay Fictional');
  expect(document.body).not.toHaveTextContent('Rosa dela Cruz');
  await rendered.user.click(screen.getByRole('button', { name: 'Show name' }));
  await section.findByText('Purok 3, Barangay Fictional');
  return { ...rendered, section };
}

describe('the household section', () => {
  it('shows the children of the household and each member’s relationship to each', async () => {
    const { section } = await openHousehold(casesBridge().ok('households.get', shared));
    expect(section.getByText('AR-2026-0042 (this child)')).toBeVisible();
    expect(section.getByText('AR-2026-0043')).toBeVisible();
    const table = section.getByRole('table', {
      name: 'Members and their relationship to each child',
    });
    expect(
      within(table).getByText('Mother of AR-2026-0042; not set for AR-2026-0043'),
    ).toBeVisible();
    await expectNoAxeViolations();
  });

  it('merges a person recorded twice only after the confirmation, from the keyboard', async () => {
    const bridge = casesBridge()
      .ok('households.get', shared)
      .failOnce('households.merge', {
        code: 'CONFLICT',
        message: 'household.notMergeable',
      })
      .ok('households.merge', null);
    const { user, section } = await openHousehold(bridge);
    expect(
      section.getByText(/Rosa dela Cruz \(Mother\), under AR-2026-0042 and under AR-2026-0043/),
    ).toBeVisible();
    section.getByRole('button', { name: 'Review Mother under AR-2026-0043' }).focus();
    await user.keyboard('{Enter}');
    const dialog = within(screen.getByRole('dialog', { name: 'Merge into one person?' }));
    expect(dialog.getByText(/Every relationship, safety flag and consent/)).toBeVisible();
    expect(bridge.countOf('households.merge')).toBe(0);
    await expectNoAxeViolations();
    // Cancel first, then Merge.
    await user.tab();
    expect(dialog.getByRole('button', { name: 'Merge' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await dialog.findByText(/not alike enough to merge/)).toBeVisible();
    await user.keyboard('{Enter}');
    expect(await section.findByText('The two records are now one person.')).toBeVisible();
    expect(bridge.inputsOf('households.merge')).toEqual([
      { keepId: OTHER_IDS.mother, mergeId: OTHER_IDS.uncle },
      { keepId: OTHER_IDS.mother, mergeId: OTHER_IDS.uncle },
    ]);
  });

  it('moves the child into a sibling’s household, and edits the address', async () => {
    const bridge = casesBridge()
      .ok(
        'households.get',
        household({
          address: 'Purok 3, Barangay Fictional',
          joinable: [{ id: CHILD_IDS.jun, caseCode: 'AR-2026-0043' }],
        }),
      )
      .ok('households.join', null)
      .ok('households.save', household());
    const { user, section } = await openHousehold(bridge);
    await user.click(section.getByRole('button', { name: "Move into a sibling's household" }));
    const join = within(screen.getByRole('dialog', { name: "Move into a sibling's household" }));
    await user.click(join.getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(join.getByLabelText('Sibling')).toHaveAccessibleDescription(/.+/));
    expect(bridge.countOf('households.join')).toBe(0);
    await user.selectOptions(join.getByLabelText('Sibling'), 'AR-2026-0043');
    await expectNoAxeViolations();
    await user.click(join.getByRole('button', { name: 'Move' }));
    expect(await section.findByText("The child now shares the sibling's household.")).toBeVisible();
    expect(bridge.inputsOf('households.join')).toEqual([
      { childId: CHILD_IDS.maria, householdOfChildId: CHILD_IDS.jun },
    ]);

    await user.click(section.getByRole('button', { name: 'Edit household' }));
    const edit = within(screen.getByRole('dialog', { name: 'Edit the household' }));
    const address = edit.getByLabelText('Address');
    expect(address).toHaveValue('Purok 3, Barangay Fictional');
    await user.clear(address);
    await user.type(address, 'Sitio Ibabao, Barangay Fictional');
    await user.click(edit.getByRole('button', { name: 'Save household' }));
    expect(await section.findByText('The household was saved.')).toBeVisible();
    expect(bridge.inputsOf('households.save')).toEqual([
      { childId: CHILD_IDS.maria, address: 'Sitio Ibabao, Barangay Fictional' },
    ]);
  });
});
