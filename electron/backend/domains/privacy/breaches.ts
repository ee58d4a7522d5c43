// The breach register (RA 10173; NPC Circular 16-03): what happened, when it was discovered, who
// was told, and when the National Privacy Commission was notified, due 72 hours after the
// discovery. An open breach is shown to the administrator until it is closed (see the renderer's
// BreachReminder); one past its 72 hours without a notification is overdue.
import { AppError } from '../../../../shared/errors';
import { NPC_NOTIFICATION_HOURS, type Breach } from '../../../../shared/privacy/contract';
import { CLOCK_SKEW_MS, zonedInstant } from '../../../../shared/time';
import { clockFor, dateOf, type CaseActor, type CaseVault } from '../../records/actor';

interface BreachRow {
  id: string;
  summary: string;
  discovered_at: string;
  notified: string;
  npc_notified_on: string | null;
  closed_at: string | null;
  closing_note: string | null;
  recorded_by_name: string | null;
}

const HOUR_MS = 3_600_000;

function toBreach(row: BreachRow, now: Date): Breach {
  const due = new Date(Date.parse(row.discovered_at) + NPC_NOTIFICATION_HOURS * HOUR_MS);
  return {
    id: row.id,
    summary: row.summary,
    discoveredAt: row.discovered_at,
    notified: row.notified,
    npcNotifiedOn: row.npc_notified_on,
    npcDueAt: due.toISOString(),
    overdue: row.closed_at === null && row.npc_notified_on === null && now > due,
    closedAt: row.closed_at,
    closingNote: row.closing_note,
    recordedByName: row.recorded_by_name,
  };
}

const SELECT = `SELECT b.*, u.display_name AS recorded_by_name
  FROM privacy_breaches b LEFT JOIN users u ON u.id = b.created_by
  WHERE b.deleted_at IS NULL`;

/** Open breaches first, the longest known first; then the closed ones, the latest closed first. */
export function listBreaches(vault: CaseVault, actor: CaseActor): Breach[] {
  const { now } = clockFor(vault, actor);
  const rows = vault.db
    .prepare(`${SELECT} ORDER BY b.closed_at IS NOT NULL, b.closed_at DESC, b.discovered_at, b.id`)
    .all() as unknown as BreachRow[];
  return rows.map((row) => toBreach(row, now));
}

function breachById(vault: CaseVault, actor: CaseActor, id: string): Breach {
  const row = vault.db.prepare(`${SELECT} AND b.id = ?`).get([id]) as unknown as
    BreachRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  return toBreach(row, clockFor(vault, actor).now);
}

function requireOpen(vault: CaseVault, actor: CaseActor, id: string): Breach {
  const breach = breachById(vault, actor, id);
  if (breach.closedAt) throw new AppError('CONFLICT', 'privacy.breachClosed');
  return breach;
}

export interface BreachSave {
  id?: string | undefined;
  summary: string;
  discoveredOn: string;
  discoveredTime: string;
  notified: string;
  npcNotifiedOn: string | null;
}

export function saveBreach(vault: CaseVault, actor: CaseActor, input: BreachSave): Breach {
  const clock = clockFor(vault, actor);
  const discoveredAt = zonedInstant(input.discoveredOn, input.discoveredTime, clock.timeZone);
  if (Date.parse(discoveredAt) > clock.now.getTime() + CLOCK_SKEW_MS)
    throw new AppError('VALIDATION', 'privacy.discoveredInFuture', {
      fields: { discoveredOn: 'privacy.discoveredInFuture' },
    });
  if (input.npcNotifiedOn !== null && input.npcNotifiedOn < dateOf(discoveredAt, clock.timeZone))
    throw new AppError('VALIDATION', 'privacy.notifiedBeforeDiscovery', {
      fields: { npcNotifiedOn: 'privacy.notifiedBeforeDiscovery' },
    });
  const values = {
    summary: input.summary,
    discovered_at: discoveredAt,
    notified: input.notified,
    npc_notified_on: input.npcNotifiedOn,
  };
  if (input.id) {
    requireOpen(vault, actor, input.id);
    vault.data.update('privacy_breaches', input.id, values);
    return breachById(vault, actor, input.id);
  }
  return breachById(vault, actor, vault.data.insert('privacy_breaches', values));
}

export function closeBreach(
  vault: CaseVault,
  actor: CaseActor,
  input: { id: string; closingNote: string },
): Breach {
  requireOpen(vault, actor, input.id);
  const { nowIso } = clockFor(vault, actor);
  vault.data.update('privacy_breaches', input.id, {
    closed_at: nowIso,
    closing_note: input.closingNote,
  });
  return breachById(vault, actor, input.id);
}
