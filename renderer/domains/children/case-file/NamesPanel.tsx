import { createContext, useContext, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildRecord } from '../../../../shared/children/contract';
import { useApiQuery } from '../../../api/queries';
import { FormAlert } from '../../../ui/FormAlert';
import { useCasesState } from '../CasesContext';

/** Whether names may show on this view of the case file (privacy screen off, or revealed). */
export const NamesVisibleContext = createContext(false);

export function useNamesVisible(): boolean {
  return useContext(NamesVisibleContext);
}

/**
 * The child's names and real initials, the only place they appear. With the privacy screen on (the default) they
 * stay hidden on each case file until "Show name", so a passer-by or a shared screen sees none.
 * The case file itself never carries them: showing them asks the backend, which audits the view.
 */
export function NamesPanel({
  child,
  revealed,
  onReveal,
}: {
  child: ChildRecord;
  revealed: boolean;
  onReveal: (revealed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { privacyScreen, setPrivacyScreen } = useCasesState();
  const visible = useNamesVisible();
  const hintId = useId();
  const hidden = <span className="name-hidden">{t('children.names.hidden')}</span>;

  return (
    <section className="names" aria-label={t('children.names.label')}>
      {visible ? (
        <RevealedNames childId={child.id} />
      ) : (
        <NameList legalName={hidden} preferredName={hidden} legalInitials={hidden} />
      )}
      <div className="names-actions">
        {privacyScreen ? (
          <button type="button" onClick={() => onReveal(!revealed)}>
            {revealed ? t('children.names.hide') : t('children.names.show')}
          </button>
        ) : null}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={privacyScreen}
            aria-describedby={hintId}
            onChange={(event) => {
              setPrivacyScreen(event.target.checked);
              // Turning the screen back on hides the names at once.
              if (event.target.checked) onReveal(false);
            }}
          />
          <span>{t('children.names.privacyScreen')}</span>
        </label>
        <span id={hintId} className="field-hint">
          {t('children.names.privacyScreenHint')}
        </span>
      </div>
    </section>
  );
}

function NameList({
  legalName,
  preferredName,
  legalInitials,
}: {
  legalName: ReactNode;
  preferredName: ReactNode;
  legalInitials: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      <dt>{t('children.form.legalName')}</dt>
      <dd className="child-name">{legalName}</dd>
      <dt>{t('children.form.preferredName')}</dt>
      <dd className="child-name">{preferredName}</dd>
      <dt>{t('children.names.legalInitials')}</dt>
      <dd className="child-name">{legalInitials}</dd>
    </dl>
  );
}

/**
 * Mounted only while the names show. Each showing asks again (one audited view each time), and
 * the answer is dropped from the cache as soon as the names are hidden or the file is left.
 */
function RevealedNames({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const names = useApiQuery('children.revealName', { id: childId }, { gcTime: 0, staleTime: 0 });
  if (names.isError) return <FormAlert message={{ key: names.error.message }} />;
  if (!names.isSuccess) {
    const loading = <span role="status">{t('children.loading')}</span>;
    return <NameList legalName={loading} preferredName={null} legalInitials={null} />;
  }
  return (
    <NameList
      legalName={names.data.legalName ?? t('children.names.notKnownYet')}
      preferredName={names.data.preferredName ?? t('children.details.none')}
      legalInitials={names.data.legalInitials}
    />
  );
}
