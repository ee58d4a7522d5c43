import { useId } from 'react';
import { useController, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/queries';
import type { ChipListError } from '../../../ui/ChipListInput';
import { errorText } from '../../../i18n';
import type { z } from 'zod';
import type { procedures } from '../../../../shared/contract';

/** The array's own error ("tooMany", "shelterScope.unknown") or the first entry's. */
function firstError(error: ChipListError): string | undefined {
  if (!error) return undefined;
  if (error.message) return error.message;
  return Array.isArray(error) ? error.find(Boolean)?.message : undefined;
}

/**
 * The shelters a person works in, ticked from the shelters that exist: nothing to mistype. A
 * fieldset of checkboxes, so Tab and Space work and a screen reader hears the group's name.
 */
export function ShelterScopeInput({
  control,
  error,
}: {
  control: Control<z.input<(typeof procedures)['users.create']['input']>>;
  error: ChipListError;
}) {
  const { t } = useTranslation();
  const id = useId();
  const shelters = useApiQuery('shelters.list', {});
  const { field } = useController({ control, name: 'shelterScope' });
  const chosen = field.value ?? [];
  const message = firstError(error);
  const described = [`${id}-hint`, message ? `${id}-error` : null].filter(Boolean).join(' ');
  const toggle = (name: string, on: boolean) =>
    field.onChange(on ? [...chosen, name] : chosen.filter((entry) => entry !== name));

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
                checked={chosen.includes(shelter.name)}
                onChange={(event) => toggle(shelter.name, event.target.checked)}
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
