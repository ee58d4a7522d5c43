// Lint rules enforce the process boundaries (docs/architecture.md): a wrong import fails CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Forbid every import whose specifier matches one of `groups` (gitignore-style patterns). */
function forbid(message, ...groups) {
  return { group: groups.flat(), message };
}
/**
 * Bundled to CommonJS for Electron, a default import of this package gets its whole CommonJS
 * exports object, not the class; the named export is the same in every build.
 */
const SQLCIPHER_DEFAULT = {
  name: '@signalapp/sqlcipher',
  importNames: ['default'],
  message:
    "Import { Database } from '@signalapp/sqlcipher': the default import breaks in the bundle.",
};
/**
 * A table fed a fresh array on every render re-renders forever; the app's tables go through
 * renderer/ui/useDataTable.ts, which keeps an empty table stable.
 */
const RAW_TABLE = {
  name: '@tanstack/react-table',
  importNames: ['useReactTable'],
  message: 'Use useDataTable (renderer/ui/useDataTable.ts): it keeps empty tables stable.',
};
/**
 * One way to build a form (docs/architecture.md): useApiForm wraps react-hook-form and its zod
 * resolver, so a screen that reaches for them directly is a hand-built form.
 */
const HAND_BUILT_FORM = [
  {
    name: 'react-hook-form',
    importNames: ['useForm'],
    message: 'Build forms with useApiForm (renderer/forms/useApiForm.ts).',
  },
  {
    name: '@hookform/resolvers/zod',
    message: 'Build forms with useApiForm (renderer/forms/useApiForm.ts): it sets the resolver.',
  },
];
/** A dialog's last row and its form scaffold are renderer/ui's, written once. */
const HAND_BUILT_DIALOG = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "JSXAttribute[name.name='className'][value.value='dialog-actions']",
      message: 'End a dialog with DialogActions, DialogFormActions or ConfirmDialog (renderer/ui).',
    },
    {
      selector:
        "JSXElement[openingElement.name.name='Dialog'] JSXElement[openingElement.name.name='form']",
      message: 'A dialog with a form is a FormDialog (renderer/ui/FormDialog.tsx).',
    },
  ],
};
function restrictPaths(paths, ...patterns) {
  return { 'no-restricted-imports': ['error', { paths: [SQLCIPHER_DEFAULT, ...paths], patterns }] };
}
function restrict(...patterns) {
  return restrictPaths([], ...patterns);
}

const NO_ELECTRON = forbid(
  'Only electron/main and electron/preload may import electron.',
  'electron',
  'electron/*',
);
const NO_NODE = forbid('This environment has no Node built-ins.', nodeBuiltins);
const NO_RENDERER = forbid(
  'Renderer code is browser-only; share code through shared/.',
  '**/renderer/**',
);
const NO_BACKEND = forbid(
  'The backend is reachable only through the aruga:call contract.',
  '**/backend/**',
  '**/harness/**',
);
const NO_REACT = forbid(
  'shared/ is framework-free.',
  'react',
  'react-dom',
  'react/*',
  'react-dom/*',
);
const NO_ELECTRON_DIR = forbid('shared/ must not depend on electron/.', '**/electron/**');
/**
 * The domains: one folder each in electron/backend/domains and renderer/domains (and shared/ has
 * each one's contract and vocabulary), read from the folders so a new domain needs no line here.
 * Another domain is reached only through its index, so a domain can rearrange its files without
 * breaking the others.
 */
