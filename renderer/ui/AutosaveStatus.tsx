// What the autosave is doing, spoken by screen readers as it changes, in the screen's own words.
import { formatInstant } from '../i18n/format';
import { useSession } from '../auth/AuthContext';
import type { AutosaveState } from '../forms/useAutosave';
import { errorText } from '../i18n';

/** A domain's words for the autosave's status. */
export interface AutosaveTexts {
  saving: string;
  saved: (time: string) => string;
  failed: (reason: string) => string;
}

export function AutosaveStatus({ state, texts }: { state: AutosaveState; texts: AutosaveTexts }) {
  const { settings } = useSession();
  const text =
    state.kind === 'saving'
      ? texts.saving
      : state.kind === 'saved'
        ? texts.saved(formatInstant(state.at, settings.timeZone, 'timeSeconds'))
        : state.kind === 'failed'
          ? texts.failed(errorText(state.key, 'internal'))
          : '';
  return (
    <p role="status" className="autosave-status">
      {text}
    </p>
  );
}
