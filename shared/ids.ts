import { z } from 'zod';

/** UUIDv7: time-ordered, so indexes stay compact. */
export const idSchema = z.uuid({ version: 'v7' });
/** Calendar date, no time zone. */
export const isoDateSchema = z.iso.date();

/** The kinds of record a procedure input can name by id. */
export const ID_KINDS = [
  'child',
  'shelter',
  'bed',
  'placement',
  'consent',
  'familyMember',
  'goal',
  'task',
  'legalEvent',
  /** Someone added directly to a child's visitor list: visible when its child is. */
  'visitor',
  /** A therapist's account: what therapy plans, sessions and availability name. */
  'therapist',
  'therapyPlan',
  'therapySession',
  /** A therapist's leave or blocked time. */
  'therapyLeave',
  /** A session note: named by those who see its child, its author, and readers the policy allows. */
  'therapyNote',
  /** A readiness or outcomes assessment: visible when its child is. */
  'reintegrationAssessment',
  /** A follow-up visit after reintegration: visible when its child is. */
  'aftercareVisit',
  /** Someone a child can be assigned to: what `staff.caseworkers` lists. */
  'caseworker',
  /** Any staff account (administrator procedures). */
  'user',
  /** An administrator's account (recovery). */
  'administrator',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

/**
 * Which kind of record each id field names. The router reads it (through `idFieldsOf`) and checks
 * every id a call carries against the caller's scope before any service runs.
 */
export const idKinds = z.registry<{ kind: IdKind }>();

/** An id field naming a record of `kind`: a fresh schema each time, so each carries its own kind. */
export function idOf(kind: IdKind) {
  return z.uuid({ version: 'v7' }).register(idKinds, { kind });
}

/** Where an id sits in an input: object keys, with '*' for every element of an array. */
export interface IdField {
  path: readonly string[];
  kind: IdKind;
}

type Def = z.core.$ZodTypeDef & {
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  element?: z.core.$ZodType;
  in?: z.core.$ZodType;
};

/** Every id field of a schema, found through objects, arrays, unions and optional wrappers. */
export function idFieldsOf(schema: z.core.$ZodType, path: readonly string[] = []): IdField[] {
  const meta = idKinds.get(schema);
  if (meta) return [{ path, kind: meta.kind }];
  const def = schema._zod.def as Def;
  if (def.shape) {
    return Object.entries(def.shape).flatMap(([key, field]) => idFieldsOf(field, [...path, key]));
  }
  if (def.innerType) return idFieldsOf(def.innerType, path);
  if (def.in) return idFieldsOf(def.in, path);
  if (def.element) return idFieldsOf(def.element, [...path, '*']);
  if (def.options) {
    const seen = new Map<string, IdField>();
    for (const option of def.options)
      for (const field of idFieldsOf(option, path)) seen.set(field.path.join('.'), field);
    return [...seen.values()];
  }
  return [];
}

/** The ids at a field's path in a parsed input, each with its own path (none when left out). */
export function idValuesAt(
  input: unknown,
  path: readonly string[],
  at: readonly (string | number)[] = [],
): { path: string; id: string }[] {
  if (path.length === 0)
    return typeof input === 'string' ? [{ path: at.join('.'), id: input }] : [];
  if (typeof input !== 'object' || input === null) return [];
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') {
    return Array.isArray(input) ? input.flatMap((v, i) => idValuesAt(v, rest, [...at, i])) : [];
  }
  return Object.hasOwn(input, head)
    ? idValuesAt((input as Record<string, unknown>)[head], rest, [...at, head])
    : [];
}