const folders = (path) =>
  readdirSync(new URL(path, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
const DOMAINS = [
  ...new Set([...folders('./electron/backend/domains/'), ...folders('./renderer/domains/')]),
];
const DOMAIN_INDEX_ONLY = 'Reach another domain only through its index (import the folder).';
/** Inside domain `own`: no file of another domain, by sibling path or through domains/. */
function otherDomainsInternals(own) {
  const others = DOMAINS.filter((d) => d !== own);
  return forbid(
    DOMAIN_INDEX_ONLY,
    others.flatMap((d) => [`../${d}/*`, `../../${d}/*`, `**/domains/${d}/*`]),
  );
}
/** Outside the domains: only their indexes. */
const DOMAIN_INTERNALS = forbid(DOMAIN_INDEX_ONLY, '**/domains/*/*');

const RENDERER_IMPORTS = [
  NO_ELECTRON,
  NO_NODE,
  NO_BACKEND,
  forbid('Renderer talks to the backend only via window.aruga.', '**/electron/**'),
];

/**
 * Dates on screen are in the vault's time zone, never the machine's: Date's local-time getters
 * and formatters are off limits where dates are shown; shared/time.ts formats with date-fns.
 */
const MACHINE_ZONE_DATES = {
  'no-restricted-properties': [
    'error',
    ...[
      'toLocaleDateString',
      'toLocaleTimeString',
      'toDateString',
      'toTimeString',
      'getTimezoneOffset',
      'getFullYear',
      'getMonth',
      'getDate',
      'getDay',
      'getHours',
      'getMinutes',
    ].map((property) => ({
      property,
      message: "Machine-zone date: use shared/time.ts (date-fns in the vault's time zone).",
    })),
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      '.dev-data/**',
      'coverage/**',
      '.tmp/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      ...restrict(),
    },
  },
  {
    // electron-builder loads its hooks with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict(NO_ELECTRON, NO_NODE, NO_RENDERER, NO_REACT, NO_ELECTRON_DIR),
      ...MACHINE_ZONE_DATES,
    },
  },
  {
    // The backend, the harness and the CLI tools are plain Node: they run unchanged in tests.
    files: [
      'electron/backend/**/*.ts',
      'electron/host/**/*.ts',
      'electron/harness/**/*.ts',
      'electron/tools/**/*.ts',
    ],
    rules: restrict(NO_ELECTRON, NO_RENDERER, DOMAIN_INTERNALS),
  },
  ...DOMAINS.map((domain) => ({
    files: [`electron/backend/domains/${domain}/**/*.ts`],
    rules: restrict(NO_ELECTRON, NO_RENDERER, otherDomainsInternals(domain)),
  })),
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(
      NO_RENDERER,
      forbid('The shell never loads the browser harness.', '**/harness/**'),
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(NO_NODE, NO_BACKEND, NO_RENDERER),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      // Every word a user sees or hears comes from the i18n catalogue: JSX text and the
      // attributes screen readers and tooltips speak. Strings passed to calls (form field
      // names, routes, keys) and object properties (ids) are code, not words.
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'aria-label',
              'aria-description',
              'aria-placeholder',
              'aria-roledescription',
              'aria-valuetext',
              'title',
              'placeholder',
              'alt',
              'label',
            ],
          },
          callees: { exclude: ['.*'] },
          'object-properties': { exclude: ['.*'] },
        },
      ],
      ...restrictPaths([RAW_TABLE, ...HAND_BUILT_FORM], ...RENDERER_IMPORTS, DOMAIN_INTERNALS),
      ...HAND_BUILT_DIALOG,
      ...MACHINE_ZONE_DATES,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...DOMAINS.map((domain) => ({
    files: [`renderer/domains/${domain}/**/*.{ts,tsx}`],
    rules: restrictPaths(
      [RAW_TABLE, ...HAND_BUILT_FORM],
      ...RENDERER_IMPORTS,
      otherDomainsInternals(domain),
    ),
  })),
  {
    files: ['renderer/ui/useDataTable.ts'],
    rules: restrictPaths(HAND_BUILT_FORM, ...RENDERER_IMPORTS, DOMAIN_INTERNALS),
  },
  {
    files: ['renderer/forms/**/*.ts'],
    rules: restrictPaths([RAW_TABLE], ...RENDERER_IMPORTS, DOMAIN_INTERNALS),
  },
  {
    files: ['renderer/ui/**/*.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['tests/component/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
