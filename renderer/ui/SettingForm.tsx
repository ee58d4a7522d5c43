// What the administrator's setting screens do alike: the title (also the window's), a lead line,
// the setting once read (or why it could not be), and a form that saves it, answers with the
// saved setting, puts that in the cache and the form, and says so.
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type FormEventHandler, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import type { FormMessage } from '../forms/useServerErrors';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { FormAlert, StatusMessage } from './FormAlert';
import { SubmitButton } from './SubmitButton';

/** A setting screen: its form is shown once the setting is read. */
export function SettingScreen<T>({
  title,
  intro,
  setting,
  children,
}: {
  title: string;
  intro: string;
  setting: { data: T | undefined; isError: boolean; error: ApiError | null };
  children: (current: T) => ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p className="lead-text">{intro}</p>
      {setting.isError && setting.error ? (
        <FormAlert message={{ key: setting.error.message }} />
      ) : null}
      {setting.data !== undefined ? children(setting.data) : null}
    </>
  );
}

/** After a save: the answer becomes the cached setting and the form's values; `saved` counts. */
export function useSavedSetting<T>(key: QueryKey, reset: (next: T) => void) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(0);
  return {
    saved,
    onSaved: (next: T) => {
      queryClient.setQueryData(key, next);
      reset(next);
      setSaved((n) => n + 1);
    },
  };
}

/** The setting's form: the alert, its fields, a status line once saved, and Save. */
export function SettingForm({
  label,
  onSubmit,
  formError,
  saved,
  savedText,
  pending,
  saveLabel,
  children,
}: {
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  formError: FormMessage | null;
  /** How many times it was saved on this screen (0: say nothing). */
  saved: number;
  savedText: string;
  pending: boolean;
  saveLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate className="form panel" aria-label={label}>
      <FormAlert message={formError} />
      {children}
      <StatusMessage version={saved}>{saved ? savedText : null}</StatusMessage>
      <SubmitButton pending={pending} pendingText={t('common.working')}>
        {saveLabel}
      </SubmitButton>
    </form>
  );
}
