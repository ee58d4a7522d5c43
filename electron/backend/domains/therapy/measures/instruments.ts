// Outcome-measure definitions: the built-in ones (JSON beside this file, checked when first used)
// and those an administrator imported (a new instrument, a new version, another country's norms).
// Either way a definition is parsed by the one schema, so a bad file never reaches a score.
import { AppError } from '../../../../../shared/errors';
import {
  instrumentDefinitionSchema,
  totalRange,
  type Instrument,
  type InstrumentDefinition,
} from '../../../../../shared/therapy/measures';
import type { CaseVault } from '../../../records/actor';
import cats36 from './instruments/cats-3-6.json';
import cats717 from './instruments/cats-7-17.json';
import cpss5 from './instruments/cpss-5.json';
import sdq from './instruments/sdq.json';

function withRange(definition: InstrumentDefinition, builtIn: boolean): Instrument {
  return { ...definition, builtIn, total: totalRange(definition.subscales) };
}

let builtIns: Instrument[] | null = null;

/** The shipped definitions; a shipped file that fails its schema is a bug, and throws. */
export function builtInInstruments(): Instrument[] {
  builtIns ??= [cpss5, cats717, cats36, sdq].map((raw) =>
    withRange(instrumentDefinitionSchema.parse(raw), true),
  );
  return builtIns;
}

/** Every definition, built-in and imported, by code then version. */
export function listInstruments(vault: CaseVault): Instrument[] {
  const imported = (
    vault.db.prepare('SELECT definition FROM outcome_instruments ORDER BY code, version').all() as {
      definition: string;
    }[]
  ).map(({ definition }) =>
    withRange(instrumentDefinitionSchema.parse(JSON.parse(definition)), false),
  );
  return [...(builtIns ?? builtInInstruments()), ...imported].sort(
    (a, b) => a.code.localeCompare(b.code) || a.version - b.version,
  );
}

export function findInstrument(vault: CaseVault, code: string, version: number): Instrument {
  const found = listInstruments(vault).find((i) => i.code === code && i.version === version);
  if (!found)
    throw new AppError('VALIDATION', 'validation', {
      fields: { instrumentCode: 'measures.unknownInstrument' },
    });
  return found;
}

/**
 * Imports a definition file. Its text must be JSON that passes the schema; a code and version
 * already known are refused, so a stored score always keeps the definition it was banded with.
 */
export function importInstrument(vault: CaseVault, text: string): Instrument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'validation', { fields: { definition: 'measures.notJson' } });
  }
  const parsed = instrumentDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('VALIDATION', 'validation', {
      fields: {
        definition: first?.message.startsWith('measures.')
          ? first.message
          : 'measures.invalidDefinition',
      },
      details: { path: first?.path.join('.') ?? null },
    });
  }
  const definition = parsed.data;
  if (
    listInstruments(vault).some(
      (i) => i.code === definition.code && i.version === definition.version,
    )
  ) {
    throw new AppError('CONFLICT', 'measures.versionExists', {
      details: { code: definition.code, version: definition.version },
    });
  }
  vault.data.insert('outcome_instruments', {
    code: definition.code,
    version: definition.version,
    definition: JSON.stringify(definition),
  });
  return withRange(definition, false);
}
