import { useId, useRef, useState } from 'react';
import {
  useController,
  type Control,
  type FieldError,
  type FieldPathByValue,
  type FieldValues,
  type Merge,
} from 'react-hook-form';
import { Field } from './Field';

export type ChipListError = Merge<FieldError, (FieldError | undefined)[]> | undefined;

/** The array itself ("tooMany") or the first bad item ("tooLong") — whichever the schema found. */
function firstError(error: ChipListError): { message?: string } | undefined {
  if (!error) return undefined;
  if (error.message) return error;
  return Array.isArray(error) ? error.find(Boolean) : undefined;
}

interface Props<T extends FieldValues, Out extends FieldValues> {
  /** The form's control, whatever its resolver outputs. */
  control: Control<T, unknown, Out>;
  /** A string[] field of the form. */
  name: FieldPathByValue<T, string[]>;
  error: ChipListError;
  label: string;
  hint?: string;
  /** Text of the Add button. */
  addLabel: string;
  /** Accessible name of the list of added items. */
  listLabel: string;
  /** Accessible name of an item's remove button. */
  removeLabel: (item: string) => string;
  maxLength?: number;
  /** Offered as the input's suggestions (a datalist); anything else may still be typed. */
  suggestions?: readonly string[];
}

/** A free list of short texts: type + Add (or Enter), shown as removable chips. */
export function ChipListInput<T extends FieldValues, Out extends FieldValues = T>({
  control,
  name,
  error,
  label,
  hint,
  addLabel,
  listLabel,
  removeLabel,
  maxLength = 100,
  suggestions,
}: Props<T, Out>) {
  const { field } = useController<T, typeof name, Out>({ control, name });
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLInputElement | null>(null);
  const listId = useId();
  const items = (field.value ?? []) as string[];

  const add = () => {
    const item = draft.trim();
    if (item === '') return;
    if (!items.some((s) => s.toLowerCase() === item.toLowerCase())) {
      field.onChange([...items, item]);
    }
    setDraft('');
    inputRef.current?.focus();
  };
  const remove = (index: number) => {
    field.onChange(items.filter((_, i) => i !== index));
    inputRef.current?.focus();
  };

  return (
    <div className="chip-list-input">
      <Field label={label} {...(hint ? { hint } : {})} error={firstError(error)}>
        {(a) => (
          <div className="inline-input">
            <input
              {...a}
              ref={(element) => {
                inputRef.current = element;
                field.ref(element);
              }}
              value={draft}
              maxLength={maxLength}
              list={suggestions ? listId : undefined}
              onChange={(event) => setDraft(event.target.value)}
              onBlur={field.onBlur}
              onKeyDown={(event) => {
                // Enter adds the item instead of submitting the whole form.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                }
              }}
            />
            {suggestions ? (
              <datalist id={listId}>
                {suggestions.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            ) : null}
            <button type="button" onClick={add}>
              {addLabel}
            </button>
          </div>
        )}
      </Field>
      {items.length > 0 ? (
        <ul className="chips" aria-label={listLabel}>
          {items.map((item, index) => (
            <li key={item} className="chip">
              <span>{item}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={removeLabel(item)}
                onClick={() => remove(index)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
