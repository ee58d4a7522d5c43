import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../auth/AuthContext';
import { AppFrame } from './AppFrame';
import { homePathOf, useSections } from './contributions';

export function AppRoutes() {
  const session = useSession();
  const sections = useSections(session.role);
  const home = homePathOf(sections);
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
