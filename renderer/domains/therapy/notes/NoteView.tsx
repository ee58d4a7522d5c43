// A note as read: its fields, the signature, the signed addenda and the concerns raised from it.
// The author of a signed note adds addenda here; the author raises a concern from any state.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  addendumBodySchema,
  NOTE_FIELD_KEYS,
  RISK_FLAG_KINDS,
  TEMPLATE_FIELDS,
  type RiskFlagKind,
  type SessionNote,
} from '../../../../shared/therapy/notes';
import { formatInstant } from '../../../i18n/format';
import { isApiError } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { FormDialog } from '../../../ui/FormDialog';
import { useApiForm } from '../../../forms/useApiForm';

/** `level`: the note's heading level where it is shown (its parts get the next one). */
export function NoteContent({ note, level }: { note: SessionNote; level: 2 | 3 }) {
  const Heading = `h${level}` as const;
  const Sub = `h${level + 1}` as 'h3' | 'h4';
  const { t } = useTranslation();
  const { settings } = useSession();
  const when = (at: string) => formatInstant(at, settings.timeZone);
  const keys = TEMPLATE_FIELDS[note.template].filter((k) => NOTE_FIELD_KEYS.includes(k));
  return (
    <article className="note-content" aria-labelledby={`note-${note.id}`}>
      <Heading id={`note-${note.id}`}>
        {t('therapy.notes.noteHeading', {
          template: t(`therapy.notes.templates.${note.template}`),
          date: when(note.sessionStartAt),
        })}
      </Heading>
      <dl className="note-fields">
        {keys.map((key) => (
          <div key={key}>
            <dt>{t(`therapy.notes.fields.${key}.label`)}</dt>
            <dd className="cell-text">{note.fields[key] || '—'}</dd>
          </div>
        ))}
      </dl>
      <p className="note-signature">
        {note.signedAt && note.signedBy
          ? t('therapy.notes.signedBy', {
              name: note.signedBy.displayName,
              date: when(note.signedAt),
            })
          : t('therapy.notes.draftBy', { name: note.author.displayName })}
      </p>
      {note.addenda.length > 0 ? (
        <section aria-labelledby={`addenda-${note.id}`}>
          <Sub id={`addenda-${note.id}`}>{t('therapy.notes.addenda')}</Sub>
          <ol className="note-addenda">
            {note.addenda.map((a) => (
              <li key={a.id}>
                <p className="cell-text">{a.body}</p>
                <p className="note-signature">
                  {t('therapy.notes.signedBy', {
                    name: a.author.displayName,
                    date: when(a.signedAt),
                  })}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {note.flags.length > 0 ? (
        <section aria-labelledby={`flags-${note.id}`}>
          <Sub id={`flags-${note.id}`}>{t('therapy.notes.flags.heading')}</Sub>
          <ul>
            {note.flags.map((f) => (
              <li key={f.id}>
                {t('therapy.notes.flags.raised', {
                  kind: t(`therapy.notes.flags.kinds.${f.kind}`),
                  name: f.raisedBy.displayName,
                  date: when(f.raisedAt),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

const addendumForm = z.object({ body: addendumBodySchema });

export function AddendumForm({
  note,
  onAdded,
}: {
  note: SessionNote;
  onAdded: (note: SessionNote) => void;
}) {
  const { t } = useTranslation();
  const { form, register, errors, formError, showError, submit } = useApiForm({
    schema: addendumForm,
    defaultValues: { body: '' },
    fields: ['body'],
  });
  const add = useApiMutation('notes.addAddendum', {
    onSuccess: (next) => {
      form.reset({ body: '' });
      onAdded(next);
    },
    onError: showError,
  });
  return (
    <form
      className="form addendum-form"
      noValidate
      onSubmit={submit((values) => add.mutate({ id: note.id, body: values.body }))}
    >
      <h2>{t('therapy.notes.addendumHeading')}</h2>
      <FormAlert message={formError} />
      <Field
        label={t('therapy.notes.addendum')}
        hint={t('therapy.notes.addendumHelp')}
        error={errors.body}
      >
        {(a) => <textarea {...a} {...register('body')} rows={4} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={add.isPending}>
          {t('therapy.notes.signAddendum')}
        </button>
      </div>
    </form>
  );
}

/** "Raise a concern": the child's caseworker gets a task to contact the author, nothing more. */
export function RaiseFlagButton({
  note,
  onRaised,
}: {
  note: SessionNote;
  onRaised: (note: SessionNote) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<RiskFlagKind | ''>('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const raise = useApiMutation('notes.raiseFlag');
  return (
    <>
      <StatusMessage>{status}</StatusMessage>
      <button type="button" onClick={() => setOpen(true)}>
        {t('therapy.notes.flags.raise')}
      </button>
      {open ? (
        <FormDialog
          title={t('therapy.notes.flags.raiseTitle')}
          intro={t('therapy.notes.flags.raiseIntro')}
          onClose={() => setOpen(false)}
          pending={raise.isPending}
          submitLabel={t('therapy.notes.flags.raiseConfirm')}
          onSubmit={(event) => {
            event.preventDefault();
            if (!kind) {
              setError('required');
              return;
            }
            raise.mutate(
              { id: note.id, kind },
              {
                onSuccess: (flag) => {
                  setOpen(false);
                  setStatus(t('therapy.notes.flags.done'));
                  onRaised({ ...note, flags: [...note.flags, flag] });
                },
                onError: (e) => setError(isApiError(e) ? e.message : 'internal'),
              },
            );
          }}
        >
          <Field
            label={t('therapy.notes.flags.kind')}
            error={error ? { message: error } : undefined}
          >
            {(a) => (
              <select {...a} value={kind} onChange={(e) => setKind(e.target.value as RiskFlagKind)}>
                <option value="">{t('therapy.notes.choose')}</option>
                {RISK_FLAG_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`therapy.notes.flags.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </FormDialog>
      ) : null}
    </>
  );
}
