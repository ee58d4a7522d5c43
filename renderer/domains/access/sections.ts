import type { RendererDomain } from '../../frame/contributions';
import { AccountScreen } from './AccountScreen';
import { AuditLogScreen } from './AuditLogScreen';
import { BackupsScreen } from './BackupsScreen';
import { SettingsScreen } from './SettingsScreen';
import { UsersScreen } from './UsersScreen';

/** The access sections: everyone's own account, and the administrator's screens. */
export const accessDomain: RendererDomain = {
  name: 'access',
  sections: [
    {
      path: 'users',
      navTo: '/users',
      navLabel: (t) => t('frame.nav.users'),
      roles: ['admin'],
      Screen: UsersScreen,
    },
    {
      path: 'audit',
      navTo: '/audit',
      navLabel: (t) => t('frame.nav.audit'),
      roles: ['admin'],
      Screen: AuditLogScreen,
    },
    {
      path: 'backups',
      navTo: '/backups',
      navLabel: (t) => t('frame.nav.backups'),
      roles: ['admin'],
      Screen: BackupsScreen,
    },
    {
      path: 'settings',
      navTo: '/settings',
      navLabel: (t) => t('frame.nav.settings'),
      roles: ['admin'],
      Screen: SettingsScreen,
    },
    {
      path: 'account',
      navTo: '/account',
      navLabel: (t) => t('frame.nav.account'),
      roles: ['admin', 'coordinator', 'caseworker', 'therapist'],
      Screen: AccountScreen,
    },
  ],
};
