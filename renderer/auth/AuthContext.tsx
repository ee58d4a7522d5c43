import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { LockReason, SessionInfo } from '../../shared/contract';
import type { VaultSettings } from '../../shared/settings';
import { useApi } from '../api/ApiContext';
import { setLanguage } from '../i18n';
import { isShortcut } from '../hooks/shortcuts';
import {
  authReducer,
  initialAuthState,
  signedInSession,
  type AuthState,
  type ShownLockReason,
} from './state';

/** The backend owns the idle timer; activity is reported at most this often. */
export const TOUCH_INTERVAL_MS = 30_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

interface AuthContextValue {
  state: AuthState;
  retryBoot(): void;
  vaultCreated(result: { session: SessionInfo; recoveryKey: string }): void;
  recoveryKeyConfirmed(): void;
  signedIn(session: SessionInfo): void;
  sessionChanged(session: SessionInfo): void;
  settingsChanged(settings: VaultSettings): void;
  lock(reason: Extract<LockReason, 'manual' | 'signOut' | 'quickHide'>): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(authReducer, initialAuthState);
  const signedIn = signedInSession(state.gate) !== null;
  const signedInRef = useRef(signedIn);
  useEffect(() => {
    signedInRef.current = signedIn;
  }, [signedIn]);

  // Boot: app.status decides which screen comes first.
  const booting = state.gate.kind === 'booting';
  useEffect(() => {
    if (!booting) return;
    let cancelled = false;
    api.call('app.status', {}).then(
      (status) => {
        if (cancelled) return;
        // Before anyone signs in, the screen speaks this computer's last language.
        void setLanguage(status.language);
        dispatch({ type: 'booted', status });
      },
      () => !cancelled && dispatch({ type: 'bootFailed' }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, booting]);

  /** Forget every cached record, then the session. */
  const dropEverything = useCallback(
    (reason: ShownLockReason, reveal: boolean) => {
      queryClient.clear();
      dispatch({ type: 'locked', reason, reveal });
    },
    [queryClient],
  );

  // Signed in, the screen speaks the account's own language, and follows it when it changes.
  const sessionLanguage = signedInSession(state.gate)?.language;
  useEffect(() => {
    if (sessionLanguage) void setLanguage(sessionLanguage);
  }, [sessionLanguage]);

  // Clear again once the signed-in screens have unmounted: effects they still had pending when
  // the lock arrived may have re-created a query in between.
  useEffect(() => {
    if (!signedIn) queryClient.clear();
  }, [signedIn, queryClient]);

  const lock = useCallback(
    async (reason: Extract<LockReason, 'manual' | 'signOut' | 'quickHide'>) => {
      dropEverything(reason, false);
      try {
        await api.call('session.lock', { reason });
      } catch {
        // Already locked, or the backend is unreachable: the renderer holds nothing either way.
      }
      dispatch({ type: 'locked', reason, reveal: true });
    },
    [api, dropEverything],
  );

  // The backend locks by itself (idle, OS lock/suspend) and tells us; a LOCKED reply means the
  // same thing when the event was missed.
  useEffect(() => {
    const offLock = api.onLock((event) => dropEverything(event.reason, true));
    const offLocked = api.onLockedError(() => {
      if (signedInRef.current) dropEverything('unknown', true);
    });
    return () => {
      offLock();
      offLocked();
    };
  }, [api, dropEverything]);

  // A sync brought other computers' records (on its own, from a shared folder): every answer on
  // screen is asked for again, so no list shows what the vault no longer holds.
  useEffect(() => api.onSynced(() => void queryClient.invalidateQueries()), [api, queryClient]);

  // Quick-hide: blank the window synchronously, before anything is awaited, then lock. It works
  // everywhere, even while typing in a field or inside a dialog.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcut('quickHide', event) || !signedInRef.current) return;
      event.preventDefault();
      event.stopPropagation();
      flushSync(() => dispatch({ type: 'hide' }));
      // The title bar and taskbar keep only the app's name: not even which screen was open.
      document.title = t('app.name');
      void lock('quickHide');
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [lock, t]);

  // Activity heartbeat for the backend's idle timer.
  useEffect(() => {
    if (!signedIn) return;
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < TOUCH_INTERVAL_MS) return;
      last = now;
      api.call('session.touch', {}).catch(() => undefined);
    };
    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    }
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, true);
    };
  }, [api, signedIn]);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      retryBoot: () => dispatch({ type: 'boot' }),
      vaultCreated: ({ session, recoveryKey }) =>
        dispatch({ type: 'vaultCreated', session, recoveryKey }),
      recoveryKeyConfirmed: () => dispatch({ type: 'recoveryKeyConfirmed' }),
      signedIn: (session) => dispatch({ type: 'signedIn', session }),
      sessionChanged: (session) => dispatch({ type: 'sessionChanged', session }),
      settingsChanged: (settings) => dispatch({ type: 'settingsChanged', settings }),
      lock,
    }),
    [state, lock],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user's session; only for screens inside the app frame. */
export function useSession(): SessionInfo {
  const session = signedInSession(useAuth().state.gate);
  if (!session) throw new Error('useSession without a session');
  return session;
}
