// The register / edit form: plain values in the form, the shared childFieldsSchema on submit,
// plus the checks the backend also makes (no future dates, intake not before birth) so they show
// before anything is sent.
import { z } from 'zod';
import { aliasOf, initialsOf, SEXES } from '../../../shared/children/vocabulary';
import {
  childFieldsSchema,
  type ChildFields,
  type ChildNames,
  type ChildRecord,
} from '../../../shared/children/contract';
import { alwaysCheck } from '../../forms/schema';
import { fromForm, withoutBlanks } from './formValues';

const formShape = z.object({
  legalName: z.string(),
  /** Ticked, the legal name is sent as null: "not known yet", rather than a placeholder. */
  legalNameUnknown: z.boolean(),
  preferredName: z.string(),
  alias: z.string(),
  birth: z.object({
    kind: z.enum(['dob', 'estimated']),
    dateOfBirth: z.string(),
    /** A number input's text: '' while empty. */
    estimatedAgeYears: z.string(),
    asOf: z.string(),
  }),
  sex: z.union([z.literal(''), z.enum(SEXES)]),
  genderIdentity: z.string(),
  languages: z.array(z.string()),
  referralSource: z.string(),
  referralDate: z.string(),
  intakeDate: z.string(),
  rescueDate: z.string(),
  referringAgencyRef: z.string(),
  assignedCaseworkerId: z.string(),
});
export type ChildFormValues = z.infer<typeof formShape>;

/** Every form field a backend field error can land on; the more specific paths first. */
export const CHILD_FORM_FIELDS = [
  'legalName',
  'preferredName',
  'alias',
  'birth.dateOfBirth',
  'birth.estimatedAgeYears',
  'birth.asOf',
  'sex',
  'genderIdentity',
  'languages',
  'referralSource',
  'referralDate',
  'intakeDate',
  'rescueDate',
  'referringAgencyRef',
  'assignedCaseworkerId',
] as const;

const blank = (value: string) => (value.trim() === '' ? undefined : value);

function toChildFields(values: ChildFormValues): unknown {
  const { birth } = values;
  const age = birth.estimatedAgeYears.trim();
  // Optional fields left empty are left out, as the contract expects.
  return withoutBlanks({
    legalName: values.legalNameUnknown ? null : blank(values.legalName),
    preferredName: blank(values.preferredName),
    alias: values.alias.trim(),
    birth:
      birth.kind === 'dob'
        ? { kind: 'dob', dateOfBirth: blank(birth.dateOfBirth) }
        : {
            kind: 'estimated',
            estimatedAgeYears: age === '' ? undefined : Number(age),
            asOf: blank(birth.asOf),
          },
    sex: blank(values.sex),
    genderIdentity: blank(values.genderIdentity),
    languages: values.languages,
    referralSource: blank(values.referralSource),
    referralDate: blank(values.referralDate),
    intakeDate: blank(values.intakeDate),
    rescueDate: blank(values.rescueDate),
    referringAgencyRef: blank(values.referringAgencyRef),
    assignedCaseworkerId: blank(values.assignedCaseworkerId),
  });
}

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** `today` is today's date in the vault's time zone, as the backend sees it. */
export function childFormSchema(today: string) {
  const checked = childFieldsSchema.superRefine((fields, ctx) => {
    const future = (path: (string | number)[], date: unknown) => {
      if (isDate(date) && date > today)
        ctx.addIssue({ code: 'custom', path, message: 'date.future' });
    };
    const birth = fields.birth as Partial<ChildFields['birth']> | undefined;
    if (birth?.kind === 'dob') future(['birth', 'dateOfBirth'], birth.dateOfBirth);
    if (birth?.kind === 'estimated') future(['birth', 'asOf'], birth.asOf);
    future(['referralDate'], fields.referralDate);
    future(['intakeDate'], fields.intakeDate);
    future(['rescueDate'], fields.rescueDate);
    // An alias equal to the real initials would hide nothing (the backend refuses it too).
    const real = initialsOf(fields.legalName ?? fields.preferredName ?? '');
    if (typeof fields.alias === 'string' && aliasOf(fields.alias) === real) {
      ctx.addIssue({ code: 'custom', path: ['alias'], message: 'alias.sameAsInitials' });
    }
    if (
      birth?.kind === 'dob' &&
      isDate(birth.dateOfBirth) &&
      birth.dateOfBirth <= today &&
      isDate(fields.intakeDate) &&
      fields.intakeDate < birth.dateOfBirth
    ) {
      ctx.addIssue({ code: 'custom', path: ['intakeDate'], message: 'date.beforeBirth' });
    }
  }, alwaysCheck);
  return fromForm(formShape, checked, toChildFields);
}

/** `alias` is a newly made-up one, which the user may keep or change. */
export function emptyChildForm(
  today: string,
  caseworkerId: string,
  alias: string,
): ChildFormValues {
  return {
    legalName: '',
    legalNameUnknown: false,
    preferredName: '',
    alias,
    birth: { kind: 'dob', dateOfBirth: '', estimatedAgeYears: '', asOf: today },
    sex: '',
    genderIdentity: '',
    languages: [],
    referralSource: '',
    referralDate: '',
    intakeDate: '',
    rescueDate: '',
    referringAgencyRef: '',
    assignedCaseworkerId: caseworkerId,
  };
}

export function childFormFrom(
  record: ChildRecord,
  names: ChildNames,
  today: string,
): ChildFormValues {
  const { birth } = record;
  return {
    legalName: names.legalName ?? '',
    legalNameUnknown: names.legalName === null,
    preferredName: names.preferredName ?? '',
    alias: record.alias,
    birth:
      birth.kind === 'dob'
        ? { kind: 'dob', dateOfBirth: birth.dateOfBirth, estimatedAgeYears: '', asOf: today }
        : {
            kind: 'estimated',
            dateOfBirth: '',
            estimatedAgeYears: String(birth.estimatedAgeYears),
            asOf: birth.asOf,
          },
    sex: record.sex,
    genderIdentity: record.genderIdentity ?? '',
    languages: [...record.languages],
    referralSource: record.referralSource,
    referralDate: record.referralDate,
    intakeDate: record.intakeDate,
    rescueDate: record.rescueDate ?? '',
    referringAgencyRef: record.referringAgencyRef ?? '',
    assignedCaseworkerId: record.assignedCaseworkerId ?? '',
  };
}
