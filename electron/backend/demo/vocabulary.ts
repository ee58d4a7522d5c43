// Word lists for the generated, clearly fictional demo data. Every person's name is built from
// these lists (a few carry ñ, so that accent-insensitive search can be tried: "nino" finds
// "Niño"). Every free text says it is fictional; none describes harm.
import type { LegalEventKind, PlanDomain } from '../../../shared/children/vocabulary';

/** A word list written as one comma-separated line, to keep long lists readable. */
function list(words: string): readonly string[] {
  return words.split(', ');
}

export const GIRL_NAMES = list(
  'Maria, Ana, Grace, Joy, Liza, Rosa, Clara, Angel, Princess, Jasmine, Kristine, Mae, Niña, Ligaya, Tala, Mayumi, Dalisay, Althea, Bea, Camille, Danica, Gemma, Hazel, Irene, Janelle, Kaye, Leah, Rhea, Shaira, Trisha, Yna, Carmela, Lovely, Charmaine, Rica, Sofia, Jenelyn, Mylene, Ruby, Marisol',
);

export const BOY_NAMES = list(
  'Jose, Juan, Mark, Niño, John, Paul, Christian, Jomar, Rodel, Jerome, Paolo, Angelo, Carlo, Emmanuel, Santino, Andres, Gabriel, Kenneth, Miguel, Noel, Ricky, Vicente, Ariel, Jayson, Kyle, Lorenzo, Marvin, Rey, Joshua, Bryan, Iñigo',
);

export const WOMAN_NAMES = list(
  'Erlinda, Marites, Nenita, Lorna, Divina, Rowena, Jocelyn, Zenaida, Teresita, Evangeline, Leonora, Cherry, Gloria, Rosario, Milagros, Perla, Luzviminda, Editha, Remedios, Susana',
);

export const MAN_NAMES = list(
  'Renato, Efren, Nestor, Ramil, Rodolfo, Danilo, Ernesto, Rogelio, Arnel, Romeo, Lito, Dindo, Zaldy, Bienvenido, Crisanto, Felipe, Gerardo, Herminio, Isagani, Wilfredo',
);

export const SURNAMES = list(
  'Reyes, Santos, Cruz, Bautista, Ocampo, Garcia, Mendoza, Villanueva, Dela Cruz, Peñaflor, Del Rosario, Ramos, Aquino, Castillo, Flores, Gonzales, Lim, Tan, Abellana, Cabahug, Cañete, Ybañez, Tabanao, Ouano, Patalinghug, Bacalso, Pepito, Sumalpong, Gabisan, Alcantara, Navarro, Torres, Manalo, Pascual, Salazar, Soriano, Tolentino, Yap, Uy, Dacanay, Espinosa, Fernandez, Nuñez, Muñoz, Acuña, Dueñas, Lagahit, Montebon, Cuizon, Rosales, Villarin, Capuyan, Enriquez, Alforque, Peña, Ibañez',
);

/** Names a child may prefer to be called by. */
export const NICKNAMES = list(
  'Nene, Inday, Dodong, Bebe, Jun-jun, Tintin, Lyn, Bunso, Ging, Ading, Nonoy, Mimi, Pia, Kiko, Toto, Neneng',
);

/** Every given name a generated person can carry, for checks that names come from these lists. */
export const GIVEN_NAMES: readonly string[] = [
  ...GIRL_NAMES,
  ...BOY_NAMES,
  ...WOMAN_NAMES,
  ...MAN_NAMES,
];

/** Provinces of the Visayas and the home language most spoken there. */
export const PROVINCES = [
  { name: 'Cebu', city: 'Cebu City', language: 'Cebuano' },
  { name: 'Bohol', city: 'Tagbilaran City', language: 'Cebuano' },
  { name: 'Iloilo', city: 'Iloilo City', language: 'Hiligaynon' },
  { name: 'Leyte', city: 'Tacloban City', language: 'Waray' },
  { name: 'Negros Oriental', city: 'Dumaguete City', language: 'Cebuano' },
  { name: 'Negros Occidental', city: 'Bacolod City', language: 'Hiligaynon' },
  { name: 'Samar', city: 'Catbalogan City', language: 'Waray' },
  { name: 'Capiz', city: 'Roxas City', language: 'Hiligaynon' },
  { name: 'Aklan', city: 'Kalibo', language: 'Aklanon' },
  { name: 'Antique', city: 'San Jose de Buenavista', language: 'Kinaray-a' },
  { name: 'Siquijor', city: 'Siquijor', language: 'Cebuano' },
  { name: 'Guimaras', city: 'Jordan', language: 'Hiligaynon' },
  { name: 'Biliran', city: 'Naval', language: 'Waray' },
  { name: 'Southern Leyte', city: 'Maasin City', language: 'Cebuano' },
] as const;
export type Province = (typeof PROVINCES)[number];

/** Fictional barangay names for addresses. */
export const BARANGAYS = list(
  'Kalipay, Sidlak, Lunhaw, Bulak, Hilway, Malipayon, Dagway, Tanaw, Balod, Adlaw',
);

