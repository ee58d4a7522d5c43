import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n';
import { Field } from '../../ui/Field';

/**
 * The trauma-informed rules a change breaks, each in words, and the typed reason needed to go
 * ahead anyway (the backend audits it).
 */
export function OverrideFields({
  warnings,
  registration,
  error,
}: {
  warnings: readonly string[];
  registration: UseFormRegisterReturn;
  error: { message?: string } | undefined;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  if (warnings.length === 0) return null;
  return (
    <section className="override" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('therapy.schedule.overrideHeading')}</h3>
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>{errorText(warning)}</li>
        ))}
      </ul>
      <p>{t('therapy.schedule.overrideBody')}</p>
      <Field
        label={t('therapy.schedule.overrideReason')}
        hint={t('therapy.schedule.overrideHint')}
        error={error}
      >
        {(a) => <textarea {...a} {...registration} rows={3} maxLength={500} />}
      </Field>
    </section>
  );
}
