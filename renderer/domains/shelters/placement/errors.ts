// Placement errors in plain words: a CONFLICT names the clash from its details, a field error
// goes to the input it is about (the backend's `startAt` is the form's date input).
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import { childLabel, instantDate } from '../format';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** "Bed 3 is taken by AR-2026-0042 (J.D.) from 11/02/2026 to 11/20/2026.", or null. */
export function clashText(
  t: TFunction,
  error: ApiError,
  context: { bed: string | null; timeZone: string },
): string | null {
  const details = error.details;
  const caseCode = text(details.caseCode);
  if (!caseCode) return null;
  const initials = text(details.initials);
  const child = initials ? childLabel(t, { caseCode, initials }) : caseCode;
  const startAt = text(details.startAt);
  const endAt = text(details.endAt);
  const dates = {
    start: startAt ? instantDate(startAt, context.timeZone) : '',
    end: endAt ? instantDate(endAt, context.timeZone) : '',
  };
  const bed = context.bed ?? t('shelters.clash.thisBed');
  switch (error.message) {
    case 'placement.bedOverlap':
      if (!startAt) return null;
      return endAt
        ? t('shelters.clash.bedOverlap', { bed, child, ...dates })
        : t('shelters.clash.bedOverlapOpen', { bed, child, ...dates });
    case 'placement.childOverlap':
      if (!startAt) return null;
      return endAt
        ? t('shelters.clash.childOverlap', { child, ...dates })
        : t('shelters.clash.childOverlapOpen', { child, ...dates });
    case 'bed.reserved':
      return t('shelters.clash.bedReserved', { bed, child });
    default:
      return null;
  }
}

/**
 * The same error with the backend's field paths renamed to the form's field names, and field
 * keys reworded where the dialog has plainer words for them.
 */
export function withFormFields(
  error: unknown,
  rename: Record<string, string>,
  reword: Record<string, string> = {},
): unknown {
  if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) return error;
  const fields: Record<string, string> = {};
  for (const [path, key] of Object.entries(error.fields)) {
    fields[rename[path] ?? path] = reword[key] ?? key;
  }
  return new ApiError({
    code: error.code,
    message: error.message,
    fields,
    warnings: error.warnings,
    details: error.details,
  });
}

/** Transfer and discharge end the current placement: "end before start" in their own words. */
export const BEFORE_CURRENT = { 'placement.endBeforeStart': 'placement.beforeCurrentStart' };
