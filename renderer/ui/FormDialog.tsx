import type { FormEventHandler, ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormAlert } from './FormAlert';
import { DialogFormActions } from './DialogActions';
import type { FormMessage } from '../forms/useServerErrors';

interface Props {
  title: string;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The form-level message: an i18n key (formError) or text already in words (alertText). */
  formError?: FormMessage | null;
  alertText?: string | null;
  pending: boolean;
  submitLabel: string;
  /** Shown above the alert: a sentence, or richer content. */
  intro?: ReactNode;
  children: ReactNode;
}

/** The app's one modal form: what it is about, the form-level alert, the fields, Cancel and submit. */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  formError = null,
  alertText = null,
  pending,
  submitLabel,
  intro,
  children,
}: Props) {
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="form">
        {typeof intro === 'string' ? <p>{intro}</p> : intro}
        <FormAlert message={formError} text={alertText} />
        {children}
        <DialogFormActions onCancel={onClose} pending={pending} submitLabel={submitLabel} />
      </form>
    </Dialog>
  );
}
