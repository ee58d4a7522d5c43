import { createContext, useContext, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildRecord } from '../../../../shared/contract-cases';
import { useCasesState } from '../CasesContext';

/** Whether names may show on this view of the case file (privacy screen off, or revealed). */
export const NamesVisibleContext = createContext(false);

export function useNamesVisible(): boolean {
  return useContext(NamesVisibleContext);
}

/**
 * The child's names, the only place they appear. With the privacy screen on (the default) they
 * stay hidden on each case file until "Show name", so a passer-by or a shared screen sees none.
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
      <dl className="details">
        <dt>{t('cases.form.legalName')}</dt>
        <dd className="child-name">{visible ? child.legalName : hidden}</dd>
        <dt>{t('cases.form.preferredName')}</dt>
        <dd className="child-name">
          {visible ? (child.preferredName ?? t('cases.details.none')) : hidden}
        </dd>
      </dl>
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
