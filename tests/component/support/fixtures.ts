import type { AppStatus, AuditEntry, SessionInfo, UserSummary } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

// UUIDv7 ids, as the contract's idSchema requires.
export const IDS = {
  admin: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5c6d',
  admin2: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5c6e',
  caseworker: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5c70',
  therapist: '0190a5d4-6c1e-7a3b-ac2d-1e2f3a4b5c71',
  newUser: '0190a5d4-6c1e-7a3b-bc2d-1e2f3a4b5c72',
} as const;

export function session(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    userId: IDS.admin,
    displayName: 'Amihan Reyes',
    username: 'amihan',
    role: 'admin',
    mustChangePassword: false,
    language: 'en',
    settings: { ...DEFAULT_SETTINGS },
    ...overrides,
  };
}

export const caseworkerSession = (overrides: Partial<SessionInfo> = {}) =>
  session({
    userId: IDS.caseworker,
    displayName: 'Bayani Cruz',
    username: 'bayani',
    role: 'caseworker',
    ...overrides,
  });

/** A therapist's home is Therapy today. */
export const therapistSession = (overrides: Partial<SessionInfo> = {}) =>
  session({
    userId: IDS.therapist,
    displayName: 'Luningning Santos',
    username: 'luning',
    role: 'therapist',
    ...overrides,
  });

export function status(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    state: 'locked',
    dataFolder: 'C:\\Users\\Shelter\\AppData\\Roaming\\Aruga',
    demo: false,
    retryAfterSeconds: 0,
    language: 'en',
    session: null,
    ...overrides,
  };
}

export function unlocked(s: SessionInfo = session()): AppStatus {
  return status({ state: 'unlocked', session: s });
}

export function user(overrides: Partial<UserSummary> = {}): UserSummary {
  return {
    id: IDS.admin,
    displayName: 'Amihan Reyes',
    username: 'amihan',
    role: 'admin',
    shelterScope: [],
    active: true,
    mustChangePassword: false,
    createdAt: '2025-01-10T01:00:00.000Z',
    lastSignInAt: '2025-01-15T02:30:00.000Z',
    travels: true,
    ...overrides,
  };
}

export const USERS: UserSummary[] = [
  user(),
  user({
    id: IDS.caseworker,
    displayName: 'Bayani Cruz',
    username: 'bayani',
    role: 'caseworker',
    shelterScope: ['Bahay Pag-asa', 'Tahanan'],
    mustChangePassword: true,
    lastSignInAt: null,
  }),
  user({
    id: IDS.therapist,
    displayName: 'Dalisay Santos',
    username: 'dalisay',
    role: 'therapist',
    active: false,
    lastSignInAt: '2024-12-31T16:05:00.000Z',
  }),
];

export function auditEntry(seq: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    at: new Date(Date.UTC(2025, 0, 15, 2, 30) + seq * 60_000).toISOString(),
    actorId: IDS.admin,
    actorName: 'Amihan Reyes',
    action: seq % 2 ? 'auth.signIn' : 'users.create',
    targetType: seq % 2 ? null : 'user',
    targetId: seq % 2 ? null : IDS.caseworker,
    targetCaseCode: null,
    targetName: seq % 2 ? null : 'Bayani Cruz',
    outcome: 'ok',
    detail: null,
    ...overrides,
  };
}

export const ERR = {
  badCredentials: { code: 'BAD_CREDENTIALS', message: 'badCredentials' },
  backoff: (seconds: number): AppErrorShape => ({
    code: 'BACKOFF',
    message: 'backoff',
    retryAfterSeconds: seconds,
  }),
  validation: (fields: Record<string, string>): AppErrorShape => ({
    code: 'VALIDATION',
    message: 'validation',
    fields,
  }),
  locked: { code: 'LOCKED', message: 'locked' },
} satisfies Record<string, AppErrorShape | ((...args: never[]) => AppErrorShape)>;
