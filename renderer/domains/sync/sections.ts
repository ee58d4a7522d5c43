import type { RendererDomain } from '../../frame/contributions';
import { ComputersScreen, SyncScreen } from './ComputersScreen';

/** Sync: the Computers screen for those who manage or watch them, Sync now for the case team. */
export const syncDomain: RendererDomain = {
  name: 'sync',
  sections: [
    {
      path: 'computers',
      navTo: '/computers',
      navLabel: (t) => t('sync.nav.computers'),
      roles: ['admin', 'coordinator'],
      Screen: ComputersScreen,
    },
    {
      path: 'sync',
      navTo: '/sync',
      navLabel: (t) => t('sync.nav.sync'),
      roles: ['caseworker', 'therapist'],
      Screen: SyncScreen,
    },
  ],
};
