import type { Section } from '../../frame/section';
import { CasesScreen } from './CasesScreen';
import { TodayScreen } from './TodayScreen';

/** Case records: the survivor list, search, registration and the case file. */
export const childrenSections: Section[] = [
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
];
