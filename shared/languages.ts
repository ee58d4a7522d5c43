// The languages Aruga speaks: one list, used by the catalogue loader, the pickers, the
// formatters, the catalogue check and the backend's validation. English is the fallback.
import { z } from 'zod';

export const LANGUAGES = ['en', 'fil', 'ceb'] as const;
export type Language = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = 'en';
export const languageSchema = z.enum(LANGUAGES);

/** Each language's own name, as its speakers look for it in a picker (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fil: 'Filipino',
  ceb: 'Cebuano (Sinugbuanong Binisaya)',
};

/**
 * The Intl locales a language formats dates and numbers with, best first. All three follow
 * Philippine conventions; an Intl build without Cebuano data falls back to Filipino's.
 */
export const INTL_LOCALES: Record<Language, readonly string[]> = {
  en: ['en-PH'],
  fil: ['fil-PH'],
  ceb: ['ceb-PH', 'fil-PH'],
};

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
