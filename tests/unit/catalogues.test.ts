// Every language has every English key and keeps its placeholders; English has no key the code
// never asks for. The fixtures prove each rule fails when it should; the real check then runs
// over every language in shared/languages.ts, skipping none.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FALLBACK_LANGUAGE, LANGUAGES } from '../../shared/languages';
import {
  compareCatalogue,
  readCatalogue,
  runtimeKeys,
  scanCode,
  unusedKeys,
  type Catalogue,
} from './support/catalogues';

const ROOT = join(import.meta.dirname, '..', '..');
const CATALOGUES = join(ROOT, 'renderer', 'i18n');

/**
 * Keys the code reaches through a helper that adds its own prefix, out of a scan's sight; each
 * with why. Keep it short: a key named whole or through a template literal needs no line here.
 */
const REACHED_INDIRECTLY: readonly string[] = [
  // Indexed by number (ISO weekday 1–7, strength score 0–4): no code value to find.
  'password.score.',
  'reports.therapy.weekdays.',
  'therapy.series.weekday.',
];

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

const english: Catalogue = {
  '': { title: 'Cases', count_one: '{{count}} case', count_other: '{{count}} cases' },
  children: {
    greeting: 'Hello {{name}}, you have {{count}} visits',
    status: { active: 'Active', closed: 'Closed' },
    errors: { tooOld: 'Too old' },
  },
};

const fixtureFilipino = (): Catalogue =>
  structuredClone({
    '': { title: 'Mga kaso', count_one: '{{count}} kaso', count_other: '{{count}} na kaso' },
    children: {
      greeting: 'Kumusta {{name}}, may {{count}} ka na pagbisita',
      status: { active: 'Aktibo', closed: 'Sarado' },
      errors: { tooOld: 'Masyadong matanda' },
    },
  });

describe('catalogue check (fixture)', () => {
  it('passes a complete translation with the plural forms of its language', () => {
    expect(compareCatalogue('fil', english, fixtureFilipino())).toEqual([]);
  });

  it('finds a missing key, a missing plural form and a missing file', () => {
    const fil = fixtureFilipino();
    delete (fil.children!.status as Record<string, string>).closed;
    delete fil['']!.count_one;
    expect(compareCatalogue('fil', english, fil)).toEqual([
      { kind: 'missing', file: 'fil.json', key: 'count_one' },
      { kind: 'missing', file: 'fil-children.json', key: 'status.closed' },
    ]);
    expect(compareCatalogue('ceb', english, { '': fil['']! })).toContainEqual({
      kind: 'missingFile',
      file: 'ceb-children.json',
      key: '*',
    });
  });

  it('finds a key English does not have, and a plural form the language does not use', () => {
    const fil = fixtureFilipino();
    (fil.children!.status as Record<string, string>).archived = 'Naka-archive';
    fil['']!.count_few = '{{count}} kaso';
    expect(compareCatalogue('fil', english, fil)).toEqual([
      { kind: 'extra', file: 'fil.json', key: 'count_few' },
      { kind: 'extra', file: 'fil-children.json', key: 'status.archived' },
    ]);
  });

  it('finds a placeholder dropped, renamed or empty text', () => {
    const fil = fixtureFilipino();
    fil.children!.greeting = 'Kumusta {{pangalan}}, may pagbisita ka';
    (fil.children!.errors as Record<string, string>).tooOld = ' ';
    expect(compareCatalogue('fil', english, fil)).toEqual([
      {
        kind: 'placeholder',
        file: 'fil-children.json',
        key: 'greeting',
        detail: 'lost name, lost count, unknown pangalan',
      },
      { kind: 'empty', file: 'fil-children.json', key: 'errors.tooOld' },
    ]);
  });

  it('lets a plural form spell out its number, but not lose another placeholder', () => {
    const en: Catalogue = {
      '': { left_one: 'One for {{who}}', left_other: '{{count}} for {{who}}' },
    };
    expect(
      compareCatalogue('fil', en, {
        '': { left_one: 'Isa para kay {{who}}', left_other: '{{count}} para kay {{who}}' },
      }),
    ).toEqual([]);
    expect(
      compareCatalogue('fil', en, {
        '': { left_one: 'Isa', left_other: '{{count}} para kay {{who}}' },
      }),
    ).toEqual([{ kind: 'placeholder', file: 'fil.json', key: 'left_one', detail: 'lost who' }]);
  });

  it('finds keys no code asks for, and accepts those named, templated, composed or allowed', () => {
    const code = scanCode([
      "t('title'); t('count', { count });",
      "const STATUSES = ['active', 'closed'];",
      't(`children.status.${s}`);',
      "throw new AppError('VALIDATION', 'tooOld');",
    ]);
    const keys = runtimeKeys(english);
    expect(keys).toEqual([
      'title',
      'count_one',
      'count_other',
      'children.greeting',
      'children.status.active',
      'children.status.closed',
      'errors.tooOld',
    ]);
    expect(unusedKeys(keys, code, [])).toEqual(['children.greeting']);
    expect(unusedKeys(keys, code, ['children.greeting'])).toEqual([]);
    // A fixed head and a code value: `roles.` + a role from a list.
    const composed = scanCode(["const ROLES = ['admin'];", 't(`roles.${role}`);']);
    expect(unusedKeys(['roles.admin', 'roles.visitor'], composed, [])).toEqual(['roles.visitor']);
  });
});

describe('the catalogues', () => {
  const englishFiles = readCatalogue(CATALOGUES, FALLBACK_LANGUAGE);

  it.each(LANGUAGES.filter((l) => l !== FALLBACK_LANGUAGE))(
    '%s has every English key, its plural forms and every placeholder, and nothing else',
    (language) => {
      expect(compareCatalogue(language, englishFiles, readCatalogue(CATALOGUES, language))).toEqual(
        [],
      );
    },
  );

  it('English has no key the code never asks for', () => {
    const code = scanCode(
      ['renderer', 'shared', 'electron'].flatMap((folder) => sourcesUnder(join(ROOT, folder))),
    );
    expect(unusedKeys(runtimeKeys(englishFiles), code, REACHED_INDIRECTLY)).toEqual([]);
  });

  it('every allowance still covers a key', () => {
    const keys = runtimeKeys(englishFiles);
    const stale = REACHED_INDIRECTLY.filter((prefix) => !keys.some((k) => k.startsWith(prefix)));
    expect(stale).toEqual([]);
  });
});
