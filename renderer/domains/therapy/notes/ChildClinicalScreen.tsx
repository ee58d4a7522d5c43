// A child's clinical record: each session with its attendance and whether its note is signed,
// for everyone who sees the child; the note itself only for those who may read it (a coordinator
// by breaking the glass). Outcome scores below, for therapists and (totals) coordinators.
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  sessionTookPlace,
  type SessionNote,
  type SessionNoteStatus,
} from '../../../../shared/therapy/notes';
import { formatInstant } from '../../../i18n/format';
import { errorText } from '../../../i18n';
import { isApiError } from '../../../api/client';
import { queryKey, useApiMutation, useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { FormAlert } from '../../../ui/FormAlert';
import type { FormMessage } from '../../../forms/useServerErrors';
import { ScoresPanel } from '../measures/ScoresPanel';
import { BreakGlassDialog } from './BreakGlassDialog';
import { NoteContent } from './NoteView';

function noteStatusText(t: TFunction, row: SessionNoteStatus, tz: string) {
  if (!row.noteStatus) return t('therapy.notes.status.none');
  if (row.noteStatus === 'draft') return t('therapy.notes.status.draft');
  return t('therapy.notes.status.signed', { date: formatInstant(row.signedAt!, tz) });
}

export function ChildClinicalScreen() {
  const { t } = useTranslation();
  const { childId = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notes = useApiQuery('notes.forChild', { childId });
  const start = useApiMutation('notes.start');
  const [startError, setStartError] = useState<FormMessage | null>(null);
  const [breakGlassFor, setBreakGlassFor] = useState<string | null>(null);
  const [brokenOpen, setBrokenOpen] = useState<SessionNote | null>(null);
  const child = notes.data?.child;
  // The OS shows the title in the title bar and taskbar: the screen's name, never whose record.
  useDocumentTitle(t('therapy.notes.childDocumentTitle'));
  const tz = session.settings.timeZone;
  const now = new Date().toISOString();

  if (notes.isPending) return <p>{t('therapy.notes.loading')}</p>;
  if (notes.isError) {
    return (
      <div className="screen">
        <h1>{t('therapy.notes.title')}</h1>
        <p role="alert">{errorText(isApiError(notes.error) ? notes.error.message : 'internal')}</p>
      </div>
    );
  }
  const { sessions } = notes.data;

  const startNote = (sessionId: string) =>
    start.mutate(
      { sessionId, childId, template: 'soap' },
      {
        onSuccess: (note) => {
          void queryClient.invalidateQueries({ queryKey: queryKey('notes.forChild', { childId }) });
          void navigate(`/clinical/note/${note.id}`);
        },
        onError: (e) => setStartError({ key: isApiError(e) ? e.message : 'internal' }),
      },
    );

  const action = (row: SessionNoteStatus) => {
    const when = formatInstant(row.startAt, tz);
    if (row.noteId && row.readable) {
      return (
        <Link
          to={`/clinical/note/${row.noteId}`}
          aria-label={t('therapy.notes.openOne', { date: when })}
        >
          {t('therapy.notes.open')}
        </Link>
      );
    }
    if (row.noteId && session.role === 'coordinator') {
      const noteId = row.noteId;
      return (
        <button
          type="button"
          aria-label={t('therapy.notes.breakGlass.openOne', { date: when })}
          onClick={() => setBreakGlassFor(noteId)}
        >
          {t('therapy.notes.breakGlass.open')}
        </button>
      );
    }
    if (
      !row.noteId &&
      session.role === 'therapist' &&
      row.therapist.id === session.userId &&
      row.startAt <= now &&
      sessionTookPlace(row.sessionStatus)
    ) {
      return (
        <button
          type="button"
          disabled={start.isPending}
          aria-label={t('therapy.notes.writeOne', { date: when })}
          onClick={() => startNote(row.sessionId)}
        >
          {t('therapy.notes.write')}
        </button>
      );
    }
    return null;
  };

  return (
    <div className="screen clinical-screen">
      <p>
        <Link to="/clinical">{t('therapy.notes.backToList')}</Link>
      </p>
      <h1>
        {t('therapy.notes.childTitle', { caseCode: child!.caseCode, initials: child!.initials })}
      </h1>
      <FormAlert message={startError} />
      <section className="panel" aria-labelledby="clinical-sessions">
        <h2 id="clinical-sessions">{t('therapy.notes.sessionsHeading')}</h2>
        {sessions.length === 0 ? (
          <p>{t('therapy.notes.noSessions')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('therapy.notes.sessionsHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('therapy.notes.columns.when')}</th>
                  <th scope="col">{t('therapy.notes.columns.therapist')}</th>
                  <th scope="col">{t('therapy.notes.columns.attendance')}</th>
                  <th scope="col">{t('therapy.notes.columns.note')}</th>
                  <th scope="col">{t('therapy.notes.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((row) => (
                  <tr key={row.sessionId}>
                    <td>{formatInstant(row.startAt, tz)}</td>
                    <td>{row.therapist.displayName}</td>
                    <td>
                      {t(`therapy.notes.attendance.${row.sessionStatus}`, {
                        defaultValue: t('therapy.notes.attendance.other'),
                      })}
                    </td>
                    <td>{noteStatusText(t, row, tz)}</td>
                    <td>{action(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {brokenOpen ? (
        <section className="banner banner-warning" aria-labelledby="broken-glass">
          <h2 id="broken-glass">{t('therapy.notes.breakGlass.readingHeading')}</h2>
          <p>{t('therapy.notes.breakGlass.reading')}</p>
          <NoteContent note={brokenOpen} level={3} />
          <button type="button" onClick={() => setBrokenOpen(null)}>
            {t('therapy.notes.breakGlass.close')}
          </button>
        </section>
      ) : null}
      {session.role !== 'caseworker' ? (
        <section className="panel" aria-labelledby="clinical-scores">
          <h2 id="clinical-scores">{t('therapy.measures.heading')}</h2>
          <ScoresPanel childId={childId} />
        </section>
      ) : null}
      {breakGlassFor ? (
        <BreakGlassDialog
          noteId={breakGlassFor}
          onClose={() => setBreakGlassFor(null)}
          onRead={(note) => {
            setBreakGlassFor(null);
            setBrokenOpen(note);
          }}
        />
      ) : null}
    </div>
  );
}
