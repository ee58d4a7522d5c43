import { useId } from 'react';

export interface FilterOption<T extends string> {
  value: T;
  label: string;
}

/** One filter of a filter row: a labelled select, with "all" (the empty value) first if given. */
export function FilterSelect<T extends string>({
  label,
  value,
  options,
  all,
  onChange,
}: {
  label: string;
  value: T | '';
  options: readonly FilterOption<T>[];
  /** The words for no filter at all; omit when a choice is always made. */
  all?: string;
  onChange: (value: T | '') => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T | '')}>
        {all === undefined ? null : <option value="">{all}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
