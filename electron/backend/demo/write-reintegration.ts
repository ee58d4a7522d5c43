// Generated reintegration records, after the placements: for each child discharged to family or
// kinship care, the approved readiness assessment of that household (its last home visit two
// weeks before the discharge) and the follow-up visits the policy's cadence schedules, those due
// before today recorded (a few recent ones left overdue, a few with a worse risk); then Aftercare
// Outcomes assessments at intake, 6 months and yearly, scores rising over time, up to the size's
// count. All fictional and obviously generated; rows go through the data layer like every write.
import { visitSchedule } from '../../../shared/reintegration/monitoring';
import type { CaseVault } from '../records/actor';
import { builtInInstruments, readPolicy } from '../domains/reintegration';
import { Random } from './prng';

const BATCH = 2_000;
const DAY = 86_400_000;

export interface ReintegrationOptions {
  seed: number;
  now: Date;
  /** The coordinator who approves; submissions are by the child's caseworker where one is set. */
  reviewerId: string;
  assessments: number;
  visits: number;
}

export interface ReintegrationCounts {
  assessments: number;
  visits: number;
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const plusDays = (date: string, days: number) =>
  dateOf(Date.parse(`${date}T00:00:00Z`) + days * DAY);
const instantOn = (date: string) => `${date}T02:00:00.000Z`;

/** Every item of an instrument rated around `level`, kept on its scale. */
function answersAround(instrumentCode: string, level: number, rng: Random) {
  const instrument = builtInInstruments().find((i) => i.code === instrumentCode)!;
  const min = instrument.scale[0]!.value;
  const max = instrument.scale.at(-1)!.value;
  return Object.fromEntries(
    instrument.domains.flatMap((d) =>
      d.items.map((item) => {
        const value = Math.round(level + rng.int(-1, 1) * 0.6);
        const floor = item.unsafeAtOrBelow !== undefined ? item.unsafeAtOrBelow + 1 : min;
        return [item.key, Math.min(max, Math.max(floor, value))] as const;
      }),
    ),
  );
}

interface Discharge {
  child_id: string;
  placement_id: string;
  end_at: string;
  exit_destination: 'family_reintegration' | 'kinship_care';
  caseworker: string | null;
}

export function writeReintegration(
  vault: CaseVault,
  options: ReintegrationOptions,
): ReintegrationCounts {
  const rng = new Random(options.seed).fork(13);
  const counts: ReintegrationCounts = { assessments: 0, visits: 0 };
  // Approvals name a user: a dataset made without accounts (the benchmark's) gets a generated one.
  const known = vault.db.prepare('SELECT 1 FROM users WHERE id = ?').get([options.reviewerId]);
  const reviewerId = known
    ? options.reviewerId
    : vault.data.insert('users', {
        username: 'generated.reviewer',
        display_name: 'Generated reviewer',
        role: 'coordinator',
        shelter_scope: '[]',
        must_change_password: 0,
      });
  const today = dateOf(options.now.getTime());
  const cadence = readPolicy(vault).visitCadence;
  const discharges = vault.db
    .prepare(
      `SELECT p.child_id, p.id AS placement_id, p.end_at, p.exit_destination,
         c.assigned_caseworker_id AS caseworker
       FROM placements p JOIN children c ON c.id = p.child_id
       WHERE p.exit_destination IN ('family_reintegration', 'kinship_care') AND p.end_at IS NOT NULL
       ORDER BY p.end_at, p.id`,
    )
    .all() as unknown as Discharge[];

  const readiness = (d: Discharge) => {
    const discharged = d.end_at.slice(0, 10);
    const lastVisit = plusDays(discharged, -14);
    const submittedBy = d.caseworker ?? reviewerId;
    const kind = d.exit_destination === 'kinship_care' ? 'kinship' : 'family';
    vault.data.insert('reintegration_assessments', {
      child_id: d.child_id,
      instrument_code: 'ARUGA-FRR',
      instrument_version: 1,
      status: 'approved',
      household_kind: kind,
      household_label:
        kind === 'kinship' ? 'Generated: a relative’s home' : 'Generated: family home',
      household_member_ids: '[]',
      visit_dates: JSON.stringify([plusDays(lastVisit, -21), lastVisit]),
      last_visit_on: lastVisit,
      interviewed: 'Generated: the caregivers and the child, separately',
      answers: JSON.stringify(answersAround('ARUGA-FRR', 1, rng)),
      evidence: JSON.stringify({ familySafety: 'Generated: no one with access to the child' }),
      child_consulted: 1,
      consulted_how: 'Generated: a drawing activity with the caseworker',
      child_wishes: 'Generated: the child’s wish to go home, in the child’s words',
      recommendation: kind === 'kinship' ? 'kinship' : 'thisHousehold',
      plan: JSON.stringify({
        stages: {
          preparation: {
            plannedOn: plusDays(discharged, -30),
            status: 'done',
            responsible: 'Generated: caseworker',
          },
          firstContact: {
            plannedOn: plusDays(discharged, -20),
            status: 'done',
            responsible: 'Generated: caseworker',
          },
          reunification: {
            plannedOn: discharged,
            status: 'done',
            responsible: 'Generated: caseworker and family',
          },
        },
        services: {
          school: 'Generated: enrolment at the nearest public school',
          livelihood: 'Generated: livelihood assistance for the caregiver',
          counselling: 'Generated: monthly family counselling',
        },
        responsible: 'Generated: the caseworker and the municipal social worker',
      }),
      not_safe: 0,
      submitted_at: instantOn(plusDays(lastVisit, 2)),
      submitted_by: submittedBy,
      approved_at: instantOn(plusDays(lastVisit, 4)),
      approved_by: reviewerId,
    });
    counts.assessments += 1;
  };

  const visits = (d: Discharge) => {
    for (const due of visitSchedule(d.end_at.slice(0, 10), cadence)) {
      if (counts.visits >= options.visits) return;
      // Everything older than a month was made; recent ones mostly, so some show as overdue.
      const made = due < today && (due < plusDays(today, -30) || rng.chance(0.75));
      const risk = rng.chance(0.04) ? 'worse' : rng.chance(0.3) ? 'better' : 'same';
      vault.data.insert('aftercare_visits', {
        child_id: d.child_id,
        placement_id: d.placement_id,
        due_on: due,
        ...(made
          ? {
              visited_on: due,
              visited_by: 'Generated: the caseworker',
              child_seen: 1,
              seen_alone: 1,
              safety_checks: JSON.stringify({
                noOffenderContact: true,
                childFeelsSafe: risk !== 'worse',
                noSignsOfHarm: true,
              }),
              school_attendance: rng.pick(['regular', 'regular', 'irregular'] as const),
              observations: 'Generated: the child was at home and well cared for',
              risk_change: risk,
              follow_up: risk === 'worse' ? 'Generated: a safety review this week' : null,
            }
          : {}),
      });
      counts.visits += 1;
    }
  };

  for (let from = 0; from < discharges.length; from += BATCH) {
    vault.data.transaction(() => {
      for (const d of discharges.slice(from, from + BATCH)) {
        if (counts.assessments < options.assessments) readiness(d);
        visits(d);
      }
    });
  }

  // Aftercare Outcomes: at intake, 6 months, then yearly while the case is open, up to the count.
  const children = vault.db
    .prepare(
      `SELECT id, intake_date, assigned_caseworker_id AS caseworker FROM children
       WHERE deleted_at IS NULL ORDER BY intake_date, id`,
    )
    .all() as { id: string; intake_date: string; caseworker: string | null }[];
  for (let round = 0; counts.assessments < options.assessments && round < 12; round += 1) {
    const months = round === 0 ? 0 : 6 + (round - 1) * 12;
    const due = children.filter((c) => plusDays(c.intake_date, Math.round(months * 30.4)) < today);
    if (due.length === 0) break;
    for (
      let from = 0;
      from < due.length && counts.assessments < options.assessments;
      from += BATCH
    ) {
      vault.data.transaction(() => {
        for (const child of due.slice(from, from + BATCH)) {
          if (counts.assessments >= options.assessments) return;
          const on = plusDays(child.intake_date, Math.round(months * 30.4) + rng.int(0, 10));
          const made = on < today ? on : today;
          vault.data.insert('reintegration_assessments', {
            child_id: child.id,
            instrument_code: 'ARUGA-AO',
            instrument_version: 1,
            status: 'approved',
            household_member_ids: '[]',
            visit_dates: JSON.stringify([made]),
            last_visit_on: made,
            interviewed: 'Generated: the child and the caregiver',
            answers: JSON.stringify(answersAround('ARUGA-AO', Math.min(4, 2 + round * 0.5), rng)),
            evidence: '{}',
            child_consulted: 1,
            consulted_how: 'Generated: a conversation suited to the child’s age',
            child_wishes: 'Generated: the child’s words about the months ahead',
            not_safe: 0,
            submitted_at: instantOn(made),
            submitted_by: child.caseworker ?? reviewerId,
            approved_at: instantOn(made),
            approved_by: reviewerId,
          });
          counts.assessments += 1;
        }
      });
    }
  }
  return counts;
}
