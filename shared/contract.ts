// The one IPC contract. Every procedure is declared here once: its name, its
// strict input schema, its output type, and who may call it. The permission matrix, the router,
// the preload, the harness and the renderer's typed client are all derived from this table.
import { z } from 'zod';
import { idFieldsOf, idOf, isoDateSchema, type IdField, type IdKind } from './ids';
import { procedure, type ProcedureSpec } from './procedure';
import { childrenProcedures } from './children/contract';
import { sheltersProcedures } from './shelters/contract';
import { therapyProcedures } from './therapy/contract';
import { reportsProcedures } from './reports/contract';
import { reintegrationProcedures } from './reintegration/contract';
import { backupProcedures } from './backup/contract';
import { syncProcedures } from './sync/contract';
import { careProcedures } from './care/contract';
import { caseworkProcedures } from './casework/contract';
import { privacyProcedures } from './privacy/contract';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import { languageSchema, type Language } from './languages';
import { ROLES, type Role } from './roles';
import { requiredText, safeText } from './text';
import {
  timeZoneSchema,
  vaultSettingsSchema,
  type PaperSize,
  type VaultSettings,
} from './settings';

const ALL: readonly Role[] = ROLES;
const ADMIN: readonly Role[] = ['admin'];

// ---- field schemas -------------------------------------------------------------------------
export const usernameSchema = safeText()
  .trim()
  .toLowerCase()
  .min(3, 'username.tooShort')
  .max(32, 'username.tooLong')
  .regex(/^[a-z0-9._-]+$/, 'username.chars');
/** Strength is checked by the service with shared/password-policy; here only the size bound. */
export const passwordSchema = safeText().min(1, 'required').max(PASSWORD_MAX_LENGTH, 'tooLong');
export const displayNameSchema = requiredText(100);
export const shelterScopeSchema = z.array(requiredText(100)).max(50, 'tooMany');
export const recoveryKeySchema = safeText().max(200, 'tooLong');
const empty = z.strictObject({});

// ---- output types --------------------------------------------------------------------------
export type VaultState = 'setup' | 'locked' | 'recovery' | 'unlocked';

export interface SessionInfo {
  userId: string;
  displayName: string;
  username: string;
  role: Role;
  mustChangePassword: boolean;
  /** The account's own screen language. */
  language: Language;
  settings: VaultSettings;
}

export interface AppStatus {
  state: VaultState;
  /** Where the vault lives, so the administrator knows what to back up. */
  dataFolder: string;
  /** A demo vault of generated, fictional data. */
  demo: boolean;
  /** Seconds until another sign-in attempt is accepted (persisted back-off). */
  retryAfterSeconds: number;
  /** The language this computer last showed, for the screens before sign-in. */
  language: Language;
  session: SessionInfo | null;
}

export interface UserSummary {
  id: string;
  displayName: string;
  username: string;
  role: Role;
  shelterScope: string[];
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  /**
   * Whether the account's password opens the organisation's other computers: false for one made
   * before accounts travelled, until its next sign-in here gives it a credential.
   */
  travels: boolean;
}

export interface RecoveryAdmin {
  id: string;
  displayName: string;
  username: string;
}

export type AuditOutcome = 'ok' | 'denied' | 'failed';
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The case the target belongs to, by case code: never a child's name. */
  targetCaseCode: string | null;
  /** A user's or a shelter's name, when the target is one (or sits in a shelter). */
  targetName: string | null;
  outcome: AuditOutcome;
  detail: Record<string, string | number | boolean> | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  /** The database is older than the audit head the keyring recorded (an old copy put back). */
  olderThanCheckpoint: { checkpointSeq: number; databaseSeq: number } | null;
}

