// The case file's health section: where the medico-legal report is held (never its findings),
// check-ups, medicines and PhilHealth membership. Read only by the roles the administrator allows
// and the child's own caseworker. Merged into the casework domain's procedures.
import { z } from 'zod';
import { idOf, isoDateSchema } from '../ids';
import { procedure } from '../procedure';
import type { Role } from '../roles';
import { optionalText } from '../text';
import {
  HEALTH_KINDS,
  HEALTH_READER_ROLES,
  PHILHEALTH_CATEGORIES,
  type HealthKind,
  type HealthReaderRole,
  type PhilhealthCategory,
} from './vocabulary';

/** One health record; only the fields of its kind are set. */
export interface HealthRecord {
  id: string;
  childId: string;
  kind: HealthKind;
  /** The examination's, the check-up's date, or the day a medicine started. */
  date: string | null;
  /** The last day of a medicine, if it has ended. */
  until: string | null;
  /** Where the medico-legal report is held (the hospital's WCPU, the prosecutor's file). */
  heldAt: string | null;
  checkedBy: string | null;
  medicine: string | null;
  dose: string | null;
  philhealthNumber: string | null;
  philhealthCategory: PhilhealthCategory | null;
  /** A short note, never the findings. */
  note: string | null;
  /** When it was entered (a UTC instant). */
  recordedAt: string;
}

export const HEALTH_NOTE_MAX = 300;

/** A health record's own fields (the form's part of `health.save`). */
export const healthFieldsSchema = z.strictObject({
  kind: z.enum(HEALTH_KINDS),
  date: isoDateSchema.optional(),
  until: isoDateSchema.optional(),
  heldAt: optionalText(200),
  checkedBy: optionalText(200),
  medicine: optionalText(200),
  dose: optionalText(100),
  philhealthNumber: z
    .string()
    .trim()
    .regex(/^[0-9-]{12,14}$/, 'invalid')
    .optional(),
  philhealthCategory: z.enum(PHILHEALTH_CATEGORIES).optional(),
  note: optionalText(HEALTH_NOTE_MAX),
});

type HealthField = Exclude<keyof z.infer<typeof healthFieldsSchema>, 'kind' | 'note'>;

/** The fields of each kind (besides the note), the ones it needs first. */
export const HEALTH_KIND_FIELDS: Record<HealthKind, readonly HealthField[]> = {
  medico_legal: ['date', 'heldAt'],
  checkup: ['date', 'checkedBy'],
  medicine: ['medicine', 'dose', 'date', 'until'],
  philhealth: ['philhealthNumber', 'philhealthCategory'],
};
const REQUIRED: Record<HealthKind, readonly HealthField[]> = {
  ...HEALTH_KIND_FIELDS,
  medicine: ['medicine', 'dose', 'date'],
};

/** Each kind names what it needs; a medicine ends on or after it started. */
export function checkHealthFields(
  h: Partial<z.infer<typeof healthFieldsSchema>> & { kind: HealthKind },
  ctx: z.RefinementCtx,
): void {
  for (const field of REQUIRED[h.kind])
    if (!h[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
  if (h.kind === 'medicine' && h.date && h.until && h.until < h.date)
    ctx.addIssue({ code: 'custom', path: ['until'], message: 'dateRange' });
}

const WRITERS: readonly Role[] = ['coordinator', 'caseworker', 'therapist'];

export const healthProcedures = {
  /** The child's health records, or null for one the administrator has not allowed to read them. */
  'health.records': procedure<HealthRecord[] | null>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: WRITERS,
    kind: 'query',
  }),
  /** Adds or corrects a health record (the readers and the child's caseworker). */
  'health.save': procedure<HealthRecord>()({
    input: healthFieldsSchema
      .extend({ id: idOf('healthRecord').optional(), childId: idOf('child') })
      .superRefine(checkHealthFields),
    access: WRITERS,
    kind: 'mutation',
  }),
  /** Which roles may read the health section (the administrator's setting). */
  'health.readers': procedure<{ roles: HealthReaderRole[] }>()({
    input: z.strictObject({}),
    access: ['admin', ...WRITERS],
    kind: 'query',
  }),
  /** The administrator allows or withdraws reading the health section, role by role. */
  'health.saveReaders': procedure<{ roles: HealthReaderRole[] }>()({
    input: z.strictObject({ roles: z.array(z.enum(HEALTH_READER_ROLES)).max(3, 'tooMany') }),
    access: ['admin'],
    kind: 'mutation',
  }),
} as const;

declare module '../case-file' {
  interface CaseFileSections {
    /** Her health records, the latest first; null when the viewer may not read them. */
    health: HealthRecord[] | null;
  }
  interface TimelineKinds {
    casework: 'health';
  }
}

declare module '../ids' {
  interface IdKinds {
    /** Visible when its child is (reading it also needs the administrator's setting). */
    health: 'healthRecord';
  }
}
