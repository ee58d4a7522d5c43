// The child's schooling: each enrolment in a school or the Alternative Learning System (or a time
// not enrolled), the grade or level, and notes on her attendance.
import type { EducationRecord } from '../../../../shared/casework/contract';
import type { SchoolingKind } from '../../../../shared/casework/vocabulary';
import { clockFor, type CaseActor, type CaseVault } from '../../records/actor';
import { saveChildRecord } from '../../records/child-records';

interface EducationRow {
  id: string;
  child_id: string;
  kind: SchoolingKind;
  school: string | null;
  grade_level: string | null;
  since: string;
  attendance_notes: string | null;
}

function toEducation(row: EducationRow): EducationRecord {
  return {
    id: row.id,
    childId: row.child_id,
    kind: row.kind,
    school: row.school,
    gradeLevel: row.grade_level,
    since: row.since,
    attendanceNotes: row.attendance_notes,
  };
}

/** The child's schooling, the latest first (one seek on education_records(child_id, since)). */
export function educationOf(vault: CaseVault, childId: string): EducationRecord[] {
  return (
    vault.db
      .prepare(
        `SELECT * FROM education_records WHERE child_id = ? AND deleted_at IS NULL
         ORDER BY since DESC, id DESC`,
      )
      .all([childId]) as unknown as EducationRow[]
  ).map(toEducation);
}

export interface EducationInput {
  id?: string | undefined;
  childId: string;
  kind: SchoolingKind;
  school?: string | undefined;
  gradeLevel?: string | undefined;
  since: string;
  attendanceNotes?: string | undefined;
}

export function saveEducation(
  vault: CaseVault,
  actor: CaseActor,
  input: EducationInput,
): EducationRecord {
  const enrolled = input.kind !== 'not_enrolled';
  return toEducation(
    saveChildRecord<'education_records', EducationRow>(vault, actor, 'education_records', input, {
      check: (errors) => errors.notFutureDate('since', input.since, clockFor(vault, actor)),
      values: {
        child_id: input.childId,
        kind: input.kind,
        // Not enrolled: no school or grade to keep from an earlier choice in the form.
        school: enrolled ? (input.school ?? null) : null,
        grade_level: enrolled ? (input.gradeLevel ?? null) : null,
        since: input.since,
        attendance_notes: input.attendanceNotes || null,
      },
    }),
  );
}
