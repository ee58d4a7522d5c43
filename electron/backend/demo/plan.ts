// The pure part of the generator: from a seed, a size and "today", who the children are, when
// they came into care, and which bed each of their placements uses. Nothing here touches the
// database, so the same inputs always give the same plan.
import { ageOn } from '../../../shared/children/vocabulary';
import { assignBeds, shareBeds } from './beds';
import {
  dayToDate,
  type DatasetPlan,
  type Household,
  type InstantOf,
  type Moment,
  type PlannedBed,
  type PlannedChild,
} from './model';
import { planChild, planHousehold, spread } from './people';
import { Random } from './prng';
import { shelterCatalogue } from './shelters';
import { DATASET_SIZES, type SizeName } from './sizes';
import { daytime, dischargeDestination, placementCounts, stayShape, sweepPeak } from './stays';

export * from './model';
export { fits } from './beds';

/** Planned occupancy at the busiest instant: the rest of the beds stay free for transfers. */
const PEAK_OCCUPANCY = 0.75;
/** Typical total length of a stay in residential care (6–12 months). */
const MEAN_STAY_DAYS = 270;

export function planDataset(options: {
  size: SizeName;
  seed: number;
  todayDay: number;
  instantOf: InstantOf;
}): DatasetPlan {
  const { size, seed, todayDay, instantOf } = options;
  const spec = DATASET_SIZES[size];
  const root = new Random(seed);
  const people = root.fork(1);
  const schedule = root.fork(2);
  const placing = root.fork(3);
  const spanDays = spec.years * 365;

  // Households (a few with two or three children: sibling groups), newest intake last.
  const drafts: { household: Omit<Household, 'children'>; size: number; day: number }[] = [];
  for (let placed = 0; placed < spec.children;) {
    const size = Math.min(
      spec.children - placed,
      Number(people.weighted({ '1': 88, '2': 9, '3': 3 })),
    );
    drafts.push({
      household: planHousehold(people),
      size,
      day: todayDay - people.int(1, spanDays),
    });
    placed += size;
  }
  drafts.sort((a, b) => a.day - b.day);
  const households: Household[] = [];
  const children: PlannedChild[] = [];
  for (const draft of drafts) {
    const h = households.length;
    const intake = daytime(people, draft.day, 9 * 60, 16 * 60);
    households.push({ ...draft.household, children: [] });
    for (let s = 0; s < draft.size; s += 1) {
      const child = planChild(people, children.length, h, draft.household, {
        day: intake.day,
        minutes: intake.minutes + s * 5,
      });
      households[h]!.children.push(child.index);
      children.push({ ...child, familyCount: 0, segments: [], discharge: null });
    }
  }
  const family = spread(people, spec.children, spec.familyMembers, 3, 10);
  children.forEach((c, i) => (c.familyCount = family[i]!));

  // When each child was admitted, moved and discharged.
  const admitDays = children.map((c) =>
    Math.min(todayDay - 1, c.intake.day + Number(schedule.weighted({ '0': 7, '1': 2, '2': 1 }))),
  );
  const waiting = Math.max(2, Math.round(spec.children * 0.01));
  const counts = placementCounts(schedule, admitDays, todayDay, spec.placements, waiting);
  const meanSegment = (MEAN_STAY_DAYS * spec.children) / spec.placements;
  const stays: { start: number; end: number }[] = [];
  // No two placement events share an instant, so that writing them in time order is unambiguous.
  const taken = new Set<number>();
  const unique = (moment: Moment): Moment => {
    let { minutes } = moment;
    while (taken.has(moment.day * 1440 + minutes)) minutes += 1;
    if (minutes >= 1440) throw new Error(`Too many placement events on day ${moment.day}`);
    taken.add(moment.day * 1440 + minutes);
    return { day: moment.day, minutes };
  };
  for (const child of children) {
    const n = counts[child.index]!;
    if (n === 0) continue;
    const admitDay = admitDays[child.index]!;
    const shape = stayShape(schedule, n, meanSegment, admitDay, todayDay);
    const moments = shape.offsets.map((offset, k) =>
      unique(
        k === 0 && admitDay === child.intake.day
          ? { day: admitDay, minutes: child.intake.minutes + 60 }
          : daytime(schedule, admitDay + offset),
      ),
    );
    const end = shape.end === null ? null : unique(daytime(schedule, admitDay + shape.end));
    child.segments = moments.map((start, k) => ({
      start,
      end: moments[k + 1] ?? end,
      bed: -1,
      override: false,
    }));
    const age = ageOn(child.birth, dayToDate(end?.day ?? todayDay)).age;
    const unsafeHome = households[child.household]!.members.some(
      (m) => m.noContactOrder || (m.allegedOffender && m.livesInHousehold),
    );
    child.discharge = end ? { destination: dischargeDestination(schedule, age, unsafeHome) } : null;
    stays.push({ start: instantOf(moments[0]!), end: end ? instantOf(end) : Infinity });
  }

  // Enough beds that the busiest instant still leaves a quarter of them free.
  const specs = shelterCatalogue(spec.shelters);
  const bedCounts = shareBeds(specs, Math.ceil(sweepPeak(stays) / PEAK_OCCUPANCY));
  const beds: PlannedBed[] = [];
  const bedsByShelter: number[][] = specs.map(() => []);
  specs.forEach((shelter, s) => {
    const family = shelter.type === 'foster_home' || shelter.type === 'kinship_home';
    for (let b = 0; b < bedCounts[s]!; b += 1) {
      bedsByShelter[s]!.push(beds.length);
      beds.push({
        shelter: s,
        room: family ? 'Main house' : `Room ${Math.floor(b / 4) + 1}`,
        label: `Bed ${b + 1}`,
        freeFrom: -Infinity,
      });
    }
  });
  const overrides = assignBeds({
    rng: placing,
    children,
    households,
    specs,
    beds,
    bedsByShelter,
    instantOf,
  });
  return {
    size,
    todayDay,
    shelters: specs.map((s, i) => ({ ...s, beds: bedCounts[i]! })),
    beds,
    households,
    children,
    overrides,
  };
}
