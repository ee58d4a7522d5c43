import { useTranslation } from 'react-i18next';

/** A select's options: a blank "Choose…" first, then each code with its label. */
export function ChoiceOptions<T extends string>({
  values,
  label,
}: {
  values: readonly T[];
  label: (value: T) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('children.form.choose')}</option>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}
