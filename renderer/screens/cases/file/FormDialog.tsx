import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import type { FormMessage } from '../../../forms/useServerErrors';

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
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="form">
        {intro ? <p>{intro}</p> : null}
        <FormAlert message={formError} />
        {children}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <SubmitButton pending={pending} pendingText={t('common.working')}>
            {submitLabel}
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
