// The app's words as a test looks for them on screen: read from the catalogue files themselves
// (never retyped), for any language.
import { fileURLToPath } from 'node:url';
import type { Language } from '../../shared/languages';
import { flatten, readCatalogue } from '../unit/support/catalogues';

const CATALOGUES = fileURLToPath(new URL('../../renderer/i18n', import.meta.url));
const cache = new Map<Language, Map<string, string>>();

/** A language's every text by its key as the code asks for it (`children.list.caption`). */
export function catalogueTexts(language: Language): ReadonlyMap<string, string> {
  let texts = cache.get(language);
  if (!texts) {
    texts = new Map();
    for (const [area, tree] of Object.entries(readCatalogue(CATALOGUES, language))) {
      for (const [key, text] of flatten(tree))
        texts.set(area === '' ? key : `${area}.${key}`, text);
    }
    cache.set(language, texts);
  }
  return texts;
}

/**
 * A lookup of one language's words by key, `{{name}}` placeholders filled from `values`; it
 * throws on a key the language lacks, so a renamed key fails the test that names it.
 */
export function wordsIn(
  language: Language,
): (key: string, values?: Record<string, string | number>) => string {
  const texts = catalogueTexts(language);
  return (key, values = {}) => {
    const text = texts.get(key);
    if (text === undefined) throw new Error(`${language} has no text for ${key}`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}
