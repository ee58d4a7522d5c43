import type { RendererDomain } from '../../frame/contributions';
import { ComputersScreen, SyncScreen } from './ComputersScreen';
import { ConflictsScreen } from './ConflictsScreen';

/**
 * Sync: the Computers screen for those who manage or watch them, Sync now for the case team, and
 * the conflicts to resolve for the coordinator.
 */
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
    {
      path: 'conflicts',
      navTo: '/conflicts',
      navLabel: (t) => t('sync.nav.conflicts'),
      roles: ['coordinator'],
      Screen: ConflictsScreen,
    },
  ],
};
