// Beds: how many each shelter gets, and which bed each placement uses. Handing beds out in time
// order, each to a placement whose start is at or after the bed's last end (interval colouring),
// never puts two children in one bed at the same instant.
import { ageOn, type Sex } from '../../../shared/children/vocabulary';
import {
  dayToDate,
  type Household,
  type InstantOf,
  type PlannedBed,
  type PlannedChild,
} from './model';
import type { Random } from './prng';
import type { ShelterSpec } from './shelters';

/** Shares `total` beds among shelters by weight (largest remainder), at least one each. */
export function shareBeds(specs: ShelterSpec[], total: number): number[] {
  const weight = specs.reduce((sum, s) => sum + s.bedWeight, 0);
  const exact = specs.map((s) => (total * s.bedWeight) / weight);
  const beds = exact.map((x) => Math.max(1, Math.floor(x)));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; beds.reduce((a, b) => a + b, 0) < total; k += 1)
    beds[order[k % order.length]![1]]! += 1;
  return beds;
}

export /** The shelter's sex and age rules, as the placement service checks them. */
function fits(shelter: ShelterSpec, sex: Sex, age: number): boolean {
  if (shelter.sexRule !== 'any' && shelter.sexRule !== sex) return false;
  return age >= shelter.minAge && age <= shelter.maxAge;
}

/** Gives every placement a bed, in time order; returns how many needed a soft-rule override. */
export function assignBeds(input: {
  rng: Random;
  children: PlannedChild[];
  households: Household[];
  specs: ShelterSpec[];
  beds: PlannedBed[];
  bedsByShelter: number[][];
  instantOf: InstantOf;
}): number {
  const { rng, children, households, specs, beds, bedsByShelter, instantOf } = input;
  const queue = children
    .flatMap((child) =>
      child.segments.map((segment, k) => ({ child, segment, k, at: instantOf(segment.start) })),
    )
    .sort((a, b) => a.at - b.at || a.child.index - b.child.index);
  const currentBed = new Map<number, number>();
  let overrides = 0;
  for (const { child, segment, k, at } of queue) {
    const own = currentBed.get(child.index);
    const freeIn = (shelter: number) =>
      bedsByShelter[shelter]!.filter((b) => beds[b]!.freeFrom <= at && b !== own);
    const { age } = ageOn(child.birth, dayToDate(segment.start.day));
    const suitable = (shelter: number) => fits(specs[shelter]!, child.sex, age);
    let choice: number[] = [];
    if (k > 0 && own !== undefined && rng.chance(0.35) && suitable(beds[own]!.shelter)) {
      choice = freeIn(beds[own]!.shelter); // a bed move inside the same home
    } else if (k === 0) {
      // Siblings admitted together go to the same home where its rules allow.
      const sibling = households[child.household]!.children.find(
        (c) => c !== child.index && currentBed.has(c),
      );
      const shelter = sibling === undefined ? undefined : beds[currentBed.get(sibling)!]!.shelter;
      if (shelter !== undefined && suitable(shelter)) choice = freeIn(shelter);
    }
    if (choice.length === 0) {
      const others = specs
        .map((_, s) => s)
        .filter((s) => suitable(s) && (own === undefined || s !== beds[own]!.shelter));
      choice = others.flatMap(freeIn);
    }
    if (choice.length === 0) choice = specs.flatMap((_, s) => (suitable(s) ? freeIn(s) : []));
    if (choice.length === 0) {
      choice = specs.flatMap((_, s) => freeIn(s));
      segment.override = true;
      overrides += 1;
    }
    if (choice.length === 0)
      throw new Error(`No free bed for child ${child.index} at ${new Date(at).toISOString()}`);
    const bed = rng.pick(choice);
    segment.bed = bed;
    beds[bed]!.freeFrom = segment.end ? instantOf(segment.end) : Infinity;
    currentBed.set(child.index, bed);
  }
  return overrides;
}
