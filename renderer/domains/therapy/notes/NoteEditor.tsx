// The author's draft: a template, its labelled fields with help text, autosaved as typed; then
// Sign, which locks it. Switching template keeps what was typed in the other template's fields.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NOTE_TEMPLATES,
  TEMPLATE_FIELDS,
  type NoteFields,
  type NoteFieldKey,
  type NoteTemplate,
  type SessionNote,
} from '../../../../shared/therapy/notes';
import { isApiError } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Field } from '../../../ui/Field';
import { FormAlert } from '../../../ui/FormAlert';
import type { FormMessage } from '../../../forms/useServerErrors';
import { AutosaveStatus } from '../../../ui/AutosaveStatus';
import { useAutosave } from '../../../forms/useAutosave';
import { useApi } from '../../../api/ApiContext';

export function NoteEditor({
  note,
  onSigned,
}: {
  note: SessionNote;
  onSigned: (note: SessionNote) => void;
}) {
  const { t } = useTranslation();
  const [template, setTemplate] = useState<NoteTemplate>(note.template);
  const [fields, setFields] = useState<NoteFields>(note.fields);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const [confirming, setConfirming] = useState(false);
  const api = useApi();
  const autosave = useAutosave(async (draft: { template: NoteTemplate; fields: NoteFields }) => {
    const { updatedAt } = await api.call('notes.saveDraft', { id: note.id, ...draft });
    return { savedAt: updatedAt };
  });
  const sign = useApiMutation('notes.sign');

  const change = (next: { template?: NoteTemplate; fields?: NoteFields }) => {
    const draft = { template: next.template ?? template, fields: next.fields ?? fields };
    if (next.template) setTemplate(next.template);
    if (next.fields) setFields(next.fields);
    autosave.schedule(draft);
  };

  const doSign = async () => {
    // The signed text is what was typed, saved first so a refused signature loses nothing.
    await autosave.flush();
    const shown = Object.fromEntries(
      TEMPLATE_FIELDS[template].map((key) => [key, fields[key] ?? '']),
    ) as NoteFields;
    sign.mutate(
      { id: note.id, template, fields: shown },
      {
        onSuccess: (signed) => {
          setConfirming(false);
          onSigned(signed);
        },
        onError: (error) => {
          setConfirming(false);
          setFieldErrors(isApiError(error) ? error.fields : {});
          setFormError({ key: isApiError(error) ? error.message : 'internal' });
        },
      },
    );
  };

  return (
    <form
      className="form note-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setConfirming(true);
      }}
    >
      <FormAlert message={formError} />
      <fieldset className="note-templates">
        <legend>{t('therapy.notes.template')}</legend>
        {NOTE_TEMPLATES.map((value) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="template"
              value={value}
              checked={template === value}
              onChange={() => change({ template: value })}
            />
            {t(`therapy.notes.templates.${value}`)}
          </label>
        ))}
      </fieldset>
      {TEMPLATE_FIELDS[template].map((key: NoteFieldKey) => {
        const message = fieldErrors[`fields.${key}`];
        return (
          <Field
            key={key}
            label={t(`therapy.notes.fields.${key}.label`)}
            hint={t(`therapy.notes.fields.${key}.help`)}
            error={message ? { message } : undefined}
          >
            {(a) => (
              <textarea
                {...a}
                rows={5}
                value={fields[key] ?? ''}
                onChange={(event) => change({ fields: { ...fields, [key]: event.target.value } })}
              />
            )}
          </Field>
        );
      })}
      <AutosaveStatus
        state={autosave.state}
        texts={{
          saving: t('therapy.notes.autosave.saving'),
          saved: (time) => t('therapy.notes.autosave.saved', { time }),
          failed: (reason) => t('therapy.notes.autosave.failed', { reason }),
        }}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={sign.isPending}>
          {t('therapy.notes.sign')}
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('therapy.notes.signTitle')}
          body={t('therapy.notes.signBody')}
          confirmLabel={t('therapy.notes.signConfirm')}
          pending={sign.isPending}
          error={null}
          onConfirm={() => void doSign()}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </form>
  );
}
