import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatInstant } from '../../i18n/format';
import { useApi } from '../../api/ApiContext';
import { useAuth, useSession } from '../../auth/AuthContext';
import { Field } from '../../ui/Field';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { GateLayout } from '../../ui/GateLayout';
import type { FormMessage } from '../../forms/useServerErrors';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';

/** Two distinct group positions (0-based, ascending) for the admin to type back. */
function pickGroups(count: number): number[] {
  const picks = new Set<number>();
  const random = new Uint32Array(1);
  while (picks.size < Math.min(2, count)) {
    crypto.getRandomValues(random);
    picks.add((random[0] ?? 0) % count);
  }
  return [...picks].sort((a, b) => a - b);
}

/** Like the backend: any case or spacing, and Crockford's look-alikes (O→0, I/L→1). */
const normalizeGroup = (text: string) =>
  text.toUpperCase().replace(/\s/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
const sameGroup = (typed: string, group: string) => normalizeGroup(typed) === normalizeGroup(group);

/**
 * Shown once, right after setup. The key exists only in this screen's props (from the auth state,
 * which drops it on Continue or on lock); it is never cached or stored.
 */
export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const session = useSession();
  const { recoveryKeyConfirmed } = useAuth();
  return (
    <RecoveryKeyCheck
      recoveryKey={recoveryKey}
      timeZone={session.settings.timeZone}
      onPrinted={async () => {
        await api.call('audit.recordExport', { kind: 'recoveryKey' });
      }}
      onConfirmed={() => {
        navigate('/', { replace: true });
        recoveryKeyConfirmed();
      }}
    />
  );
}

export interface RecoveryKeyCheckProps {
  recoveryKey: string;
  /** The vault's time zone, for the date on the printed sheet. */
  timeZone: string;
  /** A sentence under the introduction, for where the key was made (a joined computer). */
  note?: string;
  /** Records the printing where someone is signed in to be named in the audit log. */
  onPrinted?: () => Promise<void>;
  onConfirmed: () => void;
}

/**
 * A new recovery key, shown once, then checked: the check is made with the key out of sight, so
 * typing two groups proves they were written down or printed; "Show the key again" goes back to
 * it, keeping what was typed. Used after setup and after joining an organisation.
 */
export function RecoveryKeyCheck({
  recoveryKey,
  timeZone,
  note,
  onPrinted,
  onConfirmed,
}: RecoveryKeyCheckProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('recoveryKey.title'));
  const groups = recoveryKey.split('-');
  const [asked] = useState(() => pickGroups(groups.length));
  const [answers, setAnswers] = useState<string[]>(() => asked.map(() => ''));
  const [printed, setPrinted] = useState(false);
  const [createdAt] = useState(() => new Date().toISOString());
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const [checking, setChecking] = useState(false);
  // Each step starts with focus on its heading, so a screen reader hears where it is.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) stepHeading.current?.focus();
    moved.current = true;
  }, [checking]);

  const matches = asked.map((g, i) => sameGroup(answers[i] ?? '', groups[g] ?? ''));
  const canContinue = matches.every(Boolean);

  const onPrint = async () => {
    setFormError(null);
    window.print();
    try {
      await onPrinted?.();
      setPrinted(true);
    } catch {
      setFormError({ key: 'internal' });
    }
  };

  const onContinue = (event: FormEvent) => {
    event.preventDefault();
    if (!canContinue) return;
    onConfirmed();
  };

  if (!checking) {
    return (
      <GateLayout wide>
        <h1 ref={stepHeading} tabIndex={-1}>
          {t('recoveryKey.title')}
        </h1>
        <p>{t('recoveryKey.intro')}</p>
        {note ? <p>{note}</p> : null}
        <p>{t('recoveryKey.keepSafe')}</p>
        <section className="key-sheet" aria-label={t('recoveryKey.groupsLabel')}>
          <p className="print-only confidential">{t('recoveryKey.confidential')}</p>
          <h2 className="print-only">{t('recoveryKey.sheetTitle')}</h2>
          <ol className="key-groups">
            {groups.map((group, index) => (
              <li key={index}>
                <span className="key-group-number">{t('recoveryKey.group', { n: index + 1 })}</span>
                <code className="key-group">{group}</code>
              </li>
            ))}
          </ol>
          <p className="print-only">{t('recoveryKey.sheetBody')}</p>
          <p className="print-only">
            {t('recoveryKey.sheetCreated', {
              when: formatInstant(createdAt, timeZone),
            })}
          </p>
          <p className="print-only confidential">{t('recoveryKey.confidential')}</p>
        </section>
        <FormAlert message={formError} />
        <StatusMessage>{printed ? t('recoveryKey.printed') : null}</StatusMessage>
        <div className="form-actions">
          <button type="button" onClick={() => void onPrint()}>
            {t('recoveryKey.print')}
          </button>
          <button type="button" className="button-primary" onClick={() => setChecking(true)}>
            {t('recoveryKey.startCheck')}
          </button>
        </div>
      </GateLayout>
    );
  }

  return (
    <GateLayout wide>
      <h1>{t('recoveryKey.title')}</h1>
      <form onSubmit={onContinue} noValidate className="form" aria-labelledby="key-confirm-heading">
        <h2 id="key-confirm-heading" ref={stepHeading} tabIndex={-1}>
          {t('recoveryKey.confirmHeading')}
        </h2>
        <p>{t('recoveryKey.confirmIntro')}</p>
        {asked.map((groupIndex, i) => {
          const typed = answers[i] ?? '';
          const wrong =
            normalizeGroup(typed).length >= (groups[groupIndex]?.length ?? 0) && !matches[i];
          return (
            <Field
              key={groupIndex}
              label={t('recoveryKey.typeGroup', { n: groupIndex + 1 })}
              error={wrong ? { message: 'recoveryKey.group' } : undefined}
            >
              {(a) => (
                <input
                  {...a}
                  className="key-input"
                  value={typed}
                  onChange={(e) =>
                    setAnswers((prev) => prev.map((v, j) => (j === i ? e.target.value : v)))
                  }
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                />
              )}
            </Field>
          );
        })}
        <p id="key-continue-hint" className="field-hint">
          {canContinue ? t('recoveryKey.groupMatches') : t('recoveryKey.continueHint')}
        </p>
        <div className="form-actions">
          <button
            type="submit"
            className="button-primary"
            disabled={!canContinue}
            aria-describedby="key-continue-hint"
          >
            {t('recoveryKey.continue')}
          </button>
          <button type="button" onClick={() => setChecking(false)}>
            {t('recoveryKey.showAgain')}
          </button>
        </div>
      </form>
    </GateLayout>
  );
}
