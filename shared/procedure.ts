import type { z } from 'zod';
import type { Role } from './roles';

/**
 * Who may call a procedure:
 * - 'public': no session needed (status, setup, sign-in);
 * - 'recovery': only after the recovery key has unlocked the vault;
 * - a list of roles: a signed-in user with one of these roles.
 */
export type Access = 'public' | 'recovery' | readonly Role[];

export interface ProcedureSpec<Input extends z.ZodType = z.ZodType, Output = unknown> {
  input: Input;
  access: Access;
  /** Mutations are audited by the router after they succeed. */
  kind: 'query' | 'mutation';
  /** A query that shows sensitive content (a full name, the intake account): audited as a view. */
  auditView?: boolean;
  /** Callable while the signed-in user still has to replace a temporary password. */
  duringPasswordChange?: boolean;
  /** Long work that reports how far it is while it runs (shared/bridge.ts ProgressEvent). */
  progress?: boolean;
  /** Phantom: carries the output type; never set at runtime. */
  readonly __output?: Output;
}

export function procedure<Output>() {
  return <Input extends z.ZodType>(spec: Omit<ProcedureSpec<Input, Output>, '__output'>) =>
    spec as ProcedureSpec<Input, Output>;
}
