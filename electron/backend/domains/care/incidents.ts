// Incidents: what happened, when, who was told (police, DSWD, family) and what follows. A new
// missing-from-care report also marks a placed child away ("away: missing" on the bed board)
// until she is back.
import type { Incident } from '../../../../shared/care/contract';
import type { IncidentKind, InformedParty } from '../../../../shared/care/vocabulary';
import { zonedInstant } from '../../../../shared/time';
import { clockFor, FieldErrors, type CaseActor, type CaseVault } from '../../records/actor';
import { currentPlacementRow } from '../../records/rows';
import { requireOwned, requireVisibleChild } from '../../records/scope';
import { openAwayEpisode } from './away';

interface IncidentRow {
  id: string;
  child_id: string;
  kind: IncidentKind;
  occurred_on: string;
  occurred_time: string | null;
  description: string;
  informed: string;
  informed_note: string | null;
  follow_up: string | null;
  away_episode_id: string | null;
}

const INCIDENT_SELECT = `SELECT i.*, (SELECT a.id FROM away_episodes a
    WHERE a.incident_id = i.id AND a.deleted_at IS NULL LIMIT 1) AS away_episode_id
  FROM incidents i`;

function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    childId: row.child_id,
    kind: row.kind,
    occurredOn: row.occurred_on,
    occurredTime: row.occurred_time,
    description: row.description,
    informed: JSON.parse(row.informed) as InformedParty[],
    informedNote: row.informed_note,
    followUp: row.follow_up,
    awayEpisodeId: row.away_episode_id,
  };
}

/** A child's incidents, newest first (one seek on incidents(child_id, occurred_on)). */
export function incidentsOf(vault: CaseVault, childId: string): Incident[] {
  return (
    vault.db
      .prepare(
        `${INCIDENT_SELECT} WHERE i.child_id = ? AND i.deleted_at IS NULL
         ORDER BY i.occurred_on DESC, i.occurred_time DESC`,
      )
      .all([childId]) as unknown as IncidentRow[]
  ).map(toIncident);
}

export interface IncidentInput {
  id?: string | undefined;
  childId: string;
  kind: IncidentKind;
  occurredOn: string;
  occurredTime?: string | undefined;
  description: string;
  informed: InformedParty[];
  informedNote?: string | undefined;
  followUp?: string | undefined;
}

export function saveIncident(vault: CaseVault, actor: CaseActor, input: IncidentInput): Incident {
  const existing = input.id ? requireOwned<IncidentRow>(vault, actor, 'incidents', input.id) : null;
  const errors = new FieldErrors();
  // Another child's incident is not this one's to correct.
  if (existing && existing.child_id !== input.childId) errors.add('childId', 'notFound');
  const child = requireVisibleChild(vault, actor, input.childId);
  const clock = clockFor(vault, actor);
  const occurredAt = zonedInstant(input.occurredOn, input.occurredTime ?? '00:00', clock.timeZone);
  errors.notFutureInstant('occurredOn', occurredAt, clock);
  // The away episode a missing report opened stays tied to it, so the kind cannot move to or from it.
  const wasMissing = existing?.kind === 'missing_from_care';
  if (existing && wasMissing !== (input.kind === 'missing_from_care'))
    errors.add('kind', 'care.missingKindFixed');
  errors.throwIfAny();

  const values = {
    child_id: child.id,
    kind: input.kind,
    occurred_on: input.occurredOn,
    occurred_time: input.occurredTime ?? null,
    description: input.description,
    informed: JSON.stringify([...new Set(input.informed)]),
    informed_note: input.informedNote || null,
    follow_up: input.followUp || null,
  };
  const id = existing?.id ?? vault.data.insert('incidents', values);
  if (existing) vault.data.update('incidents', id, values);
  else if (input.kind === 'missing_from_care' && currentPlacementRow(vault, child.id)) {
    openAwayEpisode(vault, {
      childId: child.id,
      kind: 'missing',
      leftAt: occurredAt,
      plannedReturnOn: null,
      note: null,
      incidentId: id,
    });
  }
  return toIncident(
    vault.db.prepare(`${INCIDENT_SELECT} WHERE i.id = ?`).get([id]) as unknown as IncidentRow,
  );
}