export const EXPORT_KINDS = ['recoveryKey'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const LOCK_REASONS = ['manual', 'quickHide', 'idle', 'signOut', 'system'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];
/** Why the vault locked, as the renderer is told: a reason above, or damage the backend found. */
export type LockEventReason = LockReason | 'damaged';

// ---- the procedures ------------------------------------------------------------------------
export const procedures = {
  'app.status': procedure<AppStatus>()({ input: empty, access: 'public', kind: 'query' }),

  'vault.create': procedure<{ recoveryKey: string; session: SessionInfo }>()({
    input: z.strictObject({
      adminDisplayName: displayNameSchema,
      adminUsername: usernameSchema,
      adminPassword: passwordSchema,
      timeZone: timeZoneSchema,
    }),
    access: 'public',
    kind: 'mutation',
  }),

  'auth.signIn': procedure<SessionInfo>()({
    input: z.strictObject({ username: safeText().max(64, 'tooLong'), password: passwordSchema }),
    access: 'public',
    kind: 'mutation',
    /** Only when the sign-in upgrades the vault: its backup, then each migration. */
    progress: true,
  }),

  'auth.recover': procedure<{ admins: RecoveryAdmin[] }>()({
    input: z.strictObject({ recoveryKey: recoveryKeySchema }),
    access: 'public',
    kind: 'mutation',
  }),

  'auth.recoveryResetAdmin': procedure<SessionInfo>()({
    input: z.strictObject({ userId: idOf('administrator'), newPassword: passwordSchema }),
    access: 'recovery',
    kind: 'mutation',
  }),

  'session.lock': procedure<null>()({
    input: z.strictObject({ reason: z.enum(LOCK_REASONS) }),
    access: ALL,
    kind: 'mutation',
    duringPasswordChange: true,
  }),

  'session.touch': procedure<null>()({
    input: empty,
    access: ALL,
    kind: 'query',
    duringPasswordChange: true,
  }),

  'account.changePassword': procedure<SessionInfo>()({
    input: z.strictObject({ currentPassword: passwordSchema, newPassword: passwordSchema }),
    access: ALL,
    kind: 'mutation',
    duringPasswordChange: true,
  }),

  'account.setLanguage': procedure<SessionInfo>()({
    input: z.strictObject({ language: languageSchema }),
    access: ALL,
    kind: 'mutation',
  }),

  'settings.get': procedure<VaultSettings>()({ input: empty, access: ALL, kind: 'query' }),

  'settings.update': procedure<VaultSettings>()({
    input: vaultSettingsSchema,
    access: ADMIN,
    kind: 'mutation',
  }),

  'users.list': procedure<UserSummary[]>()({ input: empty, access: ADMIN, kind: 'query' }),

  'users.create': procedure<UserSummary>()({
    input: z.strictObject({
      displayName: displayNameSchema,
      username: usernameSchema,
      role: z.enum(ROLES),
      shelterScope: shelterScopeSchema,
      temporaryPassword: passwordSchema,
    }),
    access: ADMIN,
    kind: 'mutation',
  }),

  'users.resetPassword': procedure<null>()({
    input: z.strictObject({ userId: idOf('user'), temporaryPassword: passwordSchema }),
    access: ADMIN,
    kind: 'mutation',
  }),

  /** An account's role and shelters; its username, password and key slot stay as they are. */
  'users.update': procedure<UserSummary>()({
    input: z.strictObject({
      userId: idOf('user'),
      role: z.enum(ROLES),
      shelterScope: shelterScopeSchema,
    }),
    access: ADMIN,
    kind: 'mutation',
  }),

  'users.disable': procedure<null>()({
    input: z.strictObject({ userId: idOf('user') }),
    access: ADMIN,
    kind: 'mutation',
  }),

  'vault.rotateKey': procedure<{ rotatedAt: string }>()({
    input: empty,
    access: ADMIN,
    kind: 'mutation',
    progress: true,
  }),

  'audit.list': procedure<{ entries: AuditEntry[]; nextBeforeSeq: number | null }>()({
    input: z.strictObject({
      actorId: idOf('user').optional(),
      /** One action, exactly (the pick-list's value). */
      action: safeText().max(64, 'tooLong').optional(),
      from: isoDateSchema.optional(),
      to: isoDateSchema.optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    access: ADMIN,
    kind: 'query',
  }),

  'audit.verify': procedure<AuditVerification>()({ input: empty, access: ADMIN, kind: 'query' }),

  'audit.recordExport': procedure<null>()({
    input: z.strictObject({ kind: z.enum(EXPORT_KINDS) }),
    access: ALL,
    kind: 'mutation',
  }),

  ...backupProcedures,
  ...childrenProcedures,
  ...sheltersProcedures,
  ...therapyProcedures,
  ...reportsProcedures,
  ...reintegrationProcedures,
  ...syncProcedures,
  ...careProcedures,
  ...privacyProcedures,
  ...caseworkProcedures,
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type ProcedureInput<N extends ProcedureName> = z.input<Procedures[N]['input']>;
export type ProcedureParsedInput<N extends ProcedureName> = z.output<Procedures[N]['input']>;
export type ProcedureOutput<N extends ProcedureName> =
  Procedures[N] extends ProcedureSpec<z.ZodType, infer O> ? O : never;

export const PROCEDURE_NAMES = Object.keys(procedures) as ProcedureName[];

/** The ids each procedure's input can carry, with their kinds: what the router scope-checks. */
export const PROCEDURE_ID_FIELDS = Object.fromEntries(
  PROCEDURE_NAMES.map((name) => [name, idFieldsOf(procedures[name].input)]),
) as unknown as Record<ProcedureName, readonly IdField[]>;

/** Every kind of id some procedure's input names: each needs a scope rule in the backend. */
export const ID_KINDS: readonly IdKind[] = [
  ...new Set(Object.values(PROCEDURE_ID_FIELDS).flatMap((fields) => fields.map((f) => f.kind))),
];

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.hasOwn(procedures, name);
}

export type { Access, ProcedureSpec } from './procedure';
export type { PaperSize, VaultSettings };
