import type { Section } from '../../frame/contributions';
import { isAllowed } from '../../../shared/permissions';
import { ROLES } from '../../../shared/roles';
import type { ProcedureName } from '../../../shared/contract';
import { CalendarScreen } from './calendar/CalendarScreen';
import { AvailabilityScreen } from './availability/AvailabilityScreen';
import { CaseloadScreen } from './CaseloadScreen';
import { ChildTherapyScreen } from './ChildTherapyScreen';
import { TherapyRulesScreen } from './settings/TherapyRulesScreen';
import { TherapyTodayScreen } from './today/TherapyTodayScreen';

/** The roles a screen's main procedure allows: the contract decides, the navigation follows. */
const rolesFor = (name: ProcedureName) => ROLES.filter((role) => isAllowed(name, role));

/** Therapy work: the therapist's Today, the calendar, the caseload and each child's therapy. */
export const therapySections: Section[] = [
  {
    path: 'therapy/today',
    navTo: '/therapy/today',
    navLabel: (t) => t('therapy.nav.today'),
    roles: rolesFor('therapy.today'),
    Screen: TherapyTodayScreen,
  },
  {
    path: 'therapy/calendar',
    navTo: '/therapy/calendar',
    navLabel: (t) => t('therapy.nav.calendar'),
    roles: rolesFor('therapy.schedule'),
    Screen: CalendarScreen,
  },
  {
    path: 'therapy/caseload',
    navTo: '/therapy/caseload',
    navLabel: (t) => t('therapy.nav.caseload'),
    // Those who do therapy work; caseworkers see a child's therapy on the case file.
    roles: rolesFor('therapy.schedule'),
    Screen: CaseloadScreen,
  },
  {
    path: 'therapy/availability',
    navTo: '/therapy/availability',
    navLabel: (t) => t('therapy.nav.availability'),
    roles: rolesFor('therapy.setHours'),
    Screen: AvailabilityScreen,
  },
  {
    path: 'therapy/children/:id',
    roles: rolesFor('therapy.childScheduling'),
    Screen: ChildTherapyScreen,
  },
];

/** The administrator's therapy settings, after the account screens in the navigation. */
export const therapySettingsSections: Section[] = [
  {
    path: 'therapy/rules',
    navTo: '/therapy/rules',
    navLabel: (t) => t('therapy.nav.rules'),
    roles: rolesFor('therapy.saveRules'),
    Screen: TherapyRulesScreen,
  },
];
