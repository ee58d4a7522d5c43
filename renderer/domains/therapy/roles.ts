// What a role may do here is the contract's permission matrix, never a second list.
import { isAllowed } from '../../../shared/permissions';
import type { Role } from '../../../shared/roles';

/** Plans and schedules (and records attendance): coordinators and therapists. */
export const canSchedule = (role: Role): boolean => isAllowed('therapy.schedule', role);

/** Sees the therapy calendar and a child's sessions: the case team and therapists. */
export const canViewTherapy = (role: Role): boolean => isAllowed('therapy.calendar', role);
