// Search in the notes the therapist may read. Searching is a read of what it finds, so each
// search is audited; results show a few words around the match and link to the note.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../../i18n/format';
import { useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';

function Results({ text }: { text: string }) {
  const { t } = useTranslation();
  const { settings } = useSession();
  // Kept only while shown: note excerpts do not linger in the cache.
  const hits = useApiQuery('notes.search', { text }, { gcTime: 0 });
  if (hits.isPending) return <p role="status">{t('therapy.notes.search.searching')}</p>;
  if (hits.isError) return <p role="alert">{t('therapy.notes.search.failed')}</p>;
  return (
    <>
      <p role="status">{t('therapy.notes.search.count', { count: hits.data.length })}</p>
      <ul className="note-hits">
        {hits.data.map((hit) => (
          <li key={hit.noteId}>
            <Link to={`/clinical/note/${hit.noteId}`}>
              {t('therapy.notes.search.hit', {
                caseCode: hit.caseCode,
                initials: hit.initials,
                date: formatInstant(hit.sessionStartAt, settings.timeZone),
              })}
            </Link>
            <p className="cell-text">{hit.excerpt}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function NoteSearch({ query, onQuery }: { query: string; onQuery: (q: string) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(query);
  return (
    <section className="panel" aria-labelledby="note-search">
      <h2 id="note-search">{t('therapy.notes.search.heading')}</h2>
      <form
        role="search"
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          onQuery(typed.trim());
        }}
      >
        <label htmlFor="note-search-text">{t('therapy.notes.search.label')}</label>
        <input
          id="note-search-text"
          type="search"
          value={typed}
          maxLength={100}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit">{t('therapy.notes.search.submit')}</button>
      </form>
      {query ? <Results text={query} /> : null}
    </section>
  );
}
