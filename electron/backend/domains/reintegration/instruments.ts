// Reintegration instruments: the two shipped (JSON beside this file, checked when first used) and
// those an administrator imported. Either way a definition is parsed by the one schema, so a bad
// file never reaches an assessment; a code and version already known are refused, so an
// assessment always keeps the definition it was made with.
import { AppError } from '../../../../shared/errors';
import {
  reintegrationInstrumentSchema,
  type InstrumentEntry,
  type ReintegrationInstrument,
} from '../../../../shared/reintegration/instruments';
import type { CaseVault } from '../../records/actor';
import aftercareOutcomes from './instruments/aftercare-outcomes.json';
import familyReadiness from './instruments/family-readiness.json';

let builtIns: InstrumentEntry[] | null = null;

/** The shipped definitions; a shipped file that fails its schema is a bug, and throws. */
export function builtInInstruments(): InstrumentEntry[] {
  builtIns ??= [aftercareOutcomes, familyReadiness].map((raw) => ({
    ...reintegrationInstrumentSchema.parse(raw),
    builtIn: true,
  }));
  return builtIns;
}

/** Every definition, built-in and imported, by code then version. */
export function listInstruments(vault: CaseVault): InstrumentEntry[] {
  const imported = (
    vault.db
      .prepare('SELECT definition FROM reintegration_instruments ORDER BY code, version', {
        pluck: true,
      })
      .all() as string[]
  ).map((text) => ({
    ...reintegrationInstrumentSchema.parse(JSON.parse(text)),
    builtIn: false,
  }));
  return [...builtInInstruments(), ...imported].sort(
    (a, b) => a.code.localeCompare(b.code) || a.version - b.version,
  );
}

export function findInstrument(
  vault: CaseVault,
  code: string,
  version: number,
): ReintegrationInstrument {
  const found =
    builtInInstruments().find((i) => i.code === code && i.version === version) ??
    listInstruments(vault).find((i) => i.code === code && i.version === version);
  if (!found)
    throw new AppError('VALIDATION', 'validation', {
      fields: { instrumentCode: 'reintegration.unknownInstrument' },
    });
  return found;
}

/** The first problem of a definition that fails its schema, as a field error naming its path. */
function definitionProblem(raw: unknown): AppError | null {
  const parsed = reintegrationInstrumentSchema.safeParse(raw);
  if (parsed.success) return null;
  const first = parsed.error.issues[0];
  return new AppError('VALIDATION', 'validation', {
    fields: {
      definition: first?.message.startsWith('reintegration.')
        ? first.message
        : 'reintegration.invalidDefinition',
    },
    details: { path: first?.path.join('.') ?? null },
  });
}

export function importInstrument(vault: CaseVault, text: string): InstrumentEntry {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'validation', {
      fields: { definition: 'reintegration.notJson' },
    });
  }
  const problem = definitionProblem(raw);
  if (problem) throw problem;
  const definition = reintegrationInstrumentSchema.parse(raw);
  if (
    listInstruments(vault).some(
      (i) => i.code === definition.code && i.version === definition.version,
    )
  ) {
    throw new AppError('CONFLICT', 'reintegration.versionExists', {
      details: { code: definition.code, version: definition.version },
    });
  }
  vault.data.insert('reintegration_instruments', {
    code: definition.code,
    version: definition.version,
    definition: JSON.stringify(definition),
  });
  return { ...definition, builtIn: false };
}
