// Free text refuses what cannot be seen but changes what is read or stored: control characters,
// bidirectional overrides and isolates, and unpaired surrogates — in every string field of the
// contract, each with a field message the forms can show.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PROCEDURE_NAMES, procedures, type ProcedureName } from '../../shared/contract';
import { TEXT_ERROR_KEYS, textProblem, type TextErrorKey } from '../../shared/text';
import { sample, withValueAt } from './support';

/** Every string field without a format (free text, usernames, times of day …) of a schema. */
function stringPaths(schema: z.core.$ZodType, path: string[] = []): string[][] {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    format?: string;
    shape?: Record<string, z.core.$ZodType>;
    innerType?: z.core.$ZodType;
    options?: readonly z.core.$ZodType[];
    element?: z.core.$ZodType;
  };
  if (def.type === 'string') return def.format ? [] : [path];
  if (def.shape)
    return Object.entries(def.shape).flatMap(([key, field]) => stringPaths(field, [...path, key]));
  if (def.innerType) return stringPaths(def.innerType, path);
  if (def.element) return stringPaths(def.element, [...path, '*']);
  if (def.options) return def.options.flatMap((option) => stringPaths(option, path));
  return [];
}

/** Textareas: tabs and line breaks belong there. */
const MULTILINE: Partial<Record<ProcedureName, string[]>> = {
  'consents.record': ['scope'],
  'consents.withdraw': ['reason'],
  'family.save': ['notes', 'flagClearReason'],
  'family.remove': ['reason'],
  'intake.record': ['account'],
  'intake.open': ['reason'],
  'intake.addAddendum': ['text'],
  'plan.saveGoal': ['goalInChildWords'],
  'legal.save': ['notes'],
  'households.save': ['notes'],
  'breaches.save': ['summary', 'notified'],
  'breaches.close': ['closingNote'],
  'incidents.save': ['description', 'followUp'],
  'accused.save': ['notes'],
  'education.save': ['attendanceNotes'],
  'conferences.save': ['attendees', 'minutes', 'decisions'],
  'contacts.save': ['concerns'],
  'shelters.save': ['address'],
  'placements.admit': ['reason', 'overrideReason'],
  'placements.transfer': ['reason', 'overrideReason'],
  'placements.discharge': ['exitNote'],
  'placements.edit': ['overrideReason'],
  'therapy.savePlan': ['goals', 'overrideReason'],
  'notes.read': ['breakGlassReason'],
  'notes.addAddendum': ['body'],
  'measures.importInstrument': ['definition'],
  'reintegration.importInstrument': ['definition'],
  'reintegration.save': [
    'interviewed',
    'consultedHow',
    'notConsultedWhy',
    'childWishes',
    'plan.services.school',
    'plan.services.livelihood',
    'plan.services.counselling',
    'plan.responsible',
  ],
  'reintegration.proposeClosure': ['closingNote', 'childView', 'familyView'],
  'reintegration.declineClosure': ['comment'],
  'reintegration.reopenCase': ['reason'],
  'reintegration.return': ['comment'],
  'reintegration.overrideAge': ['reason'],
  'reintegration.recordVisit': ['observations', 'followUp'],
  'therapy.createSeries': ['overrideReason'],
  'therapy.schedule': ['overrideReason'],
  'therapy.editSessions': ['overrideReason'],
  'therapy.cancelSessions': ['reason'],
  'therapy.recordSession': ['reason'],
  'retention.delete': ['reason'],
};

const REFUSED: [string, TextErrorKey][] = [
  ['Fictional\u0000Ana', 'text.control'],
  ['Fictional Ana\u0007', 'text.control'],
  ['Fictional\u001BAna', 'text.control'],
  ['Fictional\u007FAna', 'text.control'],
  ['Fictional\u009BAna', 'text.control'],
  ['Fictional\rAna', 'text.control'],
  ['Fictional \u202EanA', 'text.direction'],
  ['\u202AFictional Ana', 'text.direction'],
  ['Fictional \u2066Ana\u2069', 'text.direction'],
  ['Fictional Ana \uD83D', 'text.brokenCharacter'],
  ['\uDC67 Fictional Ana', 'text.brokenCharacter'],
];
const LINE_BREAKS = ['Fictional\tAna', 'Fictional\nAna', 'Fictional\r\nAna'];
const ACCEPTED = 'Fictional Niño Dela Cruz 👧🏽 ñ é 漢字';

const fieldsOf = (name: ProcedureName) =>
  stringPaths(procedures[name].input).map((path) => ({ name, path, key: path.join('.') }));
const ALL_FIELDS = PROCEDURE_NAMES.flatMap(fieldsOf);

function issueAt(name: ProcedureName, path: string[], value: string) {
  const input = withValueAt(sample('admin')[name], path, value);
  const result = procedures[name].input.safeParse(input);
  const at = path.map((p) => (p === '*' ? '0' : p)).join('.');
  if (result.success) return { refused: false, message: null };
  const issue = result.error.issues.find((i) => i.path.join('.') === at);
  return { refused: issue !== undefined, message: issue?.message ?? null };
}

describe('text', () => {
  it('finds the problem, or none, in a string', () => {
    for (const [text, key] of REFUSED)
      expect({ text, key: textProblem(text) }).toEqual({ text, key });
    for (const text of LINE_BREAKS) {
      expect(textProblem(text)).toBe('text.control');
      expect(textProblem(text, { multiline: true })).toBeNull();
    }
    expect(textProblem(ACCEPTED)).toBeNull();
    expect(TEXT_ERROR_KEYS).toEqual(['text.control', 'text.direction', 'text.brokenCharacter']);
  });

  it('every sample input is valid, so a refusal below is the swapped field’s', () => {
    for (const name of PROCEDURE_NAMES) {
      const result = procedures[name].input.safeParse(sample('admin')[name]);
      expect({ name, ok: result.success }).toEqual({ name, ok: true });
    }
  });

  it('every string field of every procedure refuses control, direction and broken characters', () => {
    let freeText = 0;
    for (const { name, path, key } of ALL_FIELDS) {
      // Free text takes ordinary words; formatted strings (usernames, times) refuse them anyway.
      const free = !issueAt(name, path, ACCEPTED).refused;
      if (free) freeText += 1;
      for (const [text, expected] of REFUSED) {
        const { refused, message } = issueAt(name, path, text);
        expect({ name, key, text, refused }).toEqual({ name, key, text, refused: true });
        if (free)
          expect({ name, key, text, message }).toEqual({ name, key, text, message: expected });
      }
      const multiline = MULTILINE[name]?.includes(key) ?? false;
      for (const text of LINE_BREAKS) {
        const { refused } = issueAt(name, path, text);
        expect({ name, key, text, refused }).toEqual({
          name,
          key,
          text,
          refused: !multiline || !free,
        });
      }
    }
    // The fields listed as multi-line are free-text fields of the contract.
    for (const [name, keys] of Object.entries(MULTILINE)) {
      for (const key of keys)
        expect(
          ALL_FIELDS.some((f) => f.name === name && f.key === key),
          `${name}.${key}`,
        ).toBe(true);
    }
    console.info(
      `[text] ${ALL_FIELDS.length} string fields checked, ${freeText} of them free text`,
    );
    expect(freeText).toBeGreaterThan(40);
  });
});
