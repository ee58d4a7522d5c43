// The deterministic dataset generator behind `npm run demo` and `npm run bench`: the same seed
// and size give the same children, case codes, names, dates and placements. Records are written
// through the case services, with the actor's clock set to when it happened; admissions and
// transfers through the guarded placement store (see write-placements.ts). Either way the rules
// the app enforces, and the placement triggers under them, hold for generated data too.
import { ageOn } from '../../../shared/children/vocabulary';
import { startOfDayInstant, todayIn } from '../../../shared/time';
import {
  clockFor,
  joinHousehold,
  linkSiblings,
  type CaseActor,
  type CaseVault,
} from '../domains/children';
import { reserveBed, saveBed, saveShelter } from '../domains/shelters';
import {
  dayToDate,
  fits,
  planDataset,
  type DatasetPlan,
  type Moment,
  type PlannedChild,
} from './plan';
import { Random } from './prng';
import { DATASET_SIZES, type SizeName } from './sizes';
import { writeClinical } from './write-clinical';
import { writeTherapy, type TherapyOptions } from './write-therapy';
import { writeCase, type WrittenCase } from './write-case';
import { writePlacements } from './write-placements';
import { writeReintegration } from './write-reintegration';
import { writeCare } from './write-care';
import { writeCasework, type CaseworkCounts } from './write-casework';
import { writeHealth } from './write-health';

export interface GenerateOptions {
  size: SizeName;
  seed: number;
  /** "Today" for the dataset: history lies before it, plan items around it. Default: the clock. */
  now?: Date;
  /** The coordinator the records are registered and placed by. */
  actorId?: string;
  /**
   * Staff children are assigned to: a child goes to a caseworker whose shelters (names) include
   * the child's last shelter, else to one with no shelters listed.
   */
  caseworkers?: readonly { id: string; shelters: readonly string[] }[];
  /** Therapists who share the size's therapy sessions (none: no therapy is generated). */
  therapists?: readonly string[];
  /**
   * Reintegration assessments and follow-up visits (default true); the benchmark seeds its own
   * fixed counts instead.
   */
  reintegration?: boolean;
  /** Each generated therapy session, as it is written (see write-therapy.ts). */
  onTherapySession?: TherapyOptions['onSession'];
}

export interface GenerateResult {
  counts: Record<
    | 'children'
    | 'shelters'
    | 'beds'
    | 'placements'
    | 'familyMembers'
    | 'overrides'
    | 'therapyPlans'
    | 'therapySessions'
    | 'signedNotes'
    | 'outcomeScores'
    | 'reintegrationAssessments'
    | 'aftercareVisits'
    | 'households'
    | 'contacts'
    | 'incidents'
    | 'documents'
    | 'awayEpisodes'
    | 'healthRecords'
    | keyof CaseworkCounts,
    number
  >;
  shelters: { id: string; name: string }[];
  milliseconds: number;
}

/** Children registered per transaction: big enough to be fast, small enough to stay responsive. */
const BATCH = 250;

