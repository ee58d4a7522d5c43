// Adding a computer (the administrator's join file and one-time code) and joining with them on
// the first-run screen: progress while the work runs, field messages that keep what was typed.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/sync/contract';
import { FakeBridge } from '../support/FakeBridge';
import { status, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

const SHARING: SyncStatus = { sharing: true, folder: 'E:\\aruga-sync', staleDays: 7 };
const CODE = '0AB1-C0DE-1FGH-J0K1-M1NP-Q0RS';
const COMPUTER_ID = '0190a000-0000-7000-8000-000000000002';
const FILE = 'E:\\aruga-3f9c1a2b7d4e.aruga-join';
const RECOVERY_KEY = '7K2M-9QPA-X4HR-0T3W-BN6C-ZD8E-1FGJ-5SVY';

describe('Add a computer', () => {
  it('writes the join file with progress, then shows the code in groups once', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('sync.status', SHARING)
      .ok('sync.computers', []);
    const added = bridge.defer('sync.addComputer');
    const { user } = renderApp(bridge, { route: '/computers' });
    const form = await screen.findByRole('form', { name: 'Add a computer' });
    await user.click(within(form).getByRole('button', { name: 'Add a computer' }));
    expect(await within(form).findAllByText('This is required.')).toHaveLength(2);
    expect(bridge.countOf('sync.addComputer')).toBe(0);
    await user.type(within(form).getByLabelText("The new computer's name"), 'Fictional Cebu');
    await user.type(within(form).getByLabelText('Folder for the join file'), 'E:\\');
    await user.click(within(form).getByRole('button', { name: 'Add a computer' }));
    const bar = await screen.findByRole('progressbar', { name: 'Writing the join file…' });
    act(() => bridge.emitProgress('sync.addComputer', 1, 4));
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    await act(async () => added.resolve({ computerId: COMPUTER_ID, code: CODE, path: FILE }));
    const codeList = await screen.findByRole('list', { name: 'One-time code' });
    expect(
      within(codeList)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(CODE.split('-').map((group, i) => `Group ${i + 1}${group}`));
    expect(screen.getByText(`The join file was written to ${FILE}.`)).toBeVisible();
    expect(bridge.inputsOf('sync.addComputer')).toEqual([
      { computerName: 'Fictional Cebu', folder: 'E:\\' },
    ]);
    await expectNoAxeViolations();
    await user.click(
      screen.getByRole('button', { name: 'I have typed the code on the new computer' }),
    );
    expect(screen.queryByText(CODE.split('-')[0]!)).toBeNull();
    expect(await screen.findByRole('form', { name: 'Add a computer' })).toBeVisible();
  });
});

describe('Join an organisation', () => {
  const setup = () =>
    new FakeBridge().ok('app.status', status({ state: 'setup', dataFolder: '/home/aruga' }));

  it('is offered beside a new vault, refuses a wrong code at its field and keeps the input', async () => {
    const bridge = setup().failOnce('sync.join', {
      code: 'VALIDATION',
      message: 'validation',
      fields: { code: 'sync.joinCodeWrong' },
    });
    const { user } = renderApp(bridge);
    await user.click(await screen.findByRole('button', { name: 'Join an organisation' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Join an organisation' }),
    ).toBeVisible();
    await user.type(screen.getByLabelText('Join file'), FILE);
    await user.type(screen.getByLabelText('One-time code'), 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    await user.click(screen.getByRole('button', { name: 'Join the organisation' }));
    expect(await screen.findByText(/This code does not open the join file\./)).toBeVisible();
    expect(screen.getByLabelText('One-time code')).toHaveValue('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    expect(screen.getByLabelText('Join file')).toHaveValue(FILE);
    // An empty optional folder is not sent at all.
    expect(bridge.inputsOf('sync.join')).toEqual([
      { file: FILE, code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' },
    ]);
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Back to setting up a new vault' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Aruga' })).toBeVisible();
  });

  it('shows progress while joining, then its own recovery key and its check, then the first sync and sign-in', async () => {
    let joined = false;
    const bridge = new FakeBridge().ok('app.status', () =>
      status({ state: joined ? 'locked' : 'setup', dataFolder: '/home/aruga' }),
    );
    const join = bridge.defer('sync.join');
    const { user } = renderApp(bridge);
    await user.click(await screen.findByRole('button', { name: 'Join an organisation' }));
    await user.type(await screen.findByLabelText('Join file'), FILE);
    await user.type(screen.getByLabelText('One-time code'), CODE.toLowerCase());
    await user.type(screen.getByLabelText('Sync folder (optional)'), 'E:\\aruga-sync');
    await user.click(screen.getByRole('button', { name: 'Join the organisation' }));
    const bar = await screen.findByRole('progressbar', { name: "Making this computer's vault" });
    act(() => bridge.emitProgress('sync.join', 3, 4));
    expect(bar).toHaveAttribute('aria-valuenow', '75');
    joined = true;
    await act(async () =>
      join.resolve({
        computerId: COMPUTER_ID,
        computerName: 'Fictional Cebu',
        firstSync: { applied: 2, refused: 0 },
        recoveryKey: RECOVERY_KEY,
        timeZone: 'Asia/Manila',
      }),
    );
    // This computer's own recovery key, shown once and checked as at set-up.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your recovery key' }),
    ).toBeVisible();
    expect(
      screen.getByText(
        'This computer has a recovery key of its own: the recovery key of the computer that added it does not open this one.',
      ),
    ).toBeVisible();
    const groups = within(screen.getByRole('region', { name: 'Recovery key in 8 groups' }))
      .getAllByRole('listitem')
      .map((li) => li.querySelector('code')?.textContent);
    expect(groups).toEqual(RECOVERY_KEY.split('-'));
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'I have written it down' }));
    expect(screen.queryByText(RECOVERY_KEY.split('-')[0]!)).toBeNull();
    const continueButton = screen.getByRole('button', { name: 'Continue' });
    expect(continueButton).toBeDisabled();
    for (const field of screen.getAllByLabelText(/^Type group \d$/)) {
      const label = document.querySelector(`label[for="${field.id}"]`)?.textContent ?? '';
      const position = Number(/\d$/.exec(label)?.[0]);
      await user.type(field, RECOVERY_KEY.split('-')[position - 1]!.toLowerCase());
    }
    expect(continueButton).toBeEnabled();
    await user.click(continueButton);
    expect(
      await screen.findByText(/This computer joined the organisation as Fictional Cebu\./),
    ).toBeVisible();
    expect(screen.getByText('The first sync applied 2 files of changes.')).toBeVisible();
    expect(bridge.inputsOf('sync.join')).toEqual([
      { file: FILE, code: CODE.toLowerCase(), syncFolder: 'E:\\aruga-sync' },
    ]);
    await user.click(screen.getByRole('button', { name: 'Continue to sign in' }));
    expect(await screen.findByRole('button', { name: /^Sign in/ })).toBeVisible();
  });
});
