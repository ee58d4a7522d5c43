import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildListRow } from '../../../../shared/children/contract';
import { useApiQuery } from '../../../api/queries';
import { errorText } from '../../../i18n';
import { FormAlert } from '../../../ui/FormAlert';

interface ChildPickerProps {
  chosen: ChildListRow | null;
  onChoose: (child: ChildListRow) => void;
  /** An `errors.` key, e.g. when the report was asked for without a child. */
  error?: string | undefined;
}

/**
 * Finds one child among those the viewer may see (the search answers only within their scope):
 * type a case code or a name, press Enter or Find, then Choose. It sits inside the report's form,
 * so Enter here searches instead of submitting it.
 */
export function ChildPicker({ chosen, onChoose, error }: ChildPickerProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  const id = useId();
  const find = () => setText(draft.trim());
  const described = [`${id}-hint`, `${id}-chosen`, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{t('reports.history.picker.label')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('reports.history.picker.hint')}
      </p>
      <div className="inline-input">
        <input
          id={id}
          type="search"
          value={draft}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={described}
          {...(error ? { 'aria-invalid': true } : {})}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            find();
          }}
        />
        <button type="button" onClick={find}>
          {t('reports.history.picker.find')}
        </button>
      </div>
      <p id={`${id}-chosen`} aria-live="polite">
        {chosen
          ? t('reports.history.picker.chosen', {
              caseCode: chosen.caseCode,
              initials: chosen.alias,
            })
          : ''}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {errorText(error)}
        </p>
      ) : null}
      {text ? <Results text={text} chosenId={chosen?.id ?? null} onChoose={onChoose} /> : null}
    </div>
  );
}

function Results({
  text,
  chosenId,
  onChoose,
}: {
  text: string;
  chosenId: string | null;
  onChoose: (child: ChildListRow) => void;
}) {
  const { t } = useTranslation();
  const results = useApiQuery('children.search', { text, limit: 10, offset: 0 });
  if (results.isError) return <FormAlert message={{ key: results.error.message }} />;
  const rows = results.data?.rows ?? [];
  return (
    <div aria-live="polite">
      {results.isSuccess && rows.length === 0 ? (
        <p className="muted">{t('reports.history.picker.noResults')}</p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="result-list" aria-label={t('reports.history.picker.results')}>
          {rows.map((row) => (
            <li key={row.id}>
              <span>
                {t('reports.history.scope', { caseCode: row.caseCode, initials: row.alias })}
                {row.shelterName ? ` · ${row.shelterName}` : ''}
              </span>
              <button
                type="button"
                aria-pressed={row.id === chosenId}
                aria-label={t('reports.history.picker.chooseOne', { caseCode: row.caseCode })}
                onClick={() => onChoose(row)}
              >
                {t('reports.history.picker.choose')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
