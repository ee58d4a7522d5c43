import { useId, type ReactNode } from 'react';
import { errorText } from '../i18n';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: string;
  /** react-hook-form's FieldError (its message is an `errors.` key). */
  error?: { message?: string } | undefined;
  hint?: string;
  /** Ids of more descriptions, e.g. a strength meter. */
  describedBy?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and error, wired with aria-describedby and aria-invalid. */
export function Field({ label, error, hint, describedBy, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = Boolean(error);
  const described = [hint ? hintId : null, hasError ? errorId : null, describedBy ?? null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={hasError ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(hasError ? { 'aria-invalid': true as const } : {}),
      })}
      {hasError ? (
        <p className="field-error" id={errorId}>
          {errorText(error?.message ?? 'invalid')}
        </p>
      ) : null}
    </div>
  );
}
