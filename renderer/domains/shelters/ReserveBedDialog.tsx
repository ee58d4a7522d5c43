import { FormDialog } from '../../ui/FormDialog';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BedBoardBed } from '../../../shared/shelters/contract';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { messageFor, type FormMessage } from '../../forms/useServerErrors';
import { bedName, childLabel } from './format';
import { BEDS_STALE } from './stale';

const SEARCH_LIMIT = 20;

/** Holds a vacant bed for a child found by case code or name (the list shows aliases only). */
export function ReserveBedDialog({
  bed,
  onClose,
  onDone,
}: {
  bed: BedBoardBed;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const name = bedName(t, bed);
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [child, setChild] = useState<{ id: string; label: string } | null>(null);
  const [childError, setChildError] = useState<string | null>(null);
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const reserve = useApiMutation('beds.reserve', {
    stale: () => BEDS_STALE,
    onError: (error) => setFormError(messageFor(error)),
  });

  const search = () => {
    setQuery(text.trim());
    setChild(null);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!child) {
      setChildError('required');
      return;
    }
    setChildError(null);
    reserve.mutate(
      { bedId: bed.id, childId: child.id },
      {
        onSuccess: () => onDone(t('shelters.board.reserved', { bed: name, child: child.label })),
      },
    );
  };

  return (
    <FormDialog
      title={t('shelters.reserve.title', { bed: name })}
      onClose={onClose}
      onSubmit={onSubmit}
      formError={formError}
      pending={reserve.isPending}
      submitLabel={t('shelters.reserve.submit')}
      intro={t('shelters.reserve.body')}
    >
      <Field label={t('shelters.reserve.find')} hint={t('shelters.reserve.findHint')}>
        {(a) => (
          <div className="inline-input">
            <input
              {...a}
              value={text}
              maxLength={100}
              autoComplete="off"
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                // Enter searches instead of submitting the reservation.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  search();
                }
              }}
            />
            <button type="button" onClick={search}>
              {t('shelters.reserve.search')}
            </button>
          </div>
        )}
      </Field>
      {query !== null ? (
        <ChildChoice
          text={query}
          value={child?.id ?? ''}
          error={childError}
          onChange={(id, label) => {
            setChild(id ? { id, label } : null);
            setChildError(null);
          }}
        />
      ) : null}
    </FormDialog>
  );
}

function ChildChoice({
  text,
  value,
  error,
  onChange,
}: {
  text: string;
  value: string;
  error: string | null;
  onChange: (id: string, label: string) => void;
}) {
  const { t } = useTranslation();
  const results = useApiQuery('children.search', {
    ...(text ? { text } : {}),
    limit: SEARCH_LIMIT,
  });
  const rows = results.data?.rows ?? [];
  if (results.isPending) return <p role="status">{t('shelters.common.loading')}</p>;
  if (results.isError) return <FormAlert message={{ key: results.error.message }} />;
  if (rows.length === 0) return <p role="status">{t('shelters.reserve.noMatches')}</p>;
  return (
    <Field label={t('shelters.reserve.child')} error={error ? { message: error } : undefined}>
      {(a) => (
        <select
          {...a}
          value={value}
          onChange={(event) => {
            const row = rows.find((r) => r.id === event.target.value);
            onChange(event.target.value, row ? childLabel(t, { ...row, initials: row.alias }) : '');
          }}
        >
          <option value="">{t('shelters.reserve.chooseChild')}</option>
          {rows.map((row) => (
            <option key={row.id} value={row.id}>
              {childLabel(t, { ...row, initials: row.alias })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
