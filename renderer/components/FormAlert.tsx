import type { ReactNode } from 'react';
import type { FormMessage } from '../forms/useServerErrors';
import { errorText } from '../i18n';

interface Props {
  message: FormMessage | null;
  /** Seconds left of a sign-in back-off; shown as a live countdown instead of the message. */
  backoffSeconds?: number;
}

/** The form-level error region: always present, so screen readers announce what appears in it. */
export function FormAlert({ message, backoffSeconds = 0 }: Props) {
  const showing = backoffSeconds > 0 || message !== null;
  let content: ReactNode = null;
  if (backoffSeconds > 0) {
    // role=timer is itself a live region that stays quiet while it ticks.
    content = (
      <span role="timer">{errorText('backoff', 'internal', { count: backoffSeconds })}</span>
    );
  } else if (message) {
    content = errorText(
      message.key,
      'internal',
      message.count === undefined ? {} : { count: message.count },
    );
  }
  return (
    <div role="alert" className={showing ? 'form-alert' : 'form-alert form-alert-empty'}>
      {content}
    </div>
  );
}

/** Polite confirmation of a finished action. */
export function StatusMessage({
  children,
  tone = 'good',
}: {
  children: string | null;
  tone?: 'good' | 'bad';
}) {
  const classes = ['status-message', `status-${tone}`, children ? '' : 'status-empty'];
  return (
    <p role="status" className={classes.join(' ').trim()}>
      {children}
    </p>
  );
}
