// The one schema for text a person types. It refuses what cannot be seen but changes what is
// read or stored: control characters (a NUL, a bell; tabs and line breaks outside multi-line
// fields), bidirectional overrides and isolates (U+202E can make a printed name read differently
// from what was saved), and unpaired surrogates (half an emoji, silently stored as U+FFFD).
import { z } from 'zod';

/** Field messages (i18n keys under `errors.`). */
export const TEXT_ERROR_KEYS = ['text.control', 'text.direction', 'text.brokenCharacter'] as const;
export type TextErrorKey = (typeof TEXT_ERROR_KEYS)[number];

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
/** C0 and C1 controls and DEL, except tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const TAB_OR_LINE_BREAK = /[\t\n\r]/;
/** A carriage return is a line break only as the first half of CR LF. */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;
/* eslint-enable no-control-regex */
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextOptions {
  /** Tabs and line breaks allowed (a textarea). */
  multiline?: boolean;
}

/** The first thing wrong with a text, or null. */
export function textProblem(text: string, options: TextOptions = {}): TextErrorKey | null {
  if (CONTROL.test(text) || LONE_CARRIAGE_RETURN.test(text)) return 'text.control';
  if (!options.multiline && TAB_OR_LINE_BREAK.test(text)) return 'text.control';
  if (DIRECTION.test(text)) return 'text.direction';
  if (LONE_SURROGATE.test(text)) return 'text.brokenCharacter';
  return null;
}

/** A string whose characters are all safe to store and show; chain trim, min and max onto it. */
export function safeText(options: TextOptions = {}) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid') })
    .superRefine((text, ctx) => {
      const problem = textProblem(text, options);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** Required free text: trimmed, not empty, at most `max` characters. */
export function requiredText(max: number, options: TextOptions = {}) {
  return safeText(options).trim().min(1, 'required').max(max, 'tooLong');
}

/** Optional free text: trimmed, at most `max` characters. */
export function optionalText(max: number, options: TextOptions = {}) {
  return safeText(options).trim().max(max, 'tooLong').optional();
}

/** Whether a code that arrived as a plain string (a timeline param, a category) is one of `values`. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
