// When each child is admitted, moved and discharged: exact placement counts per child, stay
// lengths that end before today (or stay open), and the destination on discharge.
import type { DischargeDestination } from '../../../shared/shelters/vocabulary';
import type { Moment } from './model';
import type { Random } from './prng';

export function daytime(rng: Random, day: number, from = 8 * 60, to = 17 * 60): Moment {
  return { day, minutes: rng.int(from, to) };
}

/** Placement counts per child: exactly the size's total, none for the newest referrals. */
export function placementCounts(
  rng: Random,
  admitDays: number[],
  todayDay: number,
  total: number,
  waiting: number,
): number[] {
  const count = admitDays.length;
  const max = admitDays.map((day, i) =>
    i >= count - waiting ? 0 : Math.max(1, Math.min(10, Math.floor((todayDay - day) / 20))),
  );
  const counts = max.map((m) => Math.min(m, 1));
  const eligible = counts.map((_, i) => i).filter((i) => counts[i]! < max[i]!);
  let remaining = total - counts.reduce((a, b) => a + b, 0);
  if (remaining < 0) throw new Error('More children than placements');
  while (remaining > 0) {
    if (eligible.length === 0) throw new Error('Not enough history for the placements');
    const at = rng.int(0, eligible.length - 1);
    const child = eligible[at]!;
    counts[child]! += 1;
    remaining -= 1;
    if (counts[child] === max[child]) {
      eligible[at] = eligible[eligible.length - 1]!;
      eligible.pop();
    }
  }
  return counts;
}

/** Day offsets of each placement's start from the admission, and of the end (null: in care today). */
export function stayShape(
  rng: Random,
  segments: number,
  meanSegment: number,
  admitDay: number,
  todayDay: number,
) {
  const lengths = Array.from({ length: segments }, () =>
    Math.max(1, Math.round(meanSegment * (0.4 + rng.next() * 1.2))),
  );
  const offsets = [0];
  for (const length of lengths.slice(0, -1)) offsets.push(offsets[offsets.length - 1]! + length);
  const stay = offsets[offsets.length - 1]! + lengths[lengths.length - 1]!;
  const room = todayDay - 1 - admitDay;
  if (admitDay + stay <= todayDay - 1) return { offsets, end: stay };
  // Still in care today: every move so far happened before today.
  const last = offsets[offsets.length - 1]!;
  if (last > room) {
    for (let k = 1; k < offsets.length; k += 1) {
      const scaled = Math.round((offsets[k]! * room) / last);
      offsets[k] = Math.min(room - (offsets.length - 1 - k), Math.max(offsets[k - 1]! + 1, scaled));
    }
  }
  return { offsets, end: null };
}

/**
 * Where a child goes on discharge. Never home to a household with an alleged offender living in
 * it or a no-contact order (the hard safety facts), and independent living from 15.
 */
export function dischargeDestination(
  rng: Random,
  age: number,
  unsafeHome: boolean,
): DischargeDestination {
  const destination = rng.weighted({
    family_reintegration: 45,
    kinship_care: 20,
    foster_care: 10,
    independent_living: 10,
    transfer_other_agency: 10,
    other: 5,
  });
  if (destination === 'independent_living' && age < 15) return 'kinship_care';
  if (destination === 'family_reintegration' && unsafeHome) return 'kinship_care';
  return destination;
}

/** The most children in care at any one instant. */
export function sweepPeak(stays: { start: number; end: number }[]): number {
  const events = stays.flatMap((s) => [
    [s.start, 1],
    [s.end, -1],
  ]);
  // Ends before starts at the same instant: intervals are half-open.
  events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let now = 0;
  let peak = 0;
  for (const [, delta] of events) {
    now += delta!;
    peak = Math.max(peak, now);
  }
  return peak;
}
