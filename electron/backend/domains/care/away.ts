// Away episodes: a placed child leaves for a while and keeps her bed (hospital, court, a home
// visit), or is missing from care. One episode at a time; it ends when she is back, or when her
// placement ends (a discharge or transfer while away).
import { AppError } from '../../../../shared/errors';
import type { AwayEpisode } from '../../../../shared/care/contract';
import { isReturnOverdue, type AwayKind } from '../../../../shared/care/vocabulary';
import { zonedInstant } from '../../../../shared/time';
import { clockFor, FieldErrors, type CaseActor, type CaseVault } from '../../records/actor';
import { currentPlacementRow } from '../../records/rows';
import { requireOwned, requireVisibleChild } from '../../records/scope';

interface AwayRow {
  id: string;
  child_id: string;
  placement_id: string;
  kind: AwayKind;
  left_at: string;
  planned_return_on: string | null;
  returned_at: string | null;
  note: string | null;
  incident_id: string | null;
  /** The end of the placement it belongs to, if that ended. */
  placement_end_at: string | null;
}

const AWAY_SELECT = `SELECT a.*, p.end_at AS placement_end_at
  FROM away_episodes a JOIN placements p ON p.id = a.placement_id`;

function toAwayEpisode(row: AwayRow, today: string): AwayEpisode {
  const endedAt = row.returned_at ?? row.placement_end_at;
  return {
    id: row.id,
    childId: row.child_id,
    kind: row.kind,
    leftAt: row.left_at,
    plannedReturnOn: row.planned_return_on,
    returnedAt: row.returned_at,
    placementEndedAt: row.returned_at ? null : row.placement_end_at,
    note: row.note,
    incidentId: row.incident_id,
    overdue: endedAt === null && isReturnOverdue(row.planned_return_on, today),
  };
}

/** A child's away episodes, newest first (one seek on away_episodes(child_id, left_at)). */
export function awayEpisodesOf(vault: CaseVault, childId: string, today: string): AwayEpisode[] {
  return (
    vault.db
      .prepare(
        `${AWAY_SELECT} WHERE a.child_id = ? AND a.deleted_at IS NULL ORDER BY a.left_at DESC`,
      )
      .all([childId]) as unknown as AwayRow[]
  ).map((row) => toAwayEpisode(row, today));
}

function loadAway(vault: CaseVault, id: string, today: string): AwayEpisode {
  const row = vault.db.prepare(`${AWAY_SELECT} WHERE a.id = ?`).get([id]);
  return toAwayEpisode(row as unknown as AwayRow, today);
}

/** The away episode open during the child's current placement, if any. */
function openEpisodeId(vault: CaseVault, placementId: string): string | null {
  return (
    (vault.db
      .prepare(
        `SELECT id FROM away_episodes
         WHERE placement_id = ? AND returned_at IS NULL AND deleted_at IS NULL LIMIT 1`,
        { pluck: true },
      )
      .get([placementId]) as string | undefined) ?? null
  );
}

export interface OpenAwayInput {
  childId: string;
  kind: AwayKind;
  leftAt: string;
  plannedReturnOn: string | null;
  note: string | null;
  incidentId: string | null;
}

/**
 * Opens an episode for a child the caller has checked: CONFLICT while she is not placed, or is
 * already away. Returns its id.
 */
export function openAwayEpisode(vault: CaseVault, input: OpenAwayInput): string {
  const placement = currentPlacementRow(vault, input.childId);
  if (!placement) throw new AppError('CONFLICT', 'care.notPlaced');
  if (openEpisodeId(vault, placement.id)) throw new AppError('CONFLICT', 'care.alreadyAway');
  if (input.leftAt < placement.start_at) throw new AppError('CONFLICT', 'care.beforePlacement');
  return vault.data.insert('away_episodes', {
    child_id: input.childId,
    placement_id: placement.id,
    kind: input.kind,
    left_at: input.leftAt,
    planned_return_on: input.plannedReturnOn,
    note: input.note,
    incident_id: input.incidentId,
  });
}

export interface StartAwayInput {
  childId: string;
  kind: Exclude<AwayKind, 'missing'>;
  leftOn: string;
  leftTime: string;
  plannedReturnOn: string;
  note?: string | undefined;
}

export function startAway(vault: CaseVault, actor: CaseActor, input: StartAwayInput): AwayEpisode {
  const child = requireVisibleChild(vault, actor, input.childId);
  const clock = clockFor(vault, actor);
  const leftAt = zonedInstant(input.leftOn, input.leftTime, clock.timeZone);
  const errors = new FieldErrors().notFutureInstant('leftOn', leftAt, clock);
  if (input.plannedReturnOn < input.leftOn)
    errors.add('plannedReturnOn', 'care.returnBeforeLeaving');
  errors.throwIfAny();
  const id = openAwayEpisode(vault, {
    childId: child.id,
    kind: input.kind,
    leftAt,
    plannedReturnOn: input.plannedReturnOn,
    note: input.note || null,
    incidentId: null,
  });
  return loadAway(vault, id, clock.today);
}

export function returnFromAway(
  vault: CaseVault,
  actor: CaseActor,
  input: { id: string; returnedOn: string; returnedTime: string },
): AwayEpisode {
  const row = requireOwned<AwayRow>(vault, actor, 'away_episodes', input.id);
  const clock = clockFor(vault, actor);
  const current = loadAway(vault, row.id, clock.today);
  if (current.returnedAt || current.placementEndedAt)
    throw new AppError('CONFLICT', 'care.alreadyReturned');
  const returnedAt = zonedInstant(input.returnedOn, input.returnedTime, clock.timeZone);
  const errors = new FieldErrors().notFutureInstant('returnedOn', returnedAt, clock);
  if (returnedAt < row.left_at) errors.add('returnedOn', 'care.returnBeforeLeaving');
  errors.throwIfAny();
  vault.data.update('away_episodes', row.id, { returned_at: returnedAt });
  return loadAway(vault, row.id, clock.today);
}

export interface BoardAway {
  kind: AwayKind;
  plannedReturnOn: string | null;
  overdue: boolean;
}

/**
 * Which of these placements had their child away at instant `at` (the bed board's instant), by
 * placement id: one seek per placement on away_episodes(placement_id, left_at).
 */
export function awayAt(
  vault: CaseVault,
  placementIds: readonly string[],
  at: string,
  asOf: string,
): Map<string, BoardAway> {
  const away = new Map<string, BoardAway>();
  if (placementIds.length === 0) return away;
  const rows = vault.db
    .prepare(
      `SELECT a.placement_id, a.kind, a.planned_return_on
       FROM json_each($ids) j
       JOIN away_episodes a INDEXED BY away_episodes_placement
         ON a.placement_id = j.value AND a.deleted_at IS NULL AND a.left_at <= $at
       WHERE a.returned_at IS NULL OR a.returned_at > $at`,
    )
    .all({ ids: JSON.stringify(placementIds), at }) as {
    placement_id: string;
    kind: AwayKind;
    planned_return_on: string | null;
  }[];
  for (const row of rows) {
    away.set(row.placement_id, {
      kind: row.kind,
      plannedReturnOn: row.planned_return_on,
      overdue: isReturnOverdue(row.planned_return_on, asOf),
    });
  }
  return away;
}
