import type { RendererDomain } from '../../frame/contributions';
import { AwaySection } from './AwaySection';
import { DocumentsDuePanel } from './DocumentsDuePanel';
import { DocumentsSection } from './DocumentsSection';
import { IncidentsSection } from './IncidentsSection';
import { careTimelineTexts } from './timelineTexts';

export const careDomain: RendererDomain = {
  name: 'care',
  // After the placements (20), before the family; they come from the case file's own call.
  caseFileSections: [
    { id: 'case-away', order: 22, Section: AwaySection },
    { id: 'case-incidents', order: 24, Section: IncidentsSection },
    // With the legal events (80): court orders and the birth registration.
    { id: 'case-documents', order: 82, Section: DocumentsSection },
  ],
  todayPanels: [DocumentsDuePanel],
  timelineTexts: careTimelineTexts,
};
