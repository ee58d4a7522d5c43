import type { RendererDomain } from '../../frame/contributions';
import { ROLES } from '../../../shared/roles';
import { AccessLogSection } from './AccessLogSection';
import { BreachesScreen } from './BreachesScreen';
import { BreachReminder } from './BreachReminder';
import { RetentionScreen } from './RetentionScreen';
import { keepsBreachRegister, keepsRetention } from './roles';

/**
 * Privacy duties: the administrator's breach register (and its reminder above every screen), the
 * retention periods with their reviewed deletions, and the coordinator's access log in each case
 * file.
 */
export const privacyDomain: RendererDomain = {
  name: 'privacy',
  sections: [
    {
      path: 'privacy/breaches',
      navTo: '/privacy/breaches',
      navLabel: (t) => t('privacy.nav.breaches'),
      roles: ROLES.filter(keepsBreachRegister),
      Screen: BreachesScreen,
    },
    {
      path: 'privacy/retention',
      navTo: '/privacy/retention',
      navLabel: (t) => t('privacy.nav.retention'),
      roles: ROLES.filter(keepsRetention),
      Screen: RetentionScreen,
    },
  ],
  // Just before the timeline (100). It asks for its entries itself, and only for the coordinator.
  caseFileSections: [
    {
      id: 'case-access-log',
      order: 99,
      Section: ({ file }) => <AccessLogSection childId={file.child.id} />,
    },
  ],
  notices: [BreachReminder],
};
