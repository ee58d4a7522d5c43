import type { RendererDomain } from '../../frame/contributions';
import { AccusedSection } from './AccusedSection';
import { ConferencesSection } from './ConferencesSection';
import { EducationSection } from './EducationSection';
import { ReviewsDuePanel } from './ReviewsDuePanel';

export const caseworkDomain: RendererDomain = {
  name: 'casework',
  caseFileSections: [
    // After the legal events (80): the cases those hearings belong to.
    { id: 'case-accused', order: 81, Section: AccusedSection },
    // After the case plan (70), whose goals include schooling.
    { id: 'case-education', order: 75, Section: EducationSection },
    // After the legal detail, before therapy (90): the team's decisions on the whole case.
    { id: 'case-conferences', order: 85, Section: ConferencesSection },
  ],
  todayPanels: [ReviewsDuePanel],
};
