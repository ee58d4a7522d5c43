import type { FormEventHandler, ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormAlert } from './FormAlert';
import { DialogFormActions } from './SubmitButton';
import type { FormMessage } from '../forms/useServerErrors';

interface Props {
  title: string;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  formError: FormMessage | null;
  pending: boolean;
  submitLabel: string;
  /** Shown above the fields. */
  intro?: string;
  children: ReactNode;
}

/** A modal form for one record of the case file: fields, the form-level alert, Cancel and Save. */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  formError,
  pending,
  submitLabel,
  intro,
  children,
}: Props) {
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="form">
        {intro ? <p>{intro}</p> : null}
        <FormAlert message={formError} />
        {children}
        <DialogFormActions onCancel={onClose} pending={pending} submitLabel={submitLabel} />
      </form>
    </Dialog>
  );
}
