import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../auth/AuthContext';
import { AppFrame } from './AppFrame';
import { useSections } from './contributions';

/** Home is the first section the role may use. */
export function AppRoutes() {
  const session = useSession();
  const sections = useSections(session.role);
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
