// The reintegration catalogue has words for every error key its procedures send and every code
// its screens show, and no empty text.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  AFTERCARE_SERVICES,
  ASSESSMENT_STATUSES,
  CLOSURE_STATUSES,
  PLAN_STAGES,
  STAGE_STATUSES,
  HOUSEHOLD_KINDS,
  RECOMMENDATIONS,
  REINTEGRATION_ERROR_KEYS,
} from '../../../shared/reintegration/vocabulary';
import reintegration from '../../../renderer/i18n/en-reintegration.json';

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('reintegration catalogue', () => {
  it('has words for every error key the procedures send', () => {
    for (const key of REINTEGRATION_ERROR_KEYS)
      expect(i18next.exists(`errors.${key}`), key).toBe(true);
  });

  it('names every code the screens show', () => {
    for (const s of ASSESSMENT_STATUSES)
      expect(i18next.exists(`reintegration.status.${s}`), s).toBe(true);
    for (const k of HOUSEHOLD_KINDS)
      expect(i18next.exists(`reintegration.household.${k}`), k).toBe(true);
    for (const r of RECOMMENDATIONS)
      expect(i18next.exists(`reintegration.recommendation.${r}`), r).toBe(true);
    for (const s of CLOSURE_STATUSES)
      expect(i18next.exists(`reintegration.closure.status.${s}`), s).toBe(true);
    for (const s of PLAN_STAGES)
      expect(i18next.exists(`reintegration.plan.stages.${s}`), s).toBe(true);
    for (const s of STAGE_STATUSES)
      expect(i18next.exists(`reintegration.plan.stageStatus.${s}`), s).toBe(true);
    for (const s of AFTERCARE_SERVICES)
      expect(i18next.exists(`reintegration.plan.services.${s}`), s).toBe(true);
    for (const r of ['safetyItem', 'band', 'allegedOffender', 'noContactOrder'])
      expect(i18next.exists(`reintegration.score.reasons.${r}`), r).toBe(true);
  });

  it('has no empty strings and never says "victim"', () => {
    for (const [key, text] of leaves(reintegration)) {
      expect(text.trim(), key).not.toBe('');
      expect(text.toLowerCase(), key).not.toContain('victim');
    }
  });
});
