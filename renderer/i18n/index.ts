// One catalogue for every visible string and aria-label: en.json for the frame, access and
// common words, and each domain's en-<domain>.json under its own top-level key, found by file
// name (so a new domain's catalogue needs no line here). For typed keys, a domain's renderer
// index adds its file's type to DomainCatalogues (see renderer/domains/children/index.ts).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
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

/** Each domain's catalogue by name: `children` from en-children.json, and so on. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface DomainCatalogues {}

const domainCatalogues: Record<string, Tree> = Object.fromEntries(
  Object.entries(import.meta.glob<Tree>('./en-*.json', { eager: true, import: 'default' })).map(
    ([file, tree]) => [file.slice('./en-'.length, -'.json'.length), tree],
  ),
);

export const translation = {
  ...en,
  ...(domainCatalogues as unknown as DomainCatalogues),
  errors: deepMerge(
    ...Object.values(domainCatalogues).map(errorsOf),
    en.errors,
  ) as typeof en.errors,
};

export function initI18n(): I18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation } },
      // React escapes text itself.
      interpolation: { escapeValue: false },
      // Resources are bundled, so initialise synchronously: the first render already has text.
      initAsync: false,
    });
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
