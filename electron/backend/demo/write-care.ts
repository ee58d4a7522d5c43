// Generated daily care records, after the placements: the daily logs (contacts, and about one
// entry in five an incident) spread over the children's stays, each child's documents register
// (some papers still to obtain, a few due this week or late, some held ones expiring), and the
// children away from their shelter today (hospital, court, a home visit; now and then one
// missing from care, with its incident). All fictional and obviously generated; rows go through
// the data layer like every write.
import type { CaseVault } from '../records/actor';
import { Random } from './prng';

const BATCH = 2_000;
const DAY = 86_400_000;

export interface CareOptions {
  seed: number;
  now: Date;
  /** Contacts log entries and incidents together. */
  logEntries: number;
  documents: number;
}

export interface CareCounts {
  contacts: number;
  incidents: number;
  documents: number;
  awayEpisodes: number;
}

interface Stay {
  child_id: string;
  placement_id: string;
  start_at: string;
  end_at: string | null;
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const CONTACT_KINDS = ['visit', 'phone_call', 'video_call', 'online_message'] as const;
const INCIDENT_KINDS = ['conflict', 'injury', 'property', 'self_harm', 'other'] as const;
const HELD_DOCUMENTS = ['psa_birth_certificate', 'school_record', 'medical_record'] as const;
const TO_OBTAIN = ['late_registration', 'id', 'school_record', 'court_order'] as const;

export function writeCare(vault: CaseVault, options: CareOptions): CareCounts {
  const rng = new Random(options.seed).fork(17);
  const counts: CareCounts = { contacts: 0, incidents: 0, documents: 0, awayEpisodes: 0 };
  const now = options.now.getTime();
  const stays = vault.db
    .prepare(
      `SELECT child_id, id AS placement_id, start_at, end_at FROM placements
       WHERE deleted_at IS NULL AND start_at < $now ORDER BY start_at, id`,
    )
    .all({ now: options.now.toISOString() }) as unknown as Stay[];
  if (stays.length === 0) return counts;
  /** A day within the stay, before today. */
  const dayIn = (stay: Stay) => {
    const from = Date.parse(stay.start_at);
    const to = Math.min(stay.end_at ? Date.parse(stay.end_at) : now, now - DAY);
    return dateOf(from + rng.next() * Math.max(0, to - from));
  };

  const logEntry = (stay: Stay) => {
    const occurredOn = dayIn(stay);
    if (rng.chance(0.2)) {
      vault.data.insert('incidents', {
        child_id: stay.child_id,
        kind: rng.pick(INCIDENT_KINDS),
        occurred_on: occurredOn,
        occurred_time: `${String(rng.int(7, 21)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`,
        description: 'Generated: a fictional incident, handled by the house parent',
        informed: JSON.stringify(rng.chance(0.5) ? ['caseworker'] : ['caseworker', 'family']),
        follow_up: rng.chance(0.6) ? 'Generated: talk it through at the next house meeting' : null,
      });
      counts.incidents += 1;
      return;
    }
    const kind = rng.pick(CONTACT_KINDS);
    const online = kind === 'video_call' || kind === 'online_message';
    const supervised = kind === 'visit' || online || rng.chance(0.5);
    vault.data.insert('contact_log', {
      child_id: stay.child_id,
      kind,
      occurred_on: occurredOn,
      with_whom: rng.pick([
        'Generated: grandmother',
        'Generated: aunt',
        'Generated: older sister',
        'Generated: teacher',
      ]),
      supervised: supervised ? 1 : 0,
      supervised_by: supervised ? 'Generated: house parent' : null,
      device: online ? 'Generated: shelter tablet, shelter account' : null,
      safety_plan_followed: online ? (rng.chance(0.95) ? 1 : 0) : null,
      concerns: rng.chance(0.03) ? 'Generated: an unknown adult asked to join the call' : null,
    });
    counts.contacts += 1;
  };

  for (let from = 0; from < options.logEntries; from += BATCH) {
    vault.data.transaction(() => {
      for (let i = from; i < Math.min(options.logEntries, from + BATCH); i += 1) {
        logEntry(stays[rng.int(0, stays.length - 1)]!);
      }
    });
  }

  // The register: papers on file first, then ones still to obtain (a few due this week or late).
  const children = [...new Set(stays.map((s) => s.child_id))];
  const perChild = Math.ceil(options.documents / children.length);
  const document = (childId: string, index: number) => {
    const held = index < perChild - 1 || rng.chance(0.6);
    if (held) {
      const kind = HELD_DOCUMENTS[index % HELD_DOCUMENTS.length]!;
      vault.data.insert('child_documents', {
        child_id: childId,
        kind,
        status: 'held',
        reference: `Generated ${kind} ${index + 1}`,
        kept_where: 'Generated: cabinet 2, case folder',
        expires_on:
          kind === 'medical_record' && rng.chance(0.3)
            ? dateOf(now + rng.int(-10, 400) * DAY)
            : null,
      });
    } else {
      vault.data.insert('child_documents', {
        child_id: childId,
        kind: rng.pick(TO_OBTAIN),
        status: rng.chance(0.5) ? 'requested' : 'missing',
        due_on: dateOf(now + rng.int(-20, 90) * DAY),
        note: 'Generated: requested from the civil registrar',
      });
    }
    counts.documents += 1;
  };
  for (let from = 0; from < children.length; from += BATCH) {
    vault.data.transaction(() => {
      for (const childId of children.slice(from, from + BATCH)) {
        for (let i = 0; i < perChild && counts.documents < options.documents; i += 1) {
          document(childId, i);
        }
      }
    });
  }

  // Away today: one open stay in twenty-five (hospital, court or a home visit, back on a planned
  // day, now and then already overdue), and one in four hundred missing from care since last
  // night, with its incident.
  const open = stays.filter((s) => s.end_at === null);
  vault.data.transaction(() => {
    open.forEach((stay, i) => {
      if (i % 400 === 13) {
        const leftAt = new Date(now - rng.int(6, 20) * 3_600_000).toISOString();
        const incidentId = vault.data.insert('incidents', {
          child_id: stay.child_id,
          kind: 'missing_from_care',
          occurred_on: leftAt.slice(0, 10),
          description: 'Generated: not in her room at the evening count',
          informed: JSON.stringify(['police', 'dswd', 'caseworker']),
        });
        vault.data.insert('away_episodes', {
          child_id: stay.child_id,
          placement_id: stay.placement_id,
          kind: 'missing',
          left_at: leftAt,
          incident_id: incidentId,
        });
        counts.incidents += 1;
        counts.awayEpisodes += 1;
      } else if (i % 25 === 0) {
        vault.data.insert('away_episodes', {
          child_id: stay.child_id,
          placement_id: stay.placement_id,
          kind: rng.pick(['hospital', 'court', 'home_visit'] as const),
          left_at: new Date(now - rng.int(1, 3) * DAY).toISOString(),
          planned_return_on: dateOf(now + rng.int(-1, 4) * DAY),
          note: 'Generated: accompanied by the house parent',
        });
        counts.awayEpisodes += 1;
      }
    });
  });
  return counts;
}
