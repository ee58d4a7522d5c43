// Generated health records, after the placements: for each child placed at some time, a few rows
// (where her medico-legal report is held, one or two check-ups during her stay, now and then a
// medicine, and most often her PhilHealth membership). All fictional and obviously generated; rows
// go through the data layer like every write.
import type { CaseVault } from '../records/actor';
import { Random } from './prng';

const BATCH = 2_000;
const DAY = 86_400_000;

interface FirstStay {
  child_id: string;
  start_at: string;
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const CATEGORIES = ['dependent', 'indigent', 'sponsored'] as const;

/** Writes the rows and answers how many. */
export function writeHealth(vault: CaseVault, options: { seed: number; now: Date }): number {
  const rng = new Random(options.seed).fork(23);
  const now = options.now.getTime();
  const children = vault.db
    .prepare(
      `SELECT child_id, min(start_at) AS start_at FROM placements
       WHERE deleted_at IS NULL AND start_at < $now GROUP BY child_id ORDER BY child_id`,
    )
    .all({ now: options.now.toISOString() }) as unknown as FirstStay[];
  let written = 0;
  const insert = (values: Record<string, string | null>) => {
    vault.data.insert('health_records', values);
    written += 1;
  };
  /** A day from the admission to yesterday. */
  const since = (start: number) => dateOf(start + rng.next() * Math.max(0, now - DAY - start));
  for (let from = 0; from < children.length; from += BATCH) {
    vault.data.transaction(() => {
      for (const child of children.slice(from, from + BATCH)) {
        const start = Date.parse(child.start_at);
        const base = { child_id: child.child_id, note: null };
        if (rng.chance(0.8))
          insert({
            ...base,
            kind: 'medico_legal',
            date: dateOf(start - rng.int(1, 10) * DAY),
            held_at: 'Generated: the hospital child protection unit',
          });
        for (let i = rng.int(1, 2); i > 0; i -= 1)
          insert({
            ...base,
            kind: 'checkup',
            date: since(start),
            checked_by: 'Generated: rural health unit doctor',
            note: rng.chance(0.3) ? 'Generated: well, growth on track' : null,
          });
        if (rng.chance(0.3)) {
          const began = since(start);
          insert({
            ...base,
            kind: 'medicine',
            date: began,
            until: rng.chance(0.5) ? dateOf(Date.parse(began) + rng.int(7, 90) * DAY) : null,
            medicine: 'Generated: ferrous sulfate',
            dose: '1 tablet daily',
          });
        }
        if (rng.chance(0.7))
          insert({
            ...base,
            kind: 'philhealth',
            philhealth_number: `99-${String(rng.int(0, 999_999_999)).padStart(9, '0')}-${rng.int(0, 9)}`,
            philhealth_category: rng.pick(CATEGORIES),
          });
      }
    });
  }
  return written;
}
