import { Navigate, Route, Routes } from 'react-router';
import { ChildClinicalScreen } from './ChildClinicalScreen';
import { ClinicalHomeScreen } from './ClinicalHomeScreen';
import { NoteScreen } from './NoteScreen';
import './notes.css';

/** "Clinical records": the list (clinical), a child's record (clinical/:childId), a note. */
export function ClinicalScreen() {
  return (
    <Routes>
      <Route index element={<ClinicalHomeScreen />} />
      <Route path="note/:noteId" element={<NoteScreen />} />
      <Route path=":childId" element={<ChildClinicalScreen />} />
      <Route path="*" element={<Navigate to="/clinical" replace />} />
    </Routes>
  );
}
