import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/contract';
import { formatInstant } from '../../i18n/format';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { DataTable } from '../../ui/DataTable';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { CreateUserForm } from './users/CreateUserForm';
import { DisableUserDialog, EditAccessDialog, ResetPasswordDialog } from './users/UserDialogs';
import { useDataTable } from '../../ui/useDataTable';

type OpenDialog = { kind: 'edit' | 'reset' | 'disable'; user: UserSummary } | null;
const column = createColumnHelper<UserSummary>();

export function UsersScreen() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('users.title'));
  const users = useApiQuery('users.list', {});
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [status, setStatus] = useState<string | null>(null);
  const timeZone = session.settings.timeZone;
  const heading = useRef<HTMLHeadingElement>(null);
  const [disabledCount, setDisabledCount] = useState(0);

  // A disabled account's row loses its buttons, the dialog's opener among them: focus goes to the
  // screen's heading (after the dialog has given it back) rather than fall to the page's body.
  useEffect(() => {
    if (disabledCount > 0) heading.current?.focus();
  }, [disabledCount]);

  const columns = useMemo(
    () => [
      // The username under the name: one column for both leaves the row room for its actions.
      column.accessor('displayName', {
        header: () => t('users.columns.person'),
        cell: ({ row: { original: user } }) => (
          <>
            {user.displayName}
            <span className="cell-detail">{user.username}</span>
          </>
        ),
      }),
      column.accessor('role', {
        header: () => t('users.columns.role'),
        cell: (info) => t(`roles.${info.getValue()}`),
      }),
      column.accessor('shelterScope', {
        header: () => t('users.columns.shelterScope'),
        cell: (info) =>
          info.getValue().length ? info.getValue().join(', ') : t('users.noShelters'),
      }),
      column.display({
        id: 'status',
        header: () => t('users.columns.status'),
        cell: ({ row: { original: user } }) =>
          user.active ? (
            <>
              <span className="badge badge-ok">{t('users.active')}</span>
              {user.mustChangePassword ? (
                <span className="badge">{t('users.mustChange')}</span>
              ) : null}
            </>
          ) : (
            <span className="badge badge-off">{t('users.disabled')}</span>
          ),
      }),
      column.accessor('lastSignInAt', {
        header: () => t('users.columns.lastSignIn'),
        cell: (info) => {
          const at = info.getValue();
          return at ? formatInstant(at, timeZone) : t('common.never');
        },
      }),
      column.display({
        id: 'actions',
        header: () => t('users.columns.actions'),
        cell: ({ row: { original: user } }) =>
          user.active ? (
            <div className="row-actions row-actions-pairs">
              <button
                type="button"
                aria-label={t('users.editAccessFor', { name: user.displayName })}
                onClick={() => setDialog({ kind: 'edit', user })}
              >
                {t('users.editAccess')}
              </button>
              <button
                type="button"
                aria-label={t('users.resetPasswordFor', { name: user.displayName })}
                onClick={() => setDialog({ kind: 'reset', user })}
              >
                {t('users.resetPassword')}
              </button>
              {user.id === session.userId ? null : (
                <button
                  type="button"
                  className="button-danger-quiet"
                  aria-label={t('users.disableUser', { name: user.displayName })}
                  onClick={() => setDialog({ kind: 'disable', user })}
                >
                  {t('users.disable')}
                </button>
              )}
            </div>
          ) : null,
      }),
    ],
    [t, timeZone, session.userId],
  );

  const table = useDataTable({ data: users.data, columns, getRowId: (user) => user.id });

  const done = (message: string) => {
    setDialog(null);
    setStatus(message);
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('users.title')}
      </h1>
      <StatusMessage>{status}</StatusMessage>
      {users.isError ? <FormAlert message={{ key: users.error.message }} /> : null}
      <DataTable
        table={table}
        caption={t('users.tableCaption')}
        rowClass={(user) => (user.active ? undefined : 'row-muted')}
      >
        {users.isSuccess && users.data.length === 0 ? <p>{t('users.empty')}</p> : null}
      </DataTable>
      <section className="panel">
        <CreateUserForm onCreated={(name) => setStatus(t('users.create.created', { name }))} />
      </section>
      {dialog?.kind === 'edit' ? (
        <EditAccessDialog user={dialog.user} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === 'disable' ? (
        <DisableUserDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            done(message);
            setDisabledCount((count) => count + 1);
          }}
        />
      ) : null}
    </>
  );
}
