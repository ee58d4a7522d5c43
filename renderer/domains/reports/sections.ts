import type { RendererDomain } from '../../frame/contributions';
import { ReportsScreen } from './ReportsScreen';

/** Reports: for the coordinator, a caseworker (her shelters), a therapist (therapy) and the administrator. */
export const reportsDomain: RendererDomain = {
  name: 'reports',
  sections: [
    {
      path: 'reports',
      navTo: '/reports',
      navLabel: (t) => t('reports.nav'),
      roles: ['coordinator', 'caseworker', 'therapist', 'admin'],
      Screen: ReportsScreen,
    },
  ],
};
