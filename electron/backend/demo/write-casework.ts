// Generated casework records, after the placements and legal events: for each child placed at
// some time, her schooling (one or two records), one to three case conferences during her stay
// (the latest with its next review), and, for most, the case against one accused with her
// hearings and testimony linked to it. So the case file's casework sections hold rows at every
// size, as the benchmark's case-file load must read them. All fictional and obviously generated;
// rows go through the data layer like every write.
import type { CaseVault } from '../records/actor';
import { Random } from './prng';

const BATCH = 2_000;
const DAY = 86_400_000;
const STAGES = ['complaint', 'preliminary_investigation', 'filed_in_court', 'trial'] as const;
const GRADES = ['Grade 4', 'Grade 6', 'Grade 8', 'Grade 10', 'ALS Elementary', 'ALS Junior High'];

interface FirstStay {
  child_id: string;
  start_at: string;
}

interface HearingRow {
  id: string;
  child_id: string;
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface CaseworkCounts {
  educationRecords: number;
  caseConferences: number;
  accusedCases: number;
}

/** Writes the rows and answers how many of each. */
export function writeCasework(
  vault: CaseVault,
  options: { seed: number; now: Date },
): CaseworkCounts {
  const rng = new Random(options.seed).fork(29);
  const now = options.now.getTime();
  const children = vault.db
    .prepare(
      `SELECT child_id, min(start_at) AS start_at FROM placements
       WHERE deleted_at IS NULL AND start_at < $now GROUP BY child_id ORDER BY child_id`,
    )
    .all({ now: options.now.toISOString() }) as unknown as FirstStay[];
  const hearings = new Map<string, string[]>();
  for (const row of vault.db
    .prepare(
      `SELECT id, child_id FROM legal_events
       WHERE deleted_at IS NULL AND kind IN ('hearing', 'testimony') ORDER BY child_id, date`,
    )
    .all() as unknown as HearingRow[]) {
    hearings.set(row.child_id, [...(hearings.get(row.child_id) ?? []), row.id]);
  }
  const counts: CaseworkCounts = { educationRecords: 0, caseConferences: 0, accusedCases: 0 };
  /** A day from the admission to yesterday. */
  const since = (start: number) => dateOf(start + rng.next() * Math.max(0, now - DAY - start));
  for (let from = 0; from < children.length; from += BATCH) {
    vault.data.transaction(() => {
      for (const child of children.slice(from, from + BATCH)) {
        const start = Date.parse(child.start_at);
        for (let i = rng.int(1, 2); i > 0; i -= 1) {
          const kind = rng.chance(0.1) ? 'not_enrolled' : rng.chance(0.3) ? 'als' : 'school';
          vault.data.insert('education_records', {
            child_id: child.child_id,
            kind,
            school:
              kind === 'not_enrolled'
                ? null
                : 'Generated: the barangay elementary school or ALS centre',
            grade_level: kind === 'not_enrolled' ? null : rng.pick(GRADES),
            since: since(start),
            attendance_notes: rng.chance(0.3) ? 'Generated: attends most days' : null,
          });
          counts.educationRecords += 1;
        }
        const held = Array.from({ length: rng.int(1, 3) }, () => since(start)).sort();
        held.forEach((heldOn, i) => {
          vault.data.insert('case_conferences', {
            child_id: child.child_id,
            held_on: heldOn,
            attendees: 'Generated: caseworker, psychologist, house parent',
            minutes: 'Generated: progress in the shelter and in school reviewed.',
            decisions: rng.chance(0.5) ? 'Generated: continue the case plan.' : null,
            next_review_on:
              i === held.length - 1 ? dateOf(Date.parse(heldOn) + rng.int(30, 90) * DAY) : null,
          });
          counts.caseConferences += 1;
        });
        if (!rng.chance(0.7)) continue;
        const accusedId = vault.data.insert('accused_cases', {
          child_id: child.child_id,
          family_member_id: null,
          name: 'Generated: an accused adult',
          prosecutor: rng.chance(0.6) ? 'Generated: the provincial prosecutor' : null,
          case_number: rng.chance(0.6) ? `CR-${rng.int(1000, 9999)}` : null,
          stage: rng.pick(STAGES),
          live_link_testimony: rng.chance(0.4) ? 1 : 0,
          support_person: rng.chance(0.5) ? 'Generated: the social worker' : null,
          notes: null,
        });
        counts.accusedCases += 1;
        for (const eventId of hearings.get(child.child_id) ?? [])
          vault.data.insert('accused_case_events', {
            accused_case_id: accusedId,
            legal_event_id: eventId,
          });
      }
    });
  }
  return counts;
}
