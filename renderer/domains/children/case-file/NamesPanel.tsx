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
 * The child's names, the only place they appear. With the privacy screen on (the default) they
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
  const hidden = <span className="name-hidden">{t('cases.names.hidden')}</span>;

  return (
    <section className="names" aria-label={t('cases.names.label')}>
      {visible ? (
        <RevealedNames childId={child.id} />
      ) : (
        <NameList legalName={hidden} preferredName={hidden} />
      )}
      <div className="names-actions">
        {privacyScreen ? (
          <button type="button" onClick={() => onReveal(!revealed)}>
            {revealed ? t('cases.names.hide') : t('cases.names.show')}
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
          <span>{t('cases.names.privacyScreen')}</span>
        </label>
        <span id={hintId} className="field-hint">
          {t('cases.names.privacyScreenHint')}
        </span>
      </div>
    </section>
  );
}

function NameList({
  legalName,
  preferredName,
}: {
  legalName: ReactNode;
  preferredName: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      <dt>{t('cases.form.legalName')}</dt>
      <dd className="child-name">{legalName}</dd>
      <dt>{t('cases.form.preferredName')}</dt>
      <dd className="child-name">{preferredName}</dd>
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
    const loading = <span role="status">{t('cases.loading')}</span>;
    return <NameList legalName={loading} preferredName={null} />;
  }
  return (
    <NameList
      legalName={names.data.legalName ?? t('cases.names.notKnownYet')}
      preferredName={names.data.preferredName ?? t('cases.details.none')}
    />
  );
}
