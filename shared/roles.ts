export const ROLES = ['admin', 'coordinator', 'caseworker', 'therapist'] as const;
export type Role = (typeof ROLES)[number];
