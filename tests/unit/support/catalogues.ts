// The catalogue check: every language has every English key (with its own plural forms) and
// keeps every {{placeholder}}, and English has no key the code never asks for. Pure functions
// over parsed files and source texts, so a small fixture proves each rule can fail.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Tree = { [key: string]: string | Tree | unknown };
/** A language's files by area: '' for <lng>.json, the domain for <lng>-<domain>.json. */
export type Catalogue = Record<string, Tree>;

export type ProblemKind = 'missingFile' | 'missing' | 'extra' | 'placeholder' | 'empty';
export interface Problem {
  kind: ProblemKind;
  /** e.g. fil-children.json */
  file: string;
  key: string;
  detail?: string;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Dotted key → text; a value that is not text is kept as its JSON so it is reported. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value as Tree, `${prefix}${key}.`)) out.set(k, v);
    } else out.set(`${prefix}${key}`, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

/** A plural form's key without its suffix (count_one → count); other keys as they are. */
export function pluralBase(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

/** The {{names}} a text interpolates, and the keys it nests with $t(…). */
export function placeholdersOf(text: string): Set<string> {
  const names = [...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!);
  const nested = [...text.matchAll(/\$t\(([^),]+)/g)].map((m) => `$t(${m[1]!.trim()})`);
  return new Set([...names, ...nested]);
}

function fileName(language: string, area: string): string {
  return area === '' ? `${language}.json` : `${language}-${area}.json`;
}

/** A language's files as they are on disk (none yet for a language not translated). */
export function readCatalogue(folder: string, language: string): Catalogue {
  const catalogue: Catalogue = {};
  for (const file of readdirSync(folder)) {
    const match = /^([a-z]+)(?:-(\w+))?\.json$/.exec(file);
    if (match?.[1] !== language) continue;
    catalogue[match[2] ?? ''] = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Tree;
  }
  return catalogue;
}

/**
 * What a translation gets wrong against English, file by file: keys missing (a plural key needs
 * every form the language's plural rules have: Intl.PluralRules, as i18next uses), keys English
 * does not have, empty texts, and placeholders dropped, renamed or added (a plural form may spell
 * out its number instead of using {{count}}).
 */
export function compareCatalogue(
  language: string,
  english: Catalogue,
  translated: Catalogue,
): Problem[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const problems: Problem[] = [];
  for (const area of new Set([...Object.keys(english), ...Object.keys(translated)])) {
    const file = fileName(language, area);
    const source = english[area];
    const target = translated[area];
    if (!source) {
      problems.push({ kind: 'extra', file, key: '*', detail: 'no such English file' });
      continue;
    }
    if (!target) {
      problems.push({ kind: 'missingFile', file, key: '*' });
      continue;
    }
    const en = flatten(source);
    const tr = flatten(target);
    const pluralBases = new Set(
      [...en.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(pluralBase),
    );
    const expected = new Map<string, string>(); // translated key → the English text it renders
    for (const [key, text] of en) {
      const base = pluralBase(key);
      // A plural's bare key (asked for without a count) and its `_zero` (i18next's special case
      // for a count of 0 in every language) are kept wherever English has them.
      if (!pluralBases.has(base) || key === base || key === `${base}_zero`) expected.set(key, text);
      if (pluralBases.has(base))
        for (const category of categories)
          expected.set(
            `${base}_${category}`,
            en.get(`${base}_${category}`) ?? en.get(`${base}_other`) ?? text,
          );
    }
    for (const [key, englishText] of expected) {
      const text = tr.get(key);
      if (text === undefined) {
        problems.push({ kind: 'missing', file, key });
        continue;
      }
      if (text.trim() === '') problems.push({ kind: 'empty', file, key });
      const want = placeholdersOf(englishText);
      const got = placeholdersOf(text);
      if (pluralBases.has(pluralBase(key))) {
        want.delete('count');
        got.delete('count');
      }
      const lost = [...want].filter((n) => !got.has(n));
      const added = [...got].filter((n) => !want.has(n));
      if (lost.length > 0 || added.length > 0)
        problems.push({
          kind: 'placeholder',
          file,
          key,
          detail: [...lost.map((n) => `lost ${n}`), ...added.map((n) => `unknown ${n}`)].join(', '),
        });
    }
    for (const key of tr.keys())
      if (!expected.has(key)) problems.push({ kind: 'extra', file, key });
  }
  return problems;
}

/** Every key as the code asks for it: a domain's keys under its name, errors under `errors.`. */
export function runtimeKeys(english: Catalogue): string[] {
  return Object.entries(english).flatMap(([area, tree]) =>
    [...flatten(tree).keys()].map((key) =>
      area === '' || key.startsWith('errors.') ? key : `${area}.${key}`,
    ),
  );
}

export interface CodeScan {
  /** Every quoted string and every template literal without a ${…}. */
  literals: Set<string>;
  /** Template literals that look like keys, each ${…} standing for one key segment. */
  patterns: RegExp[];
  /** The fixed start of each key-like template literal, without its trailing dot. */
  heads: Set<string>;
}

const KEYISH = /^[\w.]+$/;

export function scanCode(sources: Iterable<string>): CodeScan {
  const literals = new Set<string>();
  const patterns: RegExp[] = [];
  const heads = new Set<string>();
  for (const source of sources) {
    // Quoted strings first, apart: they also sit inside ${…} and SQL template literals.
    for (const m of source.matchAll(/'([^'\n\\]*)'|"([^"\n\\]*)"/g)) literals.add(m[1] ?? m[2]!);
    for (const m of source.matchAll(/`([^`\\]*)`/g)) {
      const text = m[1]!;
      if (!text.includes('${')) {
        literals.add(text);
        continue;
      }
      const parts = text.split(/\$\{[^}]*\}/);
      if (!parts.every((p) => p === '' || KEYISH.test(p))) continue;
      const head = parts[0]!.replace(/\.$/, '');
      if (head !== '') heads.add(head);
      // A key built around a value (`….${key}.label`) is matched whole; one ending in a value
      // (`children.status.${status}`) only with a value the code has (see unusedKeys).
      if (parts[0]!.includes('.') && parts.at(-1) !== '')
        patterns.push(new RegExp(`^${parts.map((p) => p.replaceAll('.', '\\.')).join('\\w+')}$`));
    }
  }
  return { literals, patterns, heads };
}

/**
 * Keys no code asks for. A key counts as asked for when the code names it whole (a plural by its
 * base; an error by its key after `errors.`), matches a template literal such as
 * `therapy.notes.fields.${key}.label`, or is a fixed head in the code followed by a value the
 * code has (`roles.${role}` + 'admin'), perhaps through a helper's own template head. Keys reached in ways a scan cannot see are under `allowed`.
 */
export function unusedKeys(keys: string[], code: CodeScan, allowed: readonly string[]): string[] {
  const named = (key: string) =>
    code.literals.has(key) || (key.startsWith('errors.') && code.literals.has(key.slice(7)));
  const isHead = (head: string) =>
    code.heads.has(head) || code.literals.has(head) || code.literals.has(`${head}.`);
  // head + value, or head + a helper's own template head + value (k(`rows.${key}`) with k
  // adding `reports.placement.`).
  const composed = (key: string) => {
    const parts = key.split('.');
    const join = (from: number, to = parts.length) => parts.slice(from, to).join('.');
    for (let i = 1; i < parts.length; i++) {
      if (!isHead(join(0, i))) continue;
      if (code.literals.has(join(i))) return true;
      for (let j = i + 1; j < parts.length; j++)
        if (code.heads.has(join(i, j)) && code.literals.has(join(j))) return true;
    }
    return false;
  };
  return keys.filter((key) => {
    const base = pluralBase(key);
    if (allowed.some((prefix) => base.startsWith(prefix))) return false;
    const forms = base.startsWith('errors.') ? [base, base.slice(7)] : [base];
    return !forms.some(
      (form) => named(form) || composed(form) || code.patterns.some((p) => p.test(form)),
    );
  });
}
