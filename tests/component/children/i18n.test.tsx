import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CHILDREN_ERROR_KEYS } from '../../../shared/children/vocabulary';
import { SHELTERS_ERROR_KEYS } from '../../../shared/shelters/vocabulary';
import children from '../../../renderer/i18n/en-children.json';

/** Keys the case screens add themselves (client-side checks), beyond the backend's. */
const RENDERER_KEYS = ['status.choose'];

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('case-records catalogue', () => {
  it('has words for every error key the case procedures send, after the areas are merged', () => {
    for (const key of [...CHILDREN_ERROR_KEYS, ...SHELTERS_ERROR_KEYS, ...RENDERER_KEYS]) {
      expect(i18next.exists(`errors.${key}`), key).toBe(true);
    }
  });

  it('never says "victim" and has no empty strings', () => {
    for (const [key, text] of leaves(children)) {
      expect(text.trim(), key).not.toBe('');
      expect(text.toLowerCase(), key).not.toContain('victim');
    }
  });
});
