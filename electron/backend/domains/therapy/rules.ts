// The soft, trauma-informed scheduling rules' settings (an administrator changes them) and the
// override they need: a typed reason, stored with the record and named in the audit entry.
import { AppError } from '../../../../shared/errors';
import {
  DEFAULT_THERAPY_RULES,
  therapySoftRuleWarning,
  type TherapyRules,
  type TherapySoftRule,
} from '../../../../shared/therapy/vocabulary';
import type { CaseVault } from '../../records/actor';

const RULES_ROW_ID = 'rules';

export function readTherapyRules(vault: CaseVault): TherapyRules {
  const json = vault.db
    .prepare('SELECT rules FROM therapy_rules WHERE id = ?', { pluck: true })
    .get([RULES_ROW_ID]) as string | undefined;
  return json
    ? { ...DEFAULT_THERAPY_RULES, ...(JSON.parse(json) as TherapyRules) }
    : DEFAULT_THERAPY_RULES;
}

export function writeTherapyRules(vault: CaseVault, rules: TherapyRules): TherapyRules {
  const values = { rules: JSON.stringify(rules) };
  if (!vault.data.update('therapy_rules', RULES_ROW_ID, values)) {
    vault.data.insert('therapy_rules', values, RULES_ROW_ID);
  }
  return readTherapyRules(vault);
}

/** NEEDS_OVERRIDE (naming the rules) unless a reason was typed; returns the reason to store. */
export function overrideFor(
  broken: readonly TherapySoftRule[],
  reason: string | undefined,
): string | null {
  if (broken.length === 0) return null;
  if (!reason) {
    throw new AppError('NEEDS_OVERRIDE', 'needsOverride', {
      warnings: [...new Set(broken)].map(therapySoftRuleWarning),
    });
  }
  return reason;
}
