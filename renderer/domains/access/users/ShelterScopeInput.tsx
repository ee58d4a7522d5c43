import { useId } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/queries';
import type { ChipListError } from '../../../ui/ChipListInput';
import { errorText } from '../../../i18n';

/** The array's own error ("tooMany", "shelterScope.unknown") or the first entry's. */
function firstError(error: ChipListError): string | undefined {
  if (!error) return undefined;
  if (error.message) return error.message;
  return Array.isArray(error) ? error.find(Boolean)?.message : undefined;
}

/** A scope entry names a shelter by its id or its name, in any case (as the backend matches). */
function names(entry: string, shelter: { id: string; name: string }): boolean {
  const key = entry.trim().toLowerCase();
  return key === shelter.id.toLowerCase() || key === shelter.name.trim().toLowerCase();
}

/**
 * The shelters a person works in, ticked from the shelters that exist: nothing to mistype. A
 * fieldset of checkboxes, so Tab and Space work and a screen reader hears the group's name.
 * For any form with a `shelterScope` list (adding a user, editing one's access).
 */
export function ShelterScopeInput<T extends FieldValues & { shelterScope?: string[] }>({
  control,
  error,
}: {
  control: Control<T>;
  error: ChipListError;
}) {
  const { t } = useTranslation();
  const id = useId();
  const shelters = useApiQuery('shelters.list', {});
  const { field } = useController({ control, name: 'shelterScope' as Path<T> });
  const chosen = (field.value as string[] | undefined) ?? [];
  const message = firstError(error);
  const described = [`${id}-hint`, message ? `${id}-error` : null].filter(Boolean).join(' ');
  const toggle = (shelter: { id: string; name: string }, on: boolean) =>
    field.onChange(
      on ? [...chosen, shelter.name] : chosen.filter((entry) => !names(entry, shelter)),
    );

  return (
    <fieldset
      className={message ? 'field field-invalid' : 'field'}
      aria-describedby={described}
      aria-invalid={message ? true : undefined}
    >
      <legend>{t('users.create.shelterScope')}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {shelters.data?.length === 0
          ? t('users.create.noShelters')
          : t('users.create.shelterScopeHint')}
      </p>
      {shelters.isError ? <p className="field-error">{errorText(shelters.error.message)}</p> : null}
      <ul className="checkbox-list">
        {shelters.data?.map((shelter, index) => (
          <li key={shelter.id}>
            <label className="radio">
              <input
                type="checkbox"
                name={field.name}
                value={shelter.name}
                checked={chosen.some((entry) => names(entry, shelter))}
                onChange={(event) => toggle(shelter, event.target.checked)}
                onBlur={field.onBlur}
                ref={index === 0 ? field.ref : undefined}
              />
              {shelter.name}
            </label>
          </li>
        ))}
      </ul>
      {message ? (
        <p className="field-error" id={`${id}-error`}>
          {errorText(message)}
        </p>
      ) : null}
    </fieldset>
  );
}
