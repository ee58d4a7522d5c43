import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { FormAlert } from './FormAlert';
import type { FormMessage } from '../forms/useServerErrors';
import type { ProcedureName } from '../../shared/contract';
import { WorkProgress } from './WorkProgress';

interface Props {
  title: string;
  /** What happens, a paragraph each. */
  body: string | readonly string[];
  confirmLabel: string;
  /** `danger` for what cannot be undone from the screen (the default), `primary` otherwise. */
  tone?: 'danger' | 'primary';
  pending: boolean;
  /** A long call that reports its progress: its bar is shown while it is pending. */
  progress?: ProcedureName;
  error: FormMessage | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Do this?" with Cancel first, then the one button that does it. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  tone = 'danger',
  pending,
  progress,
  error,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const paragraphs = typeof body === 'string' ? [body] : body;
  return (
    <Dialog title={title} onClose={onClose}>
      {paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <FormAlert message={error} />
      {pending && progress ? <WorkProgress procedure={progress} label={title} /> : null}
      <DialogActions onClose={onClose}>
        <button type="button" className={`button-${tone}`} disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <span role="status" className="pending-text">
          {pending ? t('common.working') : null}
        </span>
      </DialogActions>
    </Dialog>
  );
}
