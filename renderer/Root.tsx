import {
  DamagedVaultScreen,
  RecoverScreen,
  RecoveryKeyScreen,
  SetupScreen,
  SignInScreen,
} from './domains/access';
import { JoinScreen } from './domains/sync';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth/AuthContext';
import type { LockInfo } from './auth/state';
import { GateLayout } from './ui/GateLayout';
import { AppRoutes } from './frame/AppRoutes';

/** app.status (then sign-in, lock and setup events) decides what the window shows. */
export function Root() {
  const { state } = useAuth();
  // Quick-hide: nothing but a neutral blank, until the lock has finished.
  if (state.hidden) return <div className="quick-hide" data-quick-hide="" />;
  const gate = state.gate;
  switch (gate.kind) {
    case 'booting':
      return <Booting />;
    case 'bootFailed':
      return <BootFailed />;
    case 'setup':
      return <FirstRun />;
    case 'recoveryKey':
      return <RecoveryKeyScreen recoveryKey={gate.recoveryKey} />;
    case 'locked':
      return (
        <SignedOut
          key="locked"
          resume={false}
          lock={gate.lock}
          retryAfterSeconds={gate.retryAfterSeconds}
        />
      );
    case 'recovery':
      return <SignedOut key="recovery" resume lock={null} retryAfterSeconds={0} />;
    case 'unlocked':
      return <AppRoutes />;
  }
}

/** No vault yet: set up a new one, or join an organisation with a join file. */
function FirstRun() {
  const [joining, setJoining] = useState(false);
  return joining ? (
    <JoinScreen onBack={() => setJoining(false)} />
  ) : (
    <SetupScreen onJoin={() => setJoining(true)} />
  );
}

function SignedOut(props: { resume: boolean; lock: LockInfo | null; retryAfterSeconds: number }) {
  const [recovering, setRecovering] = useState(props.resume);
  /** Why the vault could not be opened, once a sign-in found it damaged. */
  const [damage, setDamage] = useState<string | null>(null);
  // The lock that led here stops being true once a restore or salvage replaced the vault.
  const [lock, setLock] = useState(props.lock);
  if (damage !== null) {
    const toSignIn = (replaced: boolean) => {
      setDamage(null);
      setRecovering(false);
      if (replaced) setLock(null);
    };
    return <DamagedVaultScreen reason={damage} onBack={toSignIn} />;
  }
  return recovering ? (
    <RecoverScreen
      resume={props.resume}
      onBack={() => setRecovering(false)}
      onDamaged={setDamage}
    />
  ) : (
    <SignInScreen
      lock={lock}
      retryAfterSeconds={props.retryAfterSeconds}
      onForgot={() => setRecovering(true)}
      onDamaged={setDamage}
    />
  );
}

function Booting() {
  const { t } = useTranslation();
  return (
    <GateLayout>
      <h1>{t('app.name')}</h1>
      <p role="status">{t('app.opening')}</p>
    </GateLayout>
  );
}

function BootFailed() {
  const { t } = useTranslation();
  const { retryBoot } = useAuth();
  return (
    <GateLayout>
      <h1>{t('app.bootFailedTitle')}</h1>
      <p>{t('app.bootFailedBody')}</p>
      <button type="button" className="button-primary" onClick={retryBoot}>
        {t('app.retry')}
      </button>
    </GateLayout>
  );
}
