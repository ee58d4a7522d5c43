import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';

/** Frame for the screens shown before anyone is signed in: landmarks, app name, demo banner. */
export function GateLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const { state } = useAuth();
  return (
    <div className="gate">
      <header className="gate-header">
        <span className="app-name">{t('app.name')}</span>
        {state.demo ? <DemoBanner /> : null}
      </header>
      <main className={wide ? 'gate-main gate-main-wide' : 'gate-main'}>{children}</main>
    </div>
  );
}

export function DemoBanner() {
  const { t } = useTranslation();
  return <p className="demo-banner">{t('app.demoBanner')}</p>;
}
