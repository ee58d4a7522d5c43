import { Navigate, Route, Routes } from 'react-router';
import { CaseFileScreen } from './CaseFileScreen';
import { CasesStateProvider } from './CasesContext';
import { ChildrenListScreen } from './ChildrenListScreen';
import { EditChildScreen, RegisterChildScreen } from './ChildFormScreens';
import './cases.css';

/** "Children": the list, registration, and each child's case file (cases/:id). */
export function CasesScreen() {
  return (
    <CasesStateProvider>
      <Routes>
        <Route index element={<ChildrenListScreen />} />
        <Route path="new" element={<RegisterChildScreen />} />
        <Route path=":id" element={<CaseFileScreen />} />
        <Route path=":id/edit" element={<EditChildScreen />} />
        <Route path="*" element={<Navigate to="/cases" replace />} />
      </Routes>
    </CasesStateProvider>
  );
}
