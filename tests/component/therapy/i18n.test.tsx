import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  HARD_CONFLICTS,
  MODALITIES,
  PRACTICE_COMPONENTS,
  SESSION_STATUSES,
  THERAPY_ERROR_KEYS,
  THERAPY_SOFT_RULES,
  therapySoftRuleWarning,
} from '../../../shared/therapy/vocabulary';
import therapy from '../../../renderer/i18n/en-therapy.json';

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('therapy catalogue', () => {
  it('has words for every error key and soft rule the scheduling procedures send', () => {
    const keys = [...THERAPY_ERROR_KEYS, ...THERAPY_SOFT_RULES.map(therapySoftRuleWarning)];
    for (const key of keys) expect(i18next.exists(`errors.${key}`), key).toBe(true);
  });

  it('names every code the screens show', () => {
    for (const s of SESSION_STATUSES)
      expect(i18next.exists(`therapy.schedule.status.${s}`), s).toBe(true);
    for (const m of MODALITIES) expect(i18next.exists(`therapy.plan.modality.${m}`), m).toBe(true);
    for (const c of PRACTICE_COMPONENTS)
      expect(i18next.exists(`therapy.plan.component.${c}`), c).toBe(true);
    for (const k of HARD_CONFLICTS)
      expect(i18next.exists(`therapy.schedule.clash.${k}`), k).toBe(true);
  });

  it('never says "victim" and has no empty strings', () => {
    for (const [key, text] of leaves(therapy)) {
      expect(text.trim(), key).not.toBe('');
      expect(text.toLowerCase(), key).not.toContain('victim');
    }
  });
});
