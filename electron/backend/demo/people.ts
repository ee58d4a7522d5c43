// Households and children: names, ages, languages, referral and the family each child records.
import type { Sex } from '../../../shared/children/vocabulary';
import type { Birth } from '../../../shared/children/contract';
import {
  dayToDate,
  type Household,
  type Moment,
  type PlannedChild,
  type PlannedRelative,
} from './model';
import type { Random } from './prng';
import {
  BARANGAYS,
  BOY_NAMES,
  GIRL_NAMES,
  MAN_NAMES,
  NICKNAMES,
  OFFENDER_KINDS,
  PROVINCES,
  REFERRAL_SOURCES,
  RELATIVES,
  SURNAMES,
  WOMAN_NAMES,
  type RelativeKind,
} from './vocabulary';

export function planHousehold(rng: Random): Omit<Household, 'children'> {
  const surname = rng.pick(SURNAMES);
  const province = rng.pick(PROVINCES);
  const other = () => rng.pick(SURNAMES);
  const fatherKind = rng.weighted({ father: 5, stepfather: 2, partner: 1 });
  const kinds: RelativeKind[] = [
    'mother',
    fatherKind,
    'grandmother',
    'aunt',
    'uncle',
    rng.chance(0.5) ? 'sister' : 'brother',
    'cousin',
    'godmother',
    'grandfather',
    rng.chance(0.5) ? 'godfather' : 'neighbour',
  ];
  const offenderKind = rng.chance(0.2) ? rng.pick(OFFENDER_KINDS) : null;
  if (offenderKind && !kinds.includes(offenderKind)) kinds[9] = offenderKind;
  // The flagged person comes early in the list, so every child of the household records them.
  const offenderAt = offenderKind ? kinds.indexOf(offenderKind) : -1;
  if (offenderAt > 2) kinds.splice(2, 0, ...kinds.splice(offenderAt, 1));
  const noContact = offenderKind !== null && rng.chance(0.6);
  const members = kinds.map((kind): PlannedRelative => {
    const sex = RELATIVES[kind].sex;
    const given = rng.pick(sex === 'female' ? WOMAN_NAMES : MAN_NAMES);
    const family = ['mother', 'father', 'grandmother', 'grandfather', 'aunt', 'uncle', 'sister'];
    const last = family.includes(kind) || kind === 'brother' ? surname : other();
    const home = ['mother', 'father', 'stepfather', 'partner', 'sister', 'brother'].includes(kind)
      ? 0.7
      : kind.startsWith('grand')
        ? 0.4
        : 0.1;
    const offender = kind === offenderKind;
    return {
      kind,
      name: `${given} ${last}`,
      livesInHousehold: rng.chance(home),
      allegedOffender: offender,
      noContactOrder: offender && noContact,
      phone: rng.chance(0.5) ? `0900-555-${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
    };
  });
  const address = `Purok ${rng.int(1, 9)}, Barangay ${rng.pick(BARANGAYS)} (fictional), ${province.city}`;
  return { surname, province, address, members };
}

/** Age at intake: most children in care are between 10 and 16. */
const AGE_WEIGHTS = Object.fromEntries(
  [1, 2, 3, 4, 6, 7, 8, 9, 9, 8, 6, 4].map((weight, i) => [String(i + 6), weight]),
);

export function planChild(
  rng: Random,
  index: number,
  householdIndex: number,
  household: Omit<Household, 'children'>,
  intake: Moment,
): Omit<PlannedChild, 'familyCount' | 'segments' | 'discharge'> {
  const sex = rng.weighted({ female: 74, male: 24, intersex: 2 }) as Sex;
  const names =
    sex === 'female' ? GIRL_NAMES : sex === 'male' ? BOY_NAMES : rng.pick([GIRL_NAMES, BOY_NAMES]);
  const givenNames = [rng.pick(names)];
  if (rng.chance(0.25)) givenNames.push(rng.pick(names.filter((n) => n !== givenNames[0])));
  const age = Number(rng.weighted(AGE_WEIGHTS));
  const intakeDate = dayToDate(intake.day);
  const birth: Birth = rng.chance(0.8)
    ? {
        kind: 'dob',
        dateOfBirth: dayToDate(intake.day - Math.floor(age * 365.25) - rng.int(1, 360)),
      }
    : { kind: 'estimated', estimatedAgeYears: age, asOf: intakeDate };
  const languages: string[] = [household.province.language];
  if (rng.chance(0.7)) languages.push('Filipino');
  if (rng.chance(0.25)) languages.push('English');
  const referralDay = intake.day - rng.int(0, 10);
  const preferred = rng.chance(0.3)
    ? rng.chance(0.6)
      ? rng.pick(NICKNAMES)
      : givenNames[0]!
    : null;
  return {
    index,
    household: householdIndex,
    givenNames,
    legalName: `${givenNames.join(' ')} ${household.surname}`,
    preferredName: preferred,
    sex,
    birth,
    languages,
    referralSource: rng.pick(REFERRAL_SOURCES),
    referralDay,
    intake,
    rescueDay: rng.chance(0.6) ? referralDay - rng.int(0, 3) : null,
    referringAgencyRef: rng.chance(0.5)
      ? `DEMO-REF-${intakeDate.slice(0, 4)}-${String(rng.int(1, 9999)).padStart(4, '0')}`
      : null,
  };
}

/** Exactly `total` spread over `count` children, each between `min` and `max`. */
export function spread(
  rng: Random,
  count: number,
  total: number,
  min: number,
  max: number,
): number[] {
  const base = Math.floor(total / count);
  const counts = Array.from({ length: count }, (_, i) => base + (i < total - base * count ? 1 : 0));
  for (let move = 0; move < count * 2; move += 1) {
    const from = rng.int(0, count - 1);
    const to = rng.int(0, count - 1);
    if (counts[from]! > min && counts[to]! < max) {
      counts[from]! -= 1;
      counts[to]! += 1;
    }
  }
  return counts;
}
