// Who sees the privacy screens: the same roles the contract lets call their procedures.
import { isAllowed } from '../../../shared/permissions';
import type { Role } from '../../../shared/roles';

export const canReadAccessLog = (role: Role) => isAllowed('privacy.childAccessLog', role);
export const keepsBreachRegister = (role: Role) => isAllowed('breaches.list', role);
export const keepsRetention = (role: Role) => isAllowed('retention.overview', role);
