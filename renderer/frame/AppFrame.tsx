import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useAuth, useSession } from '../auth/AuthContext';
import { DemoBanner } from '../ui/GateLayout';
import { BackupWarning, ForcedPasswordChange } from '../domains/access';
import { useNotices, type Section } from './contributions';
import { isShortcut } from '../hooks/shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useFocusHeadingOnNavigation } from './useFocusHeadingOnNavigation';

/** Only sections that are built, and that the role may use, appear in the navigation. */
export function AppFrame({ sections }: { sections: readonly Section[] }) {
  const { t } = useTranslation();
  const { state, lock } = useAuth();
  const session = useSession();
  const mainRef = useRef<HTMLElement>(null);
  const forced = session.mustChangePassword;
  const notices = useNotices();
  useFocusHeadingOnNavigation(mainRef);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcut('cheatSheet', event)) return;
      event.preventDefault();
      setShortcutsOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="frame">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash belongs to the router; move focus without navigating.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('frame.skipToMain')}
      </a>
      <header className="frame-header">
        <span className="app-name">{t('app.name')}</span>
        {state.demo ? <DemoBanner /> : null}
        <div className="frame-user" aria-label={t('frame.userLabel')} role="group">
          <span className="frame-user-name">{session.displayName}</span>
          <span className="frame-user-role">{t(`roles.${session.role}`)}</span>
        </div>
        <div className="frame-actions">
          <button type="button" aria-keyshortcuts="?" onClick={() => setShortcutsOpen(true)}>
            {t('frame.shortcuts')}
          </button>
          <button type="button" onClick={() => void lock('manual')}>
            {t('frame.lockNow')}
          </button>
          <button type="button" onClick={() => void lock('signOut')}>
            {t('frame.signOut')}
          </button>
        </div>
      </header>
      <div className="frame-body">
        {forced ? null : (
          <nav className="frame-nav" aria-label={t('frame.mainNav')}>
            <ul>
              {sections.map((section) =>
                section.navTo && section.navLabel ? (
                  <li key={section.path}>
                    <NavLink to={section.navTo}>{section.navLabel(t)}</NavLink>
                  </li>
                ) : null,
              )}
            </ul>
          </nav>
        )}
        <main id="main" ref={mainRef} tabIndex={-1} className="frame-main">
          {forced ? null : <BackupWarning />}
          {forced ? null : notices.map((Notice, i) => <Notice key={i} />)}
          {forced ? <ForcedPasswordChange /> : <Outlet />}
        </main>
      </div>
      {shortcutsOpen ? <ShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
    </div>
  );
}
