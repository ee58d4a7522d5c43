import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../auth/AuthContext';
import { AccountScreen } from '../screens/AccountScreen';
import { AuditLogScreen } from '../screens/AuditLogScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { UsersScreen } from '../screens/UsersScreen';
import { AppFrame } from './AppFrame';
import { sectionsFor, type Section } from './sections';

/** The access sections: everyone's own account, and the administrator's screens. */
export const FOUNDATION_SECTIONS: readonly Section[] = [
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
];

/** Home is the first section the role may use. */
export function AppRoutes() {
  const session = useSession();
  const sections = sectionsFor(session.role, FOUNDATION_SECTIONS);
  const home = sections.find((s) => s.navTo)?.navTo ?? '/account';
  return (
    <Routes>
      <Route element={<AppFrame sections={sections} />}>
        <Route index element={<Navigate to={home} replace />} />
        {sections.map(({ path, Screen }) => (
          <Route key={path} path={path} element={<Screen />} />
        ))}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
