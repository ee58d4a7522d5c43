// The fictional Visayas shelters the generator builds. A fixed catalogue (not drawn from the
// seed), so that a demo account's shelter scope can name shelters before the data exists. The
// first five cover every kind of home, so even size S has girls', boys' and mixed homes.
import type { ShelterSexRule, ShelterType } from '../../../shared/shelters/vocabulary';
import { PROVINCES, type Province } from './vocabulary';

export interface ShelterSpec {
  name: string;
  type: ShelterType;
  sexRule: ShelterSexRule;
  minAge: number;
  maxAge: number;
  province: Province;
  address: string;
  /** Relative share of the dataset's beds. */
  bedWeight: number;
}

type Kind = Omit<ShelterSpec, 'name' | 'province' | 'address'> & { pattern: (w: string) => string };

const KINDS = {
  girls: {
    type: 'dswd_residential',
    sexRule: 'female',
    minAge: 7,
    maxAge: 17,
    bedWeight: 3,
    pattern: (w) => `Balay ${w} Home for Girls (fictional)`,
  },
  boys: {
    type: 'dswd_residential',
    sexRule: 'male',
    minAge: 7,
    maxAge: 17,
    bedWeight: 1.6,
    pattern: (w) => `Balay ${w} Home for Boys (fictional)`,
  },
  ngoGirls: {
    type: 'ngo_shelter',
    sexRule: 'female',
    minAge: 4,
    maxAge: 17,
    bedWeight: 2,
    pattern: (w) => `${w} Girls' Shelter (fictional)`,
  },
  ngoMixed: {
    type: 'ngo_shelter',
    sexRule: 'any',
    minAge: 4,
    maxAge: 17,
    bedWeight: 1.6,
    pattern: (w) => `${w} Children's Shelter (fictional)`,
  },
  temporary: {
    type: 'temporary_shelter',
    sexRule: 'any',
    minAge: 0,
    maxAge: 17,
    bedWeight: 1.2,
    pattern: (w) => `${w} Crisis Centre (fictional)`,
  },
  foster: {
    type: 'foster_home',
    sexRule: 'any',
    minAge: 0,
    maxAge: 17,
    bedWeight: 0.3,
    pattern: (w) => `${w} Foster Family Home (fictional)`,
  },
  kinship: {
    type: 'kinship_home',
    sexRule: 'any',
    minAge: 0,
    maxAge: 17,
    bedWeight: 0.2,
    pattern: (w) => `${w} Kinship Home (fictional)`,
  },
  youth: {
    type: 'ngo_shelter',
    sexRule: 'female',
    minAge: 12,
    maxAge: 21,
    bedWeight: 1.2,
    pattern: (w) => `${w} Youth Home for Young Women (fictional)`,
  },
} satisfies Record<string, Kind>;
type KindName = keyof typeof KINDS;

const FIRST: readonly KindName[] = ['girls', 'ngoGirls', 'boys', 'temporary', 'foster'];
const CYCLE: readonly KindName[] = [
  'girls',
  'ngoMixed',
  'boys',
  'youth',
  'ngoGirls',
  'kinship',
  'temporary',
  'foster',
];

/** Cebuano and Hiligaynon words (joy, hope, refuge, light, …): one per shelter. */
const WORDS = (
  'Kalipay, Paglaum, Dangpanan, Kahayag, Gugma, Sidlak, Kaluwasan, Himaya, Ginhawa, Silingan, ' +
  'Tambayayong, Bulak, Lantawan, Dalangpan, Panaad, Hiyas, Bituon, Adlaw, Balod, Lunhaw, Tanaw, ' +
  'Pasalamat, Damgo, Hugpong, Hinigugma, Kalinaw, Katawhan, Pag-amuma, Saad, Sulundon, Tinguha, ' +
  'Malipayon, Hilway, Lig-on, Dagway, Kabilin, Salipdanan, Tabang, Dalisay, Uswag'
).split(', ');

export const MAX_SHELTERS = WORDS.length;

export function shelterCatalogue(count: number): ShelterSpec[] {
  if (count > MAX_SHELTERS) throw new Error(`At most ${MAX_SHELTERS} demo shelters`);
  return Array.from({ length: count }, (_, i) => {
    const kindName = i < FIRST.length ? FIRST[i]! : CYCLE[(i - FIRST.length) % CYCLE.length]!;
    const { pattern, ...kind } = KINDS[kindName];
    const province = PROVINCES[i % PROVINCES.length]!;
    const word = WORDS[i]!;
    return {
      ...kind,
      name: pattern(word),
      province,
      address: `Purok ${(i % 7) + 1}, Barangay ${word} (fictional), ${province.city}, ${province.name}`,
    };
  });
}
