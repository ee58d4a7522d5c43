import type { RendererDomain } from '../../frame/contributions';
import { isAllowed } from '../../../shared/permissions';
import { ROLES } from '../../../shared/roles';
import { AccusedSection } from './AccusedSection';
import { ConferencesSection } from './ConferencesSection';
import { EducationSection } from './EducationSection';
import { HealthReadersScreen } from './HealthReadersScreen';
import { HealthSection } from './HealthSection';
import { ReviewsDuePanel } from './ReviewsDuePanel';
import { caseworkTimelineTexts } from './timelineTexts';

export const caseworkDomain: RendererDomain = {
  name: 'casework',
  caseFileSections: [
    // After the legal events (80): the cases those hearings belong to.
    { id: 'case-accused', order: 81, Section: AccusedSection },
    // After the case plan (70), whose goals include schooling.
    { id: 'case-education', order: 75, Section: EducationSection },
    // Beside schooling: the rest of her daily well-being.
    { id: 'case-health', order: 76, Section: HealthSection },
    // After the legal detail, before therapy (90): the team's decisions on the whole case.
    { id: 'case-conferences', order: 85, Section: ConferencesSection },
  ],
  timelineTexts: caseworkTimelineTexts,
  todayPanels: [ReviewsDuePanel],
  settingsSections: [
    {
      path: 'casework/health-readers',
      navTo: '/casework/health-readers',
      navLabel: (t) => t('casework.nav.healthReaders'),
      roles: ROLES.filter((role) => isAllowed('health.saveReaders', role)),
      Screen: HealthReadersScreen,
    },
  ],
};
