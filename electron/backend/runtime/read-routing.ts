// Which calls the backend's read-only twin (reader.ts) may answer. Kept apart from the reader so
// the host can decide without loading the services.
import { isProcedureName, procedures, type ProcedureName } from '../../../shared/contract';

/**
 * `session.touch` stays with the main backend: its whole point is the idle timer there. So does
 * `backup.status`: queued behind the automatic backup that a sign-in starts, it reports its end.
 */
const MAIN_ONLY: ReadonlySet<ProcedureName> = new Set(['session.touch', 'backup.status']);

/** Queries for signed-in roles that neither write nor audit. */
export function isPlainRead(name: string): boolean {
  if (!isProcedureName(name) || MAIN_ONLY.has(name)) return false;
  const spec = procedures[name];
  return (
    spec.kind === 'query' &&
    Array.isArray(spec.access) &&
    !('auditView' in spec && spec.auditView === true)
  );
}
