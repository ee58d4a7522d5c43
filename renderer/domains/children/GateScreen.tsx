import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { FormAlert } from '../../ui/FormAlert';
import { VisitorStateBadge } from './case-file/VisitorsSection';

/**
 * gate — for whoever answers the door: a visitor's name or a child's case code gives each
 * matching visitor's state (allowed, supervised only, not allowed) and never the reason.
 */
export function GateScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('children.gate.title'));
  const [text, setText] = useState('');
  const search = useDeferredValue(text.trim());

  return (
    <>
      <h1>{t('children.gate.title')}</h1>
      <p className="muted">{t('children.gate.intro')}</p>
      <div className="form-group">
        <label htmlFor="gate-search">{t('children.gate.search')}</label>
        <input
          id="gate-search"
          type="search"
          value={text}
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div aria-live="polite">{search.length >= 2 ? <GateResults text={search} /> : null}</div>
    </>
  );
}

/** The visitors matching `text` (two characters or more): each person once, with every child. */
function GateResults({ text }: { text: string }) {
  const { t } = useTranslation();
  const found = useApiQuery('visitors.gate', { text });
  if (found.isError) return <FormAlert message={{ key: found.error.message }} />;
  return (
    <>
      {!found.data ? (
        <p role="status">{t('children.loading')}</p>
      ) : found.data.length === 0 ? (
        <p role="status">{t('children.gate.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('children.gate.results')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('children.gate.visitor')}</th>
                <th scope="col">{t('children.gate.childAndState')}</th>
              </tr>
            </thead>
            <tbody>
              {found.data.map((person) => (
                <tr key={person.name}>
                  <td>{person.name}</td>
                  <td>
                    <ul className="gate-children">
                      {person.children.map((child) => (
                        <li key={child.caseCode}>
                          {child.caseCode} <VisitorStateBadge state={child.state} />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
