import type { RendererDomain } from '../../frame/contributions';
import { isAllowed } from '../../../shared/permissions';
import { ROLES } from '../../../shared/roles';
import type { ProcedureName } from '../../../shared/contract';
import { ReintegrationAdminScreen } from './admin/ReintegrationAdminScreen';
import { AssessmentScreen } from './assessment/AssessmentScreen';
import { ReintegrationCaseSection } from './case-file/ReintegrationCaseSection';
import { ClosureSection } from './closure/ClosureSection';
import { ComparisonSection } from './compare/ComparisonSection';
import { QueueScreen } from './QueueScreen';
import { OutcomesDuePanel } from './outcomes/OutcomesDuePanel';
import { OverdueVisitsPanel } from './visits/OverdueVisitsPanel';
import { VisitsSection } from './visits/VisitsSection';

const rolesFor = (name: ProcedureName) => ROLES.filter((role) => isAllowed(name, role));

export const reintegrationDomain: RendererDomain = {
  name: 'reintegration',
  sections: [
    {
      path: 'reintegration/queue',
      navTo: '/reintegration/queue',
      navLabel: (t) => t('reintegration.nav.queue'),
      roles: rolesFor('reintegration.queue'),
      Screen: QueueScreen,
    },
    {
      path: 'reintegration/children/:childId/assessments/:id',
      roles: rolesFor('reintegration.list'),
      Screen: AssessmentScreen,
    },
  ],
  settingsSections: [
    {
      path: 'reintegration/settings',
      navTo: '/reintegration/settings',
      navLabel: (t) => t('reintegration.nav.admin'),
      roles: rolesFor('reintegration.setPolicy'),
      Screen: ReintegrationAdminScreen,
    },
  ],
  // After therapy (90), before the timeline (100).
  caseFileSections: [
    {
      id: 'case-reintegration',
      order: 95,
      Section: ({ file }) => <ReintegrationCaseSection file={file} />,
      queries: (childId) => [
        ['reintegration.list', { childId }],
        ['reintegration.instruments', {}],
      ],
    },
    {
      id: 'case-follow-up-visits',
      order: 96,
      Section: ({ file }) => (
        <VisitsSection childId={file.child.id} caseStatus={file.child.status} />
      ),
      queries: (childId) => [['reintegration.visits', { childId }]],
    },
    {
      id: 'case-comparison',
      order: 97,
      Section: ({ file }) => <ComparisonSection childId={file.child.id} />,
    },
    {
      id: 'case-closure',
      order: 98,
      Section: ({ file }) => <ClosureSection childId={file.child.id} />,
      queries: (childId) => [['reintegration.closure', { childId }]],
    },
  ],
  todayPanels: [OverdueVisitsPanel, OutcomesDuePanel],
};
