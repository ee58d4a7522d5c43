// The clinical-records policy: whose notes a therapist reads, whether coordinators see outcome
// totals, and which norm bands each instrument. One row, set by an administrator.
import { DEFAULT_CLINICAL_POLICY, type ClinicalPolicy } from '../../../../../shared/therapy/notes';
import type { CaseVault } from '../../../records/actor';

const POLICY_ROW_ID = 'clinical-policy';

interface PolicyRow {
  therapist_note_access: ClinicalPolicy['therapistNoteAccess'];
  coordinators_see_score_totals: number;
  norm_choices: string;
}

export function clinicalPolicy(vault: CaseVault): ClinicalPolicy {
  const row = vault.db
    .prepare('SELECT * FROM clinical_policy WHERE id = ?')
    .get([POLICY_ROW_ID]) as PolicyRow | undefined;
  if (!row) return DEFAULT_CLINICAL_POLICY;
  return {
    therapistNoteAccess: row.therapist_note_access,
    coordinatorsSeeScoreTotals: row.coordinators_see_score_totals === 1,
    normChoices: JSON.parse(row.norm_choices) as Record<string, string>,
  };
}

export function setClinicalPolicy(vault: CaseVault, policy: ClinicalPolicy): ClinicalPolicy {
  const values = {
    therapist_note_access: policy.therapistNoteAccess,
    coordinators_see_score_totals: policy.coordinatorsSeeScoreTotals ? 1 : 0,
    norm_choices: JSON.stringify(policy.normChoices),
  };
  if (!vault.data.update('clinical_policy', POLICY_ROW_ID, values)) {
    vault.data.insert('clinical_policy', values, POLICY_ROW_ID);
  }
  return clinicalPolicy(vault);
}
