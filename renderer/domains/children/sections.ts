import type { RendererDomain } from '../../frame/contributions';
import { CasesScreen } from './CasesScreen';
import { DetailsSection } from './CaseFileScreen';
import { ConsentsSection } from './case-file/ConsentsSection';
import { FamilySection } from './case-file/FamilySection';
import { HouseholdSection } from './case-file/HouseholdSection';
import { IntakeSection } from './case-file/IntakeSection';
import { LegalSection } from './case-file/LegalSection';
import { PlanSection } from './case-file/PlanSection';
import { SiblingsSection } from './case-file/SiblingsSection';
import { TimelineSection } from './case-file/TimelineSection';
import { childrenTimelineTexts } from './case-file/timelineTexts';
import { TodayScreen } from './TodayScreen';
import { GateScreen } from './GateScreen';
import { IntakeAccountsScreen } from './IntakeAccountsScreen';
import { VisitorsSection } from './case-file/VisitorsSection';

/**
 * Case records: Today, the survivor list, search, registration and the case file, whose own
 * sections run 10, 30, 40 … 100 (other domains' sections fit between; the timeline is last).
 */
export const childrenDomain: RendererDomain = {
  name: 'children',
  sections: [
    {
      path: 'today',
      navTo: '/today',
      navLabel: (t) => t('children.nav.today'),
      roles: ['coordinator', 'caseworker'],
      Screen: TodayScreen,
    },
    {
      path: 'cases/*',
      navTo: '/cases',
      navLabel: (t) => t('children.nav.children'),
      roles: ['coordinator', 'caseworker'],
      Screen: CasesScreen,
    },
  ],
  // No role is "gate staff": anyone signed in may look up the visitors of children in scope. Kept
  // with the settings, last in the navigation, so it is never a role's home screen.
  settingsSections: [
    {
      path: 'gate',
      navTo: '/gate',
      navLabel: (t) => t('children.nav.gate'),
      roles: ['admin', 'coordinator', 'caseworker', 'therapist'],
      Screen: GateScreen,
    },
    // A therapist has no case file: her way to the intake accounts she may open. Listed after
    // every domain's own screens, so her home stays her caseload.
    {
      path: 'intake-accounts',
      navTo: '/intake-accounts',
      navLabel: (t) => t('intakeAccounts.nav'),
      roles: ['therapist'],
      Screen: IntakeAccountsScreen,
    },
  ],
  caseFileSections: [
    { id: 'case-details', order: 10, Section: DetailsSection },
    { id: 'case-family', order: 30, Section: FamilySection },
    {
      id: 'case-household',
      order: 32,
      Section: HouseholdSection,
      queries: (childId) => [['households.get', { childId }]],
    },
    {
      id: 'case-visitors',
      order: 35,
      Section: VisitorsSection,
      queries: (childId) => [['visitors.list', { childId }]],
    },
    { id: 'case-consents', order: 40, Section: ConsentsSection },
    { id: 'case-siblings', order: 50, Section: SiblingsSection },
    { id: 'case-intake', order: 60, Section: IntakeSection },
    { id: 'case-plan', order: 70, Section: PlanSection },
    { id: 'case-legal', order: 80, Section: LegalSection },
    {
      id: 'case-timeline',
      order: 100,
      Section: TimelineSection,
      queries: (id) => [['children.timeline', { id }]],
    },
  ],
  timelineTexts: childrenTimelineTexts,
};
