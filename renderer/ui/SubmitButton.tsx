import type { ReactNode } from 'react';

interface Props {
  pending: boolean;
  /** Announced while the request runs; the button keeps its name so it is easy to find. */
  pendingText: string;
  disabled?: boolean;
  children: ReactNode;
}

export function SubmitButton({ pending, pendingText, disabled = false, children }: Props) {
  return (
    <div className="form-actions">
      <button type="submit" className="button-primary" disabled={pending || disabled}>
        {children}
      </button>
      <span role="status" className="pending-text">
        {pending ? pendingText : null}
      </span>
    </div>
  );
}
