// What the renderer knows about the vault and who is signed in. A pure reducer, so lock handling
// (drop the session, remember where the user was) is easy to reason about and to test.
import type { AppStatus, LockEventReason, SessionInfo } from '../../shared/contract';
import type { VaultSettings } from '../../shared/settings';

/** Why the vault locked; `unknown` when the backend answered LOCKED without saying why. */
export type ShownLockReason = LockEventReason | 'unknown';

/** Why the sign-in screen is showing after a lock, and who was signed in (to return them). */
export interface LockInfo {
  reason: Exclude<ShownLockReason, 'signOut'>;
  userId: string | null;
}

export type Gate =
  | { kind: 'booting' }
  | { kind: 'bootFailed' }
  | { kind: 'setup' }
  /** Right after setup: the key lives here until the admin confirms it, then it is gone. */
  | { kind: 'recoveryKey'; session: SessionInfo; recoveryKey: string }
  /** `lock` is null on first load and after signing out: then sign-in goes home. */
  | { kind: 'locked'; retryAfterSeconds: number; lock: LockInfo | null }
  | { kind: 'recovery' }
  | { kind: 'unlocked'; session: SessionInfo };

export interface AuthState {
  gate: Gate;
  dataFolder: string;
  demo: boolean;
  /** Quick-hide: the window shows a blank screen and nothing else. */
  hidden: boolean;
}

export type AuthAction =
  | { type: 'boot' }
  | { type: 'booted'; status: AppStatus }
  | { type: 'bootFailed' }
  | { type: 'vaultCreated'; session: SessionInfo; recoveryKey: string }
  | { type: 'recoveryKeyConfirmed' }
  | { type: 'signedIn'; session: SessionInfo }
  | { type: 'sessionChanged'; session: SessionInfo }
  | { type: 'settingsChanged'; settings: VaultSettings }
  | { type: 'hide' }
  /** `reveal`: the lock is complete, so a quick-hide blank may give way to the sign-in screen. */
  | { type: 'locked'; reason: ShownLockReason; reveal: boolean };

export const initialAuthState: AuthState = {
  gate: { kind: 'booting' },
  dataFolder: '',
  demo: false,
  hidden: false,
};

export function signedInSession(gate: Gate): SessionInfo | null {
  return gate.kind === 'unlocked' || gate.kind === 'recoveryKey' ? gate.session : null;
}

function gateFromStatus(status: AppStatus): Gate {
  switch (status.state) {
    case 'setup':
      return { kind: 'setup' };
    case 'recovery':
      return { kind: 'recovery' };
    case 'unlocked':
      if (status.session) return { kind: 'unlocked', session: status.session };
      break;
    case 'locked':
      break;
  }
  return { kind: 'locked', retryAfterSeconds: status.retryAfterSeconds, lock: null };
}

export function authReducer(state: AuthState, action: AuthAction): AuthState {
  switch (action.type) {
    case 'boot':
      return { ...state, gate: { kind: 'booting' } };
    case 'booted':
      return {
        ...state,
        gate: gateFromStatus(action.status),
        dataFolder: action.status.dataFolder,
        demo: action.status.demo,
      };
    case 'bootFailed':
      return { ...state, gate: { kind: 'bootFailed' } };
    case 'vaultCreated':
      return {
        ...state,
        gate: { kind: 'recoveryKey', session: action.session, recoveryKey: action.recoveryKey },
      };
    case 'recoveryKeyConfirmed':
      return state.gate.kind === 'recoveryKey'
        ? { ...state, gate: { kind: 'unlocked', session: state.gate.session } }
        : state;
    case 'signedIn':
      return { ...state, hidden: false, gate: { kind: 'unlocked', session: action.session } };
    case 'sessionChanged':
      return state.gate.kind === 'unlocked'
        ? { ...state, gate: { kind: 'unlocked', session: action.session } }
        : state;
    case 'settingsChanged':
      return state.gate.kind === 'unlocked'
        ? {
            ...state,
            gate: {
              kind: 'unlocked',
              session: { ...state.gate.session, settings: action.settings },
            },
          }
        : state;
    case 'hide':
      return signedInSession(state.gate) ? { ...state, hidden: true } : state;
    case 'locked': {
      const hidden = action.reveal ? false : state.hidden;
      // Already locked (our own lock call and the backend's event both arrive): keep the first
      // record of who was signed in.
      if (state.gate.kind === 'locked') return { ...state, hidden };
      if (state.gate.kind === 'booting' || state.gate.kind === 'setup') return { ...state, hidden };
      const session = signedInSession(state.gate);
      const lock =
        action.reason === 'signOut'
          ? null
          : { reason: action.reason, userId: session?.userId ?? null };
      return { ...state, hidden, gate: { kind: 'locked', retryAfterSeconds: 0, lock } };
    }
  }
}
