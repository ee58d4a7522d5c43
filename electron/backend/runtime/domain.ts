// What a domain contributes to the backend. The composition root (composition.ts) lists the
// domains; this file only says what one is, so a domain can name the shape without a cycle.
import type { AuditTargets, Handlers } from './call-context';
import type { DischargeDestination } from '../../../shared/shelters/vocabulary';
import type { CaseActor, CaseVault, Clock } from '../records/actor';
import type { ChildRow, PlacementRow } from '../records/rows';

/** What one domain's handlers may use of the others' contributions. */
export interface DomainHooks {
  /** Every domain's pre-discharge checks, in the order the composition root lists the domains. */
  dischargeGuards: readonly DischargeGuard[];
}

export interface Domain {
  name: string;
  handlers?: (hooks: DomainHooks) => Partial<Handlers>;
  /** The audit target of each of its audited procedures whose handler does not set one. */
  auditTargets?: AuditTargets;
  /** Checks that may refuse a discharge (see dischargeChild), run in the discharge's transaction. */
  dischargeGuards?: readonly DischargeGuard[];
}

// ---- discharge guards: the one cross-domain hook so far ------------------------------------
export interface DischargeInput {
  childId: string;
  at: string;
  destination: DischargeDestination;
  exitNote: string;
}

export interface DischargeRequest extends DischargeInput {
  actor: CaseActor;
  child: ChildRow;
  placement: PlacementRow;
  clock: Clock;
}

/**
 * A check that may refuse a discharge by throwing an AppError (e.g. CONFLICT or NEEDS_OVERRIDE).
 * Guards run in the discharge's transaction, before anything is written, in the order the composition root lists them.
 */
export type DischargeGuard = (vault: CaseVault, request: DischargeRequest) => void;