export const REFERRAL_SOURCES = [
  'PNP Women and Children Protection Center (fictional referral)',
  'DSWD Field Office (fictional referral)',
  'Barangay Council for the Protection of Children (fictional referral)',
  'Partner NGO hotline (fictional referral)',
  'School guidance office (fictional referral)',
  'Municipal social welfare office (fictional referral)',
] as const;

export const SHARING_AGENCIES = [
  'Fictional Legal Aid Office',
  'DSWD Field Office (fictional contact)',
  'Partner Hospital (fictional)',
  'Fictional Child Rights Desk',
] as const;

/** Family and significant persons; `adult` decides which name list a person takes. */
export const RELATIVES = {
  mother: { relationship: 'Mother', sex: 'female' },
  father: { relationship: 'Father', sex: 'male' },
  stepfather: { relationship: 'Stepfather', sex: 'male' },
  partner: { relationship: "Mother's partner", sex: 'male' },
  grandmother: { relationship: 'Grandmother (Lola)', sex: 'female' },
  grandfather: { relationship: 'Grandfather (Lolo)', sex: 'male' },
  aunt: { relationship: 'Aunt (Tita)', sex: 'female' },
  uncle: { relationship: 'Uncle (Tito)', sex: 'male' },
  sister: { relationship: 'Older sister', sex: 'female' },
  brother: { relationship: 'Older brother', sex: 'male' },
  cousin: { relationship: 'Cousin', sex: 'female' },
  godmother: { relationship: 'Godmother (Ninang)', sex: 'female' },
  godfather: { relationship: 'Godfather (Ninong)', sex: 'male' },
  neighbour: { relationship: 'Neighbour', sex: 'male' },
} as const;
export type RelativeKind = keyof typeof RELATIVES;

/** Who is flagged, when a household has an alleged offender. */
export const OFFENDER_KINDS: readonly RelativeKind[] = [
  'stepfather',
  'partner',
  'father',
  'uncle',
  'aunt',
  'neighbour',
  'mother',
];

export const ADMISSION_REASONS = [
  'Protective custody after rescue (fictional demo)',
  'Referred by DSWD for residential care (fictional demo)',
  'Temporary shelter pending family assessment (fictional demo)',
] as const;

export const TRANSFER_REASONS = [
  'Moved to a quieter room (fictional demo)',
  'Closer to school (fictional demo)',
  'Age-appropriate programme (fictional demo)',
  'Bed move for room repairs (fictional demo)',
  'Specialised care programme (fictional demo)',
] as const;

export const EXIT_NOTES = [
  'Fictional demo: discharged after the case conference agreed the plan.',
  'Fictional demo: discharge planned with the child and the receiving family.',
  'Fictional demo: handed over with the case summary and follow-up schedule.',
] as const;

export const INTAKE_ACCOUNT =
  'Fictional intake account for demonstration. No real person. This text stands in for the ' +
  "child's account, which is recorded once and never asked for again.";

export const GOALS: Record<PlanDomain, readonly string[]> = {
  safety: [
    'I want to feel safe when I go to sleep.',
    'I want to know who to call if I feel afraid.',
    'I want to walk to school with a friend.',
  ],
  legal_protection: [
    'I want to understand what happens in court.',
    'I want my lawyer to explain each step to me.',
  ],
  mental_wellbeing: [
    'I want to have fewer bad dreams.',
    'I want to learn ways to calm down when I am upset.',
    'I want to draw and sing again.',
  ],
  economic_empowerment_education: [
    'I want to finish Grade 6.',
    'I want to pass the ALS exam.',
    'I want to learn baking so I can sell bread.',
    'I want to become a nurse someday.',
  ],
  social_support: [
    'I want to talk to my Lola every week.',
    'I want to have a best friend in the house.',
    'I want to join the youth choir.',
  ],
  physical_wellbeing: [
    'I want to sleep well and eat breakfast every day.',
    'I want to get my eyes checked.',
    'I want to play volleyball again.',
  ],
};

export const RESPONSIBLE = [
  'Assigned social worker',
  'House parent',
  'Shelter teacher',
  'Psychologist',
  'Legal officer',
] as const;

export const TASKS = [
  'Enrol in the Alternative Learning System',
  'Schedule a medical check-up',
  'Prepare case conference notes',
  'Home visit to assess the family',
  'Arrange a video call with the grandmother',
  'Request school records',
  'Dental check-up',
  'Request a birth certificate copy (PSA)',
  'Court orientation with the legal officer',
  'Life-skills session: budgeting',
  'Update the safety plan',
  'Refer to vocational training',
] as const;

export const LEGAL_NOTES: Partial<Record<LegalEventKind, string>> = {
  filing: 'Fictional demo: complaint filed by the prosecutor.',
  case_conference: 'Fictional demo: multidisciplinary team case conference.',
  hearing: 'Fictional demo hearing.',
  testimony: 'Fictional demo: testimony with a support person present.',
};
