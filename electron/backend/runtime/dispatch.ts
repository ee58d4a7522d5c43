// The router's dispatch: every call passes here, in this order: session, permission, input, the
// records its ids name, the handler, the audit entry, one transaction; and leaves as an envelope.
import type { z } from 'zod';
import { procedures, isProcedureName, PROCEDURE_ID_FIELDS } from '../../../shared/contract';
import { AppError, type Envelope } from '../../../shared/errors';
import { isAllowed } from '../../../shared/permissions';
import type {
  AuditDeclaration,
  AuditTarget,
  AuditTargets,
  CallContext,
  Handler,
  Handlers,
} from './call-context';
import { isCorruptionError, isDiskFullError } from '../db/sqlcipher';
import { actorOf } from '../records/actor';
import { requireIdsInScope } from '../records/scope';
import type { OpenVault } from '../vault/vault';
import type { AuditRecord } from '../audit-log';

export type Session =
  | { kind: 'closed' }
  | { kind: 'recovery'; vault: OpenVault }
  | { kind: 'unlocked'; vault: OpenVault; userId: string };

/** What dispatch needs of the backend. */
export interface Router {
  readonly handlers: Handlers;
  readonly auditTargets: AuditTargets;
  /** Read again after the handler: a handler may sign in, enter recovery or lock. */
  session(): Session;
  /** A fresh context for one call; dispatch sets its audit hooks. */
  context(): CallContext;
  restartIdleTimer(): void;
}

/**
 * Mutations that cannot run inside the call's one transaction: a lock closes the database, and
 * a re-key must run outside any transaction (it keeps its own pending-keyring order instead).
 */
const OWN_TRANSACTION = new Set<string>(['session.lock', 'vault.rotateKey']);

export async function dispatch(
  router: Router,
  name: string,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  if (!isProcedureName(name))
    return { ok: false, error: new AppError('NOT_FOUND', 'notFound').toShape() };
  const spec = procedures[name];
  const ctx = router.context();
  let auditTarget: AuditTarget | null = null;
  let failedAttempt: AuditRecord | null = null;
  ctx.setAuditTarget = (target) => {
    auditTarget = target;
  };
  ctx.auditFailedAttempt = (record) => {
    failedAttempt = record;
  };
  let work: OpenVault | null = null;
  let viewAlreadyAudited = false;
  ctx.skipViewAudit = () => {
    viewAlreadyAudited = true;
  };
  try {
    const session = router.session();
    // Session and permission are checked before the input is even parsed.
    if (spec.access === 'recovery') {
      if (session.kind !== 'recovery') throw new AppError('LOCKED', 'notInRecovery');
      router.restartIdleTimer();
    } else if (name === 'session.lock' && session.kind === 'recovery') {
      // Recovery mode locks like any session ("Lock now", the OS lock, quick hide).
    } else if (spec.access !== 'public') {
      if (session.kind !== 'unlocked') throw new AppError('LOCKED', 'locked');
      const user = ctx.user();
      if (!isAllowed(name, user.role)) {
        session.vault.audit.append({ actorId: user.id, action: name, outcome: 'denied' });
        throw new AppError('FORBIDDEN', 'forbidden');
      }
      if (user.mustChangePassword && !spec.duringPasswordChange) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', 'passwordChangeRequired');
      }
      router.restartIdleTimer();
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new AppError('VALIDATION', 'validation', { fields: fieldErrors(parsed.error) });
    }
    // Every id the input carries names a record the caller may see, or the call is NOT_FOUND.
    const idFields = PROCEDURE_ID_FIELDS[name];
    if (idFields.length > 0) {
      const actor = session.kind === 'unlocked' ? actorOf(ctx.user()) : null;
      requireIdsInScope(ctx.vault(), actor, idFields, parsed.data);
    }
    const handler = router.handlers[name] as Handler<typeof name>;
    // One transaction for the handler's rows, its audit row and the keyring (written last).
    if (spec.kind === 'mutation' && spec.access !== 'public' && !OWN_TRANSACTION.has(name)) {
      work = session.kind === 'closed' ? null : session.vault;
      work?.beginWork();
    }
    const value = await handler(ctx, parsed.data as never);
    const declared = router.auditTargets[name] as AuditDeclaration<typeof name> | undefined;
    if (declared) {
      const input = parsed.data as never;
      auditTarget = {
        targetType: declared.targetType,
        targetId: declared.targetId(input, value),
        detail: declared.detail?.(input, value),
      };
    }
    const after = router.session();
    if (
      (spec.kind === 'mutation' ||
        ('auditView' in spec && spec.auditView === true && !viewAlreadyAudited)) &&
      Array.isArray(spec.access) &&
      after.kind === 'unlocked'
    ) {
      const target = auditTarget as AuditTarget | null;
      after.vault.audit.append({
        actorId: after.userId,
        action: name,
        targetType: target?.targetType ?? null,
        targetId: target?.targetId ?? null,
        detail: target?.detail ?? null,
      });
    }
    work?.commitWork();
    return { ok: true, value };
  } catch (error) {
    const now = router.session();
    if (work && now.kind !== 'closed' && now.vault === work) work.rollbackWork();
    const attempt = failedAttempt as AuditRecord | null;
    if (attempt && now.kind !== 'closed') appendQuietly(now.vault, attempt);
    return { ok: false, error: toErrorShape(error) };
  }
}

function appendQuietly(vault: OpenVault, record: AuditRecord): void {
  try {
    vault.audit.append(record);
  } catch (error) {
    console.error('[aruga] audit append failed:', toErrorShape(error).code);
  }
}

/** Any failure as the renderer may see it: a known code and key, never the error's text. */
export function toErrorShape(error: unknown) {
  if (error instanceof AppError) return error.toShape();
  if (isDiskFullError(error)) return new AppError('STORAGE', 'diskFull').toShape();
  if (isCorruptionError(error)) return new AppError('CORRUPT', 'databaseDamaged').toShape();
  // Logged for the developer; the renderer only ever sees the code.
  console.error(
    '[aruga] internal error',
    process.env.ARUGA_DEBUG ? error : error instanceof Error ? error.name : typeof error,
  );
  return new AppError('INTERNAL', 'internal').toShape();
}

/** Zod issues → field path → i18n key. Custom messages are keys already; built-in ones become 'invalid'. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    // An unknown key is reported against itself, so the caller sees which one.
    const paths =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => [...base, k].join('.'))
        : [base.join('.') || '_'];
    const key =
      issue.code !== 'unrecognized_keys' && /^[a-zA-Z.]{1,40}$/.test(issue.message)
        ? issue.message
        : 'invalid';
    for (const path of paths) fields[path] ??= key;
  }
  return fields;
}
