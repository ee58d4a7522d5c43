import type { Section } from '../../../frame/contributions';
import { ClinicalPolicyScreen } from './ClinicalPolicyScreen';
import { ClinicalScreen } from './ClinicalScreen';

/**
 * Session notes and outcome measures. Everyone who follows a child's therapy has the clinical
 * record (what they see of it depends on the role); the administrator sets the policy.
 */
export const therapyNotesSections: Section[] = [
  {
    path: 'clinical/*',
    navTo: '/clinical',
    navLabel: (t) => t('therapy.notes.nav'),
    roles: ['therapist', 'coordinator', 'caseworker'],
    Screen: ClinicalScreen,
  },
];

/** The administrator's clinical-records policy: after the administrator's own sections. */
export const therapyAdminSections: Section[] = [
  {
    path: 'clinical-policy',
    navTo: '/clinical-policy',
    navLabel: (t) => t('therapy.notes.policy.nav'),
    roles: ['admin'],
    Screen: ClinicalPolicyScreen,
  },
];
