import type { InputHTMLAttributes, Ref } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: string;
  ref?: Ref<HTMLInputElement>;
};

/** A checkbox with its label beside it (Field puts labels above, which suits text inputs). */
export function Checkbox({ label, ref, ...props }: Props) {
  return (
    <label className="checkbox">
      <input ref={ref} type="checkbox" {...props} />
      <span>{label}</span>
    </label>
  );
}
