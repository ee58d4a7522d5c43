// Typed keys: a misspelt key in t('…') fails the typecheck.
import 'i18next';
import type { translation } from './index';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof translation };
  }
}