export function generateDataset(vault: CaseVault, options: GenerateOptions): GenerateResult {
  const started = performance.now();
  const now = options.now ?? new Date();
  const { timeZone } = clockFor(vault, { now });
  const todayDay = Math.round(Date.parse(`${todayIn(timeZone, now)}T00:00:00Z`) / 86_400_000);
  const dayStarts = new Map<number, number>();
  const instantOf = ({ day, minutes }: Moment) => {
    let start = dayStarts.get(day);
    if (start === undefined) {
      start = Date.parse(startOfDayInstant(dayToDate(day), timeZone));
      dayStarts.set(day, start);
    }
    return start + minutes * 60_000;
  };
  const iso = (moment: Moment) => new Date(instantOf(moment)).toISOString();
  const plan = planDataset({ size: options.size, seed: options.seed, todayDay, instantOf });

  const userId = options.actorId ?? 'demo-generator';
  const actor = (at: Date = now): CaseActor => ({
    userId,
    role: 'coordinator',
    shelterScope: [],
    now: at,
  });
  const { shelterIds, bedIds } = writeShelters(vault, actor(), plan);
  const beds = plan.beds.map((b, i) => ({ id: bedIds[i]!, shelterId: shelterIds[b.shelter]! }));
  const assign = caseworkerPicker(
    plan,
    options.caseworkers ?? [],
    new Random(options.seed).fork(4),
  );

  const cases: WrittenCase[] = [];
  for (let from = 0; from < plan.children.length; from += BATCH) {
    vault.data.transaction(() => {
      for (const child of plan.children.slice(from, from + BATCH)) {
        const write = { vault, plan, child, actor, iso, todayDay, seed: options.seed };
        cases.push(writeCase({ ...write, caseworkerId: assign(child) }));
      }
    });
  }
  const childIds = cases.map((c) => c.id);
  writePlacements(vault, cases, { actor, instantOf, beds });

  vault.data.transaction(() => {
    for (const household of plan.households) {
      const [first, ...rest] = household.children;
      // Siblings share one household: the family recorded under each comes along.
      for (const other of rest) {
        linkSiblings(vault, actor(), { childId: childIds[first!]!, siblingId: childIds[other]! });
        joinHousehold(vault, actor(), {
          childId: childIds[other]!,
          householdOfChildId: childIds[first!]!,
        });
      }
    }
    // Half the children still waiting for a bed have a suitable one held for them today.
    const held = new Set<number>();
    const waiting = plan.children.filter((c) => c.segments.length === 0);
    for (const child of waiting.filter((_, i) => i % 2 === 0)) {
      const { age } = ageOn(child.birth, dayToDate(todayDay));
      const bed = plan.beds.findIndex(
        (b, i) =>
          b.freeFrom !== Infinity &&
          !held.has(i) &&
          fits(plan.shelters[b.shelter]!, child.sex, age),
      );
      if (bed < 0) continue;
      held.add(bed);
      reserveBed(vault, actor(), { bedId: bedIds[bed]!, childId: childIds[child.index]! });
    }
  });

  const therapy = writeTherapy(vault, {
    seed: options.seed,
    now,
    timeZone,
    therapistIds: options.therapists ?? [],
    childIds,
    sessions: DATASET_SIZES[options.size].sessions,
    ...(options.onTherapySession ? { onSession: options.onTherapySession } : {}),
  });
  const clinical = writeClinical(vault, {
    seed: options.seed,
    now,
    scores: therapy.plans > 0 ? DATASET_SIZES[options.size].outcomeScores : 0,
  });

  const reintegration =
    options.reintegration === false
      ? { assessments: 0, visits: 0 }
      : writeReintegration(vault, {
          seed: options.seed,
          now,
          reviewerId: userId,
          assessments: DATASET_SIZES[options.size].reintegrationAssessments,
          visits: DATASET_SIZES[options.size].aftercareVisits,
        });

  const care = writeCare(vault, {
    seed: options.seed,
    now,
    logEntries: DATASET_SIZES[options.size].careLogEntries,
    documents: DATASET_SIZES[options.size].careDocuments,
  });
  const healthRecords = writeHealth(vault, { seed: options.seed, now });
  const casework = writeCasework(vault, { seed: options.seed, now });

  const count = (table: string) =>
    Number(
      vault.db
        .prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`, { pluck: true })
        .get(),
    );
  return {
    counts: {
      children: count('children'),
      shelters: count('shelters'),
      beds: count('beds'),
      placements: count('placements'),
      familyMembers: count('family_members'),
      overrides: plan.overrides,
      therapyPlans: therapy.plans,
      therapySessions: therapy.sessions,
      signedNotes: clinical.notes,
      outcomeScores: clinical.scores,
      reintegrationAssessments: reintegration.assessments,
      aftercareVisits: reintegration.visits,
      households: count('households'),
      ...care,
      healthRecords,
      ...casework,
    },
    shelters: plan.shelters.map((s, i) => ({ id: shelterIds[i]!, name: s.name })),
    milliseconds: performance.now() - started,
  };
}

function writeShelters(vault: CaseVault, actor: CaseActor, plan: DatasetPlan) {
  const shelterIds: string[] = [];
  const bedIds: string[] = [];
  vault.data.transaction(() => {
    plan.shelters.forEach((spec) => {
      const shelter = saveShelter(vault, actor, {
        name: spec.name,
        type: spec.type,
        address: spec.address,
        sexRule: spec.sexRule,
        minAge: spec.minAge,
        maxAge: spec.maxAge,
        capacity: spec.beds,
      });
      shelterIds.push(shelter.id);
    });
    const byKey = new Map<string, string>();
    plan.beds.forEach((bed) => {
      const saved = saveBed(vault, actor, {
        shelterId: shelterIds[bed.shelter]!,
        room: bed.room,
        label: bed.label,
      });
      for (const b of saved.beds) byKey.set(`${saved.id}|${b.room}|${b.label}`, b.id);
    });
    for (const bed of plan.beds) {
      bedIds.push(byKey.get(`${shelterIds[bed.shelter]}|${bed.room}|${bed.label}`)!);
    }
  });
  return { shelterIds, bedIds };
}

function caseworkerPicker(
  plan: DatasetPlan,
  caseworkers: readonly { id: string; shelters: readonly string[] }[],
  rng: Random,
): (child: PlannedChild) => string | undefined {
  const general = caseworkers.filter((c) => c.shelters.length === 0);
  return (child) => {
    const last = child.segments[child.segments.length - 1];
    const shelter = last ? plan.shelters[plan.beds[last.bed]!.shelter]!.name.toLowerCase() : null;
    const local = shelter
      ? caseworkers.filter((c) => c.shelters.some((s) => s.toLowerCase() === shelter))
      : [];
    const pool = local.length > 0 ? local : general;
    return pool.length > 0 ? rng.pick(pool).id : undefined;
  };
}
