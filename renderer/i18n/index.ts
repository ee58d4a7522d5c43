// One catalogue per language for every visible string and aria-label: <lng>.json for the frame,
// access and common words, and each domain's <lng>-<domain>.json under its own top-level key,
// found by file name (so a new domain's or a new language's files need no line here). English
// is bundled and is the fallback; another language's files load when it is chosen. For typed
// keys (always English's), a domain's renderer index adds its file's type to DomainCatalogues
// (see renderer/domains/children/index.ts).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FALLBACK_LANGUAGE, isLanguage, type Language } from '../../shared/languages';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

/** Merges nested message trees; on a clash the later leaf wins. */
function deepMerge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      out[key] =
        typeof value === 'object' && typeof existing === 'object'
          ? deepMerge(existing, value)
          : value;
    }
  }
  return out;
}

/** Each area's backend error texts live in its own file under `errors`; all are read as `errors.<key>`. */
function errorsOf(area: object): Tree {
  return 'errors' in area ? (area.errors as Tree) : {};
}

/** Each domain's catalogue by name: `children` from <lng>-children.json, and so on. */
function byDomain(language: string, files: Record<string, Tree>): Record<string, Tree> {
  const prefix = `./${language}-`;
  return Object.fromEntries(
    Object.entries(files)
      .filter(([file]) => file.startsWith(prefix))
      .map(([file, tree]) => [file.slice(prefix.length, -'.json'.length), tree]),
  );
}

/** One language's whole catalogue: its main file, its domains' files, all errors under `errors`. */
export function assembleCatalogue(main: Tree, domains: Record<string, Tree>): Tree {
  return {
    ...main,
    ...domains,
    errors: deepMerge(...Object.values(domains).map(errorsOf), errorsOf(main)),
  };
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface DomainCatalogues {}

const englishDomains = byDomain(
  'en',
  import.meta.glob<Tree>('./en-*.json', { eager: true, import: 'default' }),
);

export const translation = {
  ...en,
  ...(englishDomains as unknown as DomainCatalogues),
  errors: assembleCatalogue(en as unknown as Tree, englishDomains).errors as typeof en.errors,
};

/** Every other language's files, fetched only when that language is chosen. */
const otherFiles = import.meta.glob<Tree>(['./*.json', '!./en.json', '!./en-*.json'], {
  import: 'default',
});

/** Whether a file belongs to a language: its main file or one of its domains' files. */
function isFileOf(language: string, file: string): boolean {
  return file === `./${language}.json` || file.startsWith(`./${language}-`);
}

/** Loads a language's catalogue without showing it (a report printed in another language). */
export async function loadCatalogue(language: Language): Promise<void> {
  if (language === FALLBACK_LANGUAGE || i18next.hasResourceBundle(language, 'translation')) return;
  const entries = await Promise.all(
    Object.entries(otherFiles)
      .filter(([file]) => isFileOf(language, file))
      .map(async ([file, load]) => [file, await load()] as const),
  );
  if (entries.length === 0) return; // not translated yet: English shows through the fallback
  const files = Object.fromEntries(entries);
  const main = files[`./${language}.json`] ?? {};
  i18next.addResourceBundle(
    language,
    'translation',
    assembleCatalogue(main, byDomain(language, files)),
  );
}

/** Shows the screen in a language: its catalogue loads first, then every screen re-renders. */
export async function setLanguage(language: Language): Promise<void> {
  await loadCatalogue(language);
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/** The language the screen shows now. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : FALLBACK_LANGUAGE;
}

/** The page's `lang` follows the language shown, so screen readers pronounce it rightly. */
function followInHtml(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function initI18n(): I18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: FALLBACK_LANGUAGE,
      fallbackLng: FALLBACK_LANGUAGE,
      resources: { en: { translation } },
      // Other languages are added by setLanguage; without this i18next drops them as unknown.
      partialBundledLanguages: true,
      // React escapes text itself.
      interpolation: { escapeValue: false },
      // Resources are bundled, so initialise synchronously: the first render already has text.
      initAsync: false,
    });
    i18next.on('languageChanged', followInHtml);
    followInHtml(i18next.language);
  }
  return i18next;
}

/** Text for an `errors.` key from the backend or a schema; unknown keys fall back safely. */
export function errorText(
  key: string,
  fallback: 'internal' | 'invalid' = 'invalid',
  options: { count?: number } = {},
): string {
  const full = `errors.${key}`;
  const t = i18next.t as (key: string, options?: object) => string;
  return i18next.exists(full) ? t(full, options) : t(`errors.${fallback}`);
}

/** An audit entry's action in words; one the catalogue does not know reads "Another action". */
export function auditActionText(action: string): string {
  const key = `audit.actions.${action}`;
  const t = i18next.t as (key: string) => string;
  return i18next.exists(key) && typeof t(key) === 'string' ? t(key) : t('audit.otherAction');
}
