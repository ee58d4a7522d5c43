// The permission matrix as data: procedure × role → allowed. Deny by default.
import { procedures, PROCEDURE_NAMES, type ProcedureName } from './contract';
import { ROLES, type Role } from './roles';

export type PermissionMatrix = Record<ProcedureName, Record<Role, boolean>>;

// Built by assignment rather than cast from Object.fromEntries: StrykerJS mutates nothing inside
// a TypeScript `as` expression, and this is the code the permission tests must be able to fail on.
function buildMatrix(): PermissionMatrix {
  const matrix = {} as PermissionMatrix;
  for (const name of PROCEDURE_NAMES) {
    const { access } = procedures[name];
    const row = {} as Record<Role, boolean>;
    for (const role of ROLES) row[role] = Array.isArray(access) && access.includes(role);
    matrix[name] = row;
  }
  return matrix;
}

export const permissionMatrix: PermissionMatrix = buildMatrix();

/** A signed-in user's right to call a role-gated procedure. Public/recovery procedures are not role-gated. */
export function isAllowed(name: ProcedureName, role: Role): boolean {
  return permissionMatrix[name]?.[role] ?? false;
}
