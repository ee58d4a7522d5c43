// Form-side pieces of the placement dialogs: a date and a time picked in the vault's time zone
// become one UTC instant, which must not be in the future.
import { z } from 'zod';
import { requiredText, safeText } from '../../../../shared/text';
import { OVERRIDE_REASON_MIN } from '../../../../shared/shelters/vocabulary';
import { CLOCK_SKEW_MS, TIME_OF_DAY, zonedInstant } from '../../../../shared/time';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const dateField = z.string().min(1, 'required').regex(DATE, 'invalid');
export const timeField = z.string().min(1, 'required').regex(TIME_OF_DAY, 'invalid');
export const reasonField = requiredText(500, { multiline: true });

/** The override reason: checked only once the backend has asked for one. */
export const overrideFields = {
  needsOverride: z.boolean(),
  overrideReason: safeText({ multiline: true }).trim().max(500, 'tooLong'),
};

/** The UTC instant, or null while the date or time is not filled in correctly. */
export function instantOf(date: unknown, time: unknown, timeZone: string): string | null {
  if (typeof date !== 'string' || typeof time !== 'string') return null;
  if (!DATE.test(date) || !TIME_OF_DAY.test(time)) return null;
  return zonedInstant(date, time, timeZone);
}

export function addFutureIssue(
  ctx: z.core.$RefinementCtx,
  path: string,
  instant: string | null,
  now: Date = new Date(),
): void {
  if (instant && Date.parse(instant) > now.getTime() + CLOCK_SKEW_MS) {
    ctx.addIssue({ code: 'custom', path: [path], message: 'date.future' });
  }
}

/** Transfer and discharge end the current placement, which must then have lasted a while. */
export function addAfterCurrentStartIssue(
  ctx: z.core.$RefinementCtx,
  path: string,
  instant: string | null,
  currentStartAt: string | null,
): void {
  if (instant && currentStartAt && Date.parse(instant) <= Date.parse(currentStartAt)) {
    ctx.addIssue({ code: 'custom', path: [path], message: 'placement.beforeCurrentStart' });
  }
}

export function addOverrideIssue(
  ctx: z.core.$RefinementCtx,
  value: { needsOverride?: unknown; overrideReason?: unknown },
): void {
  const reason = typeof value.overrideReason === 'string' ? value.overrideReason.trim() : '';
  if (value.needsOverride === true && reason.length < OVERRIDE_REASON_MIN) {
    ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'override.tooShort' });
  }
}
