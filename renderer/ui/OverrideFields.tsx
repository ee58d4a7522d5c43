import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { errorText } from '../i18n';
import { Field } from './Field';

/** A domain's words for the override block. */
export interface OverrideTexts {
  heading: string;
  body: string;
  reason: string;
  hint: string;
}

/**
 * The soft rules a change breaks, each in words, and the typed reason needed to go ahead anyway
 * (the backend audits it). Nothing shows while no rule is broken.
 */
export function OverrideFields({
  warnings,
  registration,
  error,
  texts,
}: {
  warnings: readonly string[];
  registration: UseFormRegisterReturn;
  error: { message?: string } | undefined;
  texts: OverrideTexts;
}) {
  const headingId = useId();
  if (warnings.length === 0) return null;
  return (
    <section className="override" aria-labelledby={headingId}>
      <h3 id={headingId}>{texts.heading}</h3>
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>{errorText(warning)}</li>
        ))}
      </ul>
      <p>{texts.body}</p>
      <Field label={texts.reason} hint={texts.hint} error={error}>
        {(a) => <textarea {...a} {...registration} rows={3} maxLength={500} />}
      </Field>
    </section>
  );
}
