import type { RendererDomain } from '../../frame/contributions';
import { AwaySection } from './AwaySection';
import { ContactsSection } from './ContactsSection';
import { DocumentsDuePanel } from './DocumentsDuePanel';
import { DocumentsSection } from './DocumentsSection';
import { IncidentsSection } from './IncidentsSection';
import { careTimelineTexts } from './timelineTexts';

export const careDomain: RendererDomain = {
  name: 'care',
  // After the family (30), before its visitors (35); they come from the case file's own call.
  caseFileSections: [
    { id: 'case-away', order: 31, Section: AwaySection },
    { id: 'case-incidents', order: 33, Section: IncidentsSection },
    // Beside the family (30) and visitors: who she is in contact with.
    { id: 'case-contacts', order: 36, Section: ContactsSection },
    // With the legal events (80): court orders and the birth registration.
    { id: 'case-documents', order: 82, Section: DocumentsSection },
  ],
  todayPanels: [DocumentsDuePanel],
  timelineTexts: careTimelineTexts,
};
