import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Shelter } from '../../../shared/shelters/contract';
import { FakeBridge } from '../support/FakeBridge';
import { ERR, caseworkerSession, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import {
  SHELTERS,
  SHELTER_NAMES,
  SIDS,
  coordinatorSession,
  pagasaBoard,
} from '../support/shelters';

// Under a full parallel run on two cores, the first render of a screen can take over a second.
configure({ asyncUtilTimeout: 5000 });

function sheltersBridge(list: Shelter[] = SHELTERS) {
  return new FakeBridge()
    .ok('app.status', unlocked(coordinatorSession()))
    .ok('shelters.list', list);
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('cell', { name }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('shelters', () => {
  it('lists shelters with type, sex rule, ages, capacity and beds', async () => {
    renderApp(sheltersBridge(), { route: '/shelters' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Shelters' })).toBeVisible();
    const table = screen.getByRole('table', { name: 'Shelters, their rules and beds' });
    await within(table).findByRole('cell', { name: 'Bahay Pag-asa' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Type', 'Sex rule', 'Ages', 'Capacity', 'Beds', 'Actions']);
    const cells = within(rowOf('Bahay Pag-asa'))
      .getAllByRole('cell')
      .slice(0, 6)
      .map((td) => td.textContent);
    expect(cells).toEqual(['Bahay Pag-asa', 'NGO shelter', 'Girls only', '7–17', '4', '4']);
    expect(rowOf('Tahanan Kinship Home')).toHaveTextContent('Girls and boys');
    expect(screen.getByRole('button', { name: 'Edit Bahay Pag-asa' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Manage beds of Bahay Pag-asa' })).toBeVisible();
    await expectNoAxeViolations();
  });

  it('shows field errors in the shelter form and sends nothing until they are fixed', async () => {
    const saved: Shelter = { ...SHELTERS[1]!, id: SIDS.tahanan, name: 'Silungan' };
    const bridge = sheltersBridge().ok('shelters.save', saved);
    const { user } = renderApp(bridge, { route: '/shelters' });
    await screen.findByRole('cell', { name: 'Bahay Pag-asa' });
    await user.click(screen.getByRole('button', { name: 'Add shelter' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a shelter' });
    const f = within(dialog);
    expect(f.getByLabelText('Address')).toHaveAccessibleDescription(
      'Shown only to coordinators and administrators.',
    );

    await user.clear(f.getByLabelText('Youngest age (years)'));
    await user.type(f.getByLabelText('Youngest age (years)'), '15');
    await user.clear(f.getByLabelText('Oldest age (years)'));
    await user.type(f.getByLabelText('Oldest age (years)'), '12');
    await user.clear(f.getByLabelText('Capacity (children)'));
    await user.click(f.getByRole('button', { name: 'Save shelter' }));

    expect(f.getByLabelText('Name')).toHaveAccessibleDescription('This is required.');
    expect(f.getByLabelText('Oldest age (years)')).toHaveAccessibleDescription(
      'The oldest age must not be below the youngest age.',
    );
    expect(f.getByLabelText('Capacity (children)')).toHaveAccessibleDescription(
      'This is required.',
    );
    expect(bridge.countOf('shelters.save')).toBe(0);
    await expectNoAxeViolations();

    await user.type(f.getByLabelText('Name'), 'Silungan');
    await user.selectOptions(f.getByLabelText('Type'), 'Temporary shelter');
    await user.type(f.getByLabelText('Address'), 'Barangay Lahug, Cebu City');
    await user.selectOptions(f.getByLabelText('Sex rule'), 'Boys only');
    await user.clear(f.getByLabelText('Oldest age (years)'));
    await user.type(f.getByLabelText('Oldest age (years)'), '17');
    await user.type(f.getByLabelText('Capacity (children)'), '12');
    await user.click(f.getByRole('button', { name: 'Save shelter' }));

    expect(await screen.findByText('Silungan was saved.')).toBeVisible();
    expect(bridge.inputsOf('shelters.save')).toEqual([
      {
        name: 'Silungan',
        type: 'temporary_shelter',
        address: 'Barangay Lahug, Cebu City',
        sexRule: 'male',
        minAge: 15,
        maxAge: 17,
        capacity: 12,
      },
    ]);
  });

  it('puts a taken name at the field and keeps everything typed when editing', async () => {
    const bridge = sheltersBridge().failOnce('shelters.save', {
      code: 'CONFLICT',
      message: 'conflict',
      fields: { name: 'shelter.nameTaken' },
    });
    const { user } = renderApp(bridge, { route: '/shelters' });
    await screen.findByRole('cell', { name: 'Bahay Pag-asa' });
    await user.click(screen.getByRole('button', { name: 'Edit Bahay Pag-asa' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Bahay Pag-asa' });
    const name = within(dialog).getByLabelText('Name');
    expect(within(dialog).getByLabelText('Address')).toHaveValue('Purok 3, Mandaue City');
    await user.clear(name);
    await user.type(name, 'Tahanan Kinship Home');
    await user.click(within(dialog).getByRole('button', { name: 'Save shelter' }));

    await waitFor(() =>
      expect(name).toHaveAccessibleDescription('A shelter with this name already exists.'),
    );
    expect(name).toHaveValue('Tahanan Kinship Home');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Some fields need attention.');
    expect(bridge.inputsOf('shelters.save')[0]).toMatchObject({
      id: SIDS.pagasa,
      name: 'Tahanan Kinship Home',
      minAge: 7,
      maxAge: 17,
      capacity: 4,
    });
  });

  it('adds a bed with an optional room and explains why an occupied bed cannot be removed', async () => {
    const withBed: Shelter = {
      ...SHELTERS[1]!,
      beds: [...SHELTERS[1]!.beds, { id: SIDS.bed3, room: 'Upstairs', label: 'Bed 2' }],
    };
    const bridge = sheltersBridge()
      .ok('beds.save', withBed)
      .failOnce('beds.save', ERR.validation({ label: 'required' }))
      .fail('beds.remove', { code: 'CONFLICT', message: 'bed.occupied' });
    const { user } = renderApp(bridge, { route: '/shelters' });
    await screen.findByRole('cell', { name: 'Bahay Pag-asa' });
    await user.click(screen.getByRole('button', { name: 'Manage beds of Tahanan Kinship Home' }));
    const dialog = screen.getByRole('dialog', { name: 'Beds of Tahanan Kinship Home' });
    const beds = within(dialog).getByRole('table', { name: 'Beds' });
    expect(within(beds).getByRole('cell', { name: 'No room' })).toBeVisible();

    const form = within(dialog).getByRole('form', { name: 'Add a bed' });
    await user.click(within(form).getByRole('button', { name: 'Add bed' }));
    expect(within(form).getByLabelText('Bed label')).toHaveAccessibleDescription(
      /This is required\./,
    );
    expect(bridge.countOf('beds.save')).toBe(0);

    await user.type(within(form).getByLabelText('Room (optional)'), 'Upstairs');
    await user.type(within(form).getByLabelText('Bed label'), 'Bed 2');
    bridge.ok('shelters.list', [SHELTERS[0]!, withBed]);
    // The first answer is the queued VALIDATION (as if another window raced us), then success.
    await user.click(within(form).getByRole('button', { name: 'Add bed' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('Bed label')).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(within(form).getByLabelText('Room (optional)')).toHaveValue('Upstairs');
    await user.click(within(form).getByRole('button', { name: 'Add bed' }));
    expect(await within(dialog).findByText('Upstairs · Bed 2 was added.')).toBeVisible();
    expect(bridge.inputsOf('beds.save').at(-1)).toEqual({
      shelterId: SIDS.tahanan,
      room: 'Upstairs',
      label: 'Bed 2',
    });
    expect(await within(beds).findByRole('cell', { name: 'Upstairs' })).toBeVisible();
    // The room stays for the next bed of the same room.
    expect(within(form).getByLabelText('Room (optional)')).toHaveValue('Upstairs');
    expect(within(form).getByLabelText('Bed label')).toHaveValue('');

    await user.click(within(dialog).getByRole('button', { name: 'Remove Bed 1' }));
    expect(
      await within(dialog).findByText(
        'This bed has a child in it now, so it cannot be removed. Transfer or discharge the child first.',
      ),
    ).toBeVisible();
    expect(bridge.inputsOf('beds.remove')).toEqual([{ id: SIDS.tBed1 }]);
    await expectNoAxeViolations();
  });

  it('is for coordinators: caseworkers have no Shelters section', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked(caseworkerSession()))
      .ok('shelters.list', SHELTERS)
      .ok('shelters.names', SHELTER_NAMES)
      .ok('beds.board', pagasaBoard());
    renderApp(bridge, { route: '/shelters' });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Bed board' })).toBeVisible();
    expect(within(nav).queryByRole('link', { name: 'Shelters' })).toBeNull();
    expect(screen.queryByRole('heading', { level: 1, name: 'Shelters' })).toBeNull();
    expect(bridge.countOf('shelters.save')).toBe(0);
  });
});
