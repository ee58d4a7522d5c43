// The permission matrix as data: procedure × role → allowed. Deny by default.
import { procedures, PROCEDURE_NAMES, type ProcedureName } from './contract';
import { ROLES, type Role } from './roles';

export type PermissionMatrix = Record<ProcedureName, Record<Role, boolean>>;

export const permissionMatrix: PermissionMatrix = Object.fromEntries(
  PROCEDURE_NAMES.map((name) => {
    const { access } = procedures[name];
    const row = Object.fromEntries(
      ROLES.map((role) => [role, Array.isArray(access) && access.includes(role)]),
    ) as Record<Role, boolean>;
    return [name, row];
  }),
) as PermissionMatrix;

/** A signed-in user's right to call a role-gated procedure. Public/recovery procedures are not role-gated. */
export function isAllowed(name: ProcedureName, role: Role): boolean {
  return permissionMatrix[name]?.[role] ?? false;
}
