// One note, for a therapist who may read it: opening it is an audited read (notes.read). Its
// author edits the draft, signs it, adds addenda and raises concerns; others read it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SessionNote } from '../../../../shared/therapy/notes';
import { errorText } from '../../../i18n';
import { isApiError } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { StatusMessage } from '../../../ui/FormAlert';
import { BreakGlassReads } from './BreakGlassBanner';
import { NoteEditor } from './NoteEditor';
import { AddendumForm, NoteContent, RaiseFlagButton } from './NoteView';

export function NoteScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('therapy.notes.noteTitle'));
  const { noteId = '' } = useParams();
  const read = useApiMutation('notes.read');
  const [note, setNote] = useState<SessionNote | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const asked = useRef<string | null>(null);
  const { mutate } = read;
  const heading = useRef<HTMLHeadingElement>(null);
  const [signedCount, setSignedCount] = useState(0);

  // Signing swaps the editor, its Sign button among it, for the signed note: focus goes to the
  // note's heading (after the confirmation has given it back) rather than fall to the page's body.
  useEffect(() => {
    if (signedCount > 0) heading.current?.focus();
  }, [signedCount]);

  useEffect(() => {
    // One read per opening: each is an entry in the audit log.
    if (asked.current === noteId) return;
    asked.current = noteId;
    mutate({ id: noteId }, { onSuccess: setNote });
  }, [noteId, mutate]);

  if (read.isError) {
    return (
      <div className="screen">
        <h1>{t('therapy.notes.noteTitle')}</h1>
        <p role="alert">{errorText(isApiError(read.error) ? read.error.message : 'internal')}</p>
      </div>
    );
  }
  if (!note) return <p>{t('therapy.notes.loading')}</p>;
  const childLink = `/clinical/${note.childId}`;
  return (
    <div className="screen note-screen">
      <p>
        <Link to={childLink}>
          {t('therapy.notes.backToChild', { caseCode: note.caseCode, initials: note.initials })}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('therapy.notes.noteOf', { caseCode: note.caseCode, initials: note.initials })}
      </h1>
      <StatusMessage>{status}</StatusMessage>
      {note.mine ? <BreakGlassReads reads={note.breakGlassReads} /> : null}
      {note.status === 'draft' && note.mine ? (
        <NoteEditor
          note={note}
          onSigned={(signed) => {
            setNote(signed);
            setStatus(t('therapy.notes.signedStatus'));
            setSignedCount((count) => count + 1);
          }}
        />
      ) : (
        <NoteContent note={note} level={2} />
      )}
      {note.mine ? (
        <div className="note-actions">
          <RaiseFlagButton note={note} onRaised={setNote} />
          {note.status === 'signed' ? (
            <AddendumForm
              note={note}
              onAdded={(next) => {
                setNote(next);
                setStatus(t('therapy.notes.addendumAdded'));
              }}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
