import { useLayoutEffect, type ReactNode } from 'react';
import type { FormMessage } from '../forms/useServerErrors';
import { errorText } from '../i18n';
import { claimStatusSlot, useStatusSlot } from './statusMessages';

interface Props {
  message: FormMessage | null;
  /** Text already put into words (e.g. a placement clash naming the other child), instead of a key. */
  text?: string | null;
  /** Seconds left of a sign-in back-off; shown as a live countdown instead of the message. */
  backoffSeconds?: number;
}

/** The form-level error region: always present, so screen readers announce what appears in it. */
export function FormAlert({ message, text = null, backoffSeconds = 0 }: Props) {
  const showing = backoffSeconds > 0 || message !== null || Boolean(text);
  // An error replaces any confirmation still on screen.
  useLayoutEffect(() => {
    if (message) claimStatusSlot();
  }, [message]);
  let content: ReactNode = null;
  if (backoffSeconds > 0) {
    // role=timer is itself a live region that stays quiet while it ticks.
    content = (
      <span role="timer">{errorText('backoff', 'internal', { count: backoffSeconds })}</span>
    );
  } else if (text) {
    content = text;
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

/**
 * Polite confirmation of a finished action (role=status is aria-live=polite). Only the newest
 * message in the window shows; a good one clears itself after a few seconds.
 */
export function StatusMessage({
  children,
  tone = 'good',
  version,
}: {
  children: string | null;
  tone?: 'good' | 'bad';
  /** Changes with each new occurrence of the same text (e.g. a mutation's submittedAt). */
  version?: unknown;
}) {
  const showing = useStatusSlot(children, tone === 'good', version);
  const classes = ['status-message', `status-${tone}`, showing ? '' : 'status-empty'];
  return (
    <p role="status" className={classes.join(' ').trim()}>
      {showing ? children : null}
    </p>
  );
}
