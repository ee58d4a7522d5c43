import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from './support/FakeBridge';
import { status } from './support/fixtures';
import { expectNoAxeViolations, renderApp } from './support/render';

const SUMMARY = {
  createdAt: '2026-11-30T01:15:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: 9,
  counts: { users: 6, children: 200, shelters: 5, placements: 400 },
};
const DAMAGED_COPY = 'C:\\Users\\staff\\AppData\\Roaming\\Aruga\\safety-copies\\damaged-2026-12-01';

async function signInToDamagedVault(bridge: FakeBridge) {
  const app = renderApp(bridge);
  await app.user.type(await screen.findByLabelText('Username'), 'admin.reyes');
  await app.user.type(screen.getByLabelText('Password'), 'Kalamansi-Ferry-42-Lantern');
  await app.user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: 'The vault cannot be opened' }),
  ).toBeVisible();
  return app;
}

describe('the damaged-vault screen', () => {
  it('says what happened and restores a backup with the recovery key, after a confirmation', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .fail('auth.signIn', { code: 'CORRUPT', message: 'keyringDamaged' })
      .ok('backup.restoreDamaged', { damagedCopy: DAMAGED_COPY, summary: SUMMARY });
    const { user } = await signInToDamagedVault(bridge);
    expect(screen.getByText(/key file \(keyring\.json\) is damaged/)).toBeVisible();
    expect(screen.getByText(/Aruga has not changed the damaged files/)).toBeVisible();
    await expectNoAxeViolations();

    await user.click(screen.getByRole('button', { name: 'Use the recovery key' }));
    expect(screen.getByLabelText('Recovery key')).toHaveFocus();
    await user.keyboard('ABCD-EFGH');
    await user.click(screen.getByLabelText('Backup file'));
    await user.keyboard('D:\\aruga-2026-11-30.aruga-backup');
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Put this backup in place of the damaged vault?',
    });
    expect(bridge.countOf('backup.restoreDamaged')).toBe(0);
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));

    expect(await screen.findByRole('heading', { name: 'The backup is in place' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(DAMAGED_COPY);
    expect(screen.getByRole('status')).toHaveTextContent('200 children, 6 staff accounts');
    expect(bridge.inputsOf('backup.restoreDamaged')).toEqual([
      {
        file: 'D:\\aruga-2026-11-30.aruga-backup',
        unlockWith: 'recoveryKey',
        username: '',
        password: '',
        recoveryKey: 'ABCD-EFGH',
      },
    ]);
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Go to sign-in' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign in to Aruga' }),
    ).toBeVisible();
  });

  it('keeps what was typed and says why when the password was not an administrator’s', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .fail('auth.signIn', { code: 'CORRUPT', message: 'databaseDamaged' })
      .fail('backup.restoreDamaged', {
        code: 'FORBIDDEN',
        message: 'notAdministratorInBackup',
      });
    const { user } = await signInToDamagedVault(bridge);
    expect(screen.getByText(/database \(aruga\.db, or its log aruga\.db-wal\)/)).toBeVisible();
    await user.type(screen.getByLabelText('Backup file'), 'D:\\old.aruga-backup');
    await user.type(screen.getByLabelText('Username'), 'case.worker');
    await user.type(screen.getByLabelText('Password'), 'Some-Password-1');
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That account was not an administrator when this backup was made.',
    );
    expect(screen.getByLabelText('Username')).toHaveValue('case.worker');
    expect(screen.getByLabelText('Backup file')).toHaveValue('D:\\old.aruga-backup');
  });

  it('asks for a backup file before it asks to confirm', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .fail('auth.signIn', { code: 'CORRUPT', message: 'databaseDamaged' });
    const { user } = await signInToDamagedVault(bridge);
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText('Backup file')).toHaveAccessibleDescription(/./);
  });
});

describe('the salvage from the damaged-vault screen', () => {
  it('salvages with an administrator’s password after a confirmation and lists what was lost', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .fail('auth.signIn', { code: 'CORRUPT', message: 'databaseDamaged' });
    const salvage = bridge.defer('backup.salvageDamaged');
    const { user } = await signInToDamagedVault(bridge);
    await user.click(screen.getByRole('button', { name: 'Salvage what can be read' }));
    expect(screen.queryByLabelText('Backup file')).toBeNull();
    expect(screen.getByLabelText('Username')).toHaveFocus();
    await user.keyboard('admin.reyes');
    await user.tab();
    await user.keyboard('Kalamansi-Ferry-42-Lantern');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Salvage the vault' }));
    const dialog = await screen.findByRole('dialog', { name: 'Salvage this vault?' });
    expect(bridge.countOf('backup.salvageDamaged')).toBe(0);
    await user.click(within(dialog).getByRole('button', { name: 'Salvage' }));
    // While it works, the dialog shows how many tables' worth the backend reports done.
    const bar = await within(dialog).findByRole('progressbar', { name: 'Salvage this vault?' });
    act(() => bridge.emitProgress('backup.salvageDamaged', 21_000, 42_000));
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    await expectNoAxeViolations();
    salvage.resolve({
      damagedCopy: DAMAGED_COPY,
      tables: 41,
      rowsCopied: 17_372,
      lost: [
        { table: 'children', rows: 12 },
        { table: 'sync_peers', rows: null },
      ],
    });

    expect(await screen.findByRole('heading', { name: 'The vault was salvaged' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('17372 rows from 41 tables');
    expect(screen.getByRole('status')).toHaveTextContent(DAMAGED_COPY);
    const table = screen.getByRole('table', { name: 'Rows that could not be read, by table' });
    expect(within(table).getByRole('row', { name: 'children 12 rows' })).toBeVisible();
    expect(within(table).getByRole('row', { name: /sync_peers Some rows/ })).toBeVisible();
    expect(bridge.inputsOf('backup.salvageDamaged')).toEqual([
      {
        unlockWith: 'password',
        username: 'admin.reyes',
        password: 'Kalamansi-Ferry-42-Lantern',
        recoveryKey: '',
      },
    ]);
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Go to sign-in' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign in to Aruga' }),
    ).toBeVisible();
  });

  it('keeps what was typed and says why when the account is not an administrator’s', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .fail('auth.signIn', { code: 'CORRUPT', message: 'databaseDamaged' })
      .fail('backup.salvageDamaged', { code: 'FORBIDDEN', message: 'notAdministrator' });
    const { user } = await signInToDamagedVault(bridge);
    await user.click(screen.getByRole('button', { name: 'Salvage what can be read' }));
    await user.keyboard('case.worker');
    await user.type(screen.getByLabelText('Password'), 'Some-Password-1');
    await user.click(screen.getByRole('button', { name: 'Salvage the vault' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Salvage' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "That account is not an administrator's.",
    );
    expect(screen.getByLabelText('Username')).toHaveValue('case.worker');
  });
});

describe('the recovery key on a damaged vault', () => {
  it('leads from the recovery screen to the damaged-vault screen, and back to sign-in', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .fail('auth.recover', { code: 'CORRUPT', message: 'databaseDamaged' });
    const { user } = renderApp(bridge);
    await user.click(
      await screen.findByRole('button', { name: 'Forgot all passwords? Use the recovery key' }),
    );
    await user.type(await screen.findByLabelText('Recovery key'), 'ABCD-EFGH');
    await user.click(screen.getByRole('button', { name: 'Unlock with recovery key' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'The vault cannot be opened' }),
    ).toBeVisible();
    expect(screen.getByText(/database \(aruga\.db, or its log aruga\.db-wal\)/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Back to sign-in' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign in to Aruga' }),
    ).toBeVisible();
  });
});
