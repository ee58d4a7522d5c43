// Reintegration data for the cases benchmark: the size's readiness assessments and follow-up
// visits (L: 40,000 and 100,000; the older visits made, some past due and not), shared out among
// the children with a placement (a visit belongs to one), written straight to the tables from a
// fixed seed so the encrypted and plain databases get the same. The counts are checked after
// writing, so a figure is never quoted for a smaller set.
import { builtInInstruments } from '../../../electron/backend/domains/reintegration';
import type { CaseVault } from '../../../electron/backend/domains/children';
import { Random } from '../../../electron/backend/demo/prng';
import { DATASET_SIZES, type SizeName } from '../../../electron/backend/demo/sizes';

/** About how many assessments a child has (L: 4), for picking one of a child's. */
export function assessmentsPerChild(size: SizeName): number {
  const spec = DATASET_SIZES[size];
  return Math.round(spec.reintegrationAssessments / spec.children);
}

/** The `i`th of `among` children's share of `total`: the remainder goes to the first ones. */
const share = (total: number, among: number, i: number) =>
  Math.floor(total / among) + (i < total % among ? 1 : 0);

const day = (base: Date, offset: number) =>
  new Date(base.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/** Writes the assessments and visits; returns the assessment ids in a fixed order. */
export function seedReintegration(
  vault: CaseVault,
  size: SizeName,
  approverId: string,
  now: Date,
): string[] {
  const spec = DATASET_SIZES[size];
  const readiness = builtInInstruments().find((i) => i.code === 'ARUGA-FRR')!;
  const items = readiness.domains.flatMap((d) => d.items.map((i) => i.key));
  const rng = new Random(2026).fork(60);
  const placements = vault.db
    .prepare(
      `SELECT p.child_id, max(p.id) AS placement_id FROM placements p
       JOIN children c ON c.id = p.child_id
       GROUP BY p.child_id ORDER BY c.case_year, c.case_seq`,
    )
    .all() as { child_id: string; placement_id: string }[];
  const ids: string[] = [];
  vault.data.transaction(() => {
    for (const [c, { child_id: childId, placement_id: placementId }] of placements.entries()) {
      const assessments = share(spec.reintegrationAssessments, placements.length, c);
      for (let a = 0; a < assessments; a += 1) {
        const approved = a < assessments - 1;
        const at = new Date(now.getTime() - (400 - a * 90) * 86_400_000).toISOString();
        ids.push(
          vault.data.insert('reintegration_assessments', {
            child_id: childId,
            instrument_code: readiness.code,
            instrument_version: readiness.version,
            status: approved ? 'approved' : 'submitted',
            household_kind: a % 2 === 0 ? 'kinship' : 'family',
            household_label: 'Generated household',
            household_member_ids: '[]',
            visit_dates: JSON.stringify([at.slice(0, 10)]),
            last_visit_on: at.slice(0, 10),
            answers: JSON.stringify(Object.fromEntries(items.map((k) => [k, rng.int(-3, 2)]))),
            evidence: '{}',
            child_consulted: 1,
            consulted_how: 'Generated',
            child_wishes: 'Generated',
            recommendation: 'kinship',
            not_safe: 0,
            submitted_at: at,
            submitted_by: approverId,
            approved_at: approved ? at : null,
            approved_by: approved ? approverId : null,
          }),
        );
      }
      const start = rng.int(-400, 30);
      for (let v = 0; v < share(spec.aftercareVisits, placements.length, c); v += 1) {
        const due = day(now, start + v * 14);
        const made = due < day(now, -30) || rng.next() < 0.3;
        vault.data.insert('aftercare_visits', {
          child_id: childId,
          placement_id: placementId,
          due_on: due,
          visited_on: made ? due : null,
          risk_change: made ? 'same' : null,
          school_attendance: made ? 'regular' : null,
          safety_checks: made ? '{}' : null,
        });
      }
    }
  });
  const count = (table: string) =>
    vault.db.prepare(`SELECT count(*) FROM ${table}`, { pluck: true }).get() as number;
  const written = {
    assessments: count('reintegration_assessments'),
    visits: count('aftercare_visits'),
  };
  if (
    written.assessments !== spec.reintegrationAssessments ||
    written.visits !== spec.aftercareVisits
  )
    throw new Error(`Seeded ${JSON.stringify(written)} reintegration rows for size ${size}`);
  return ids;
}
