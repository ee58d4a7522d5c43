// What a domain contributes to the backend. The composition root (composition.ts) lists the
// domains; this file only says what one is, so a domain can name the shape without a cycle.
import type { AuditTargets, Handlers } from './call-context';
import type { CaseFileSections, TimelineEntry } from '../../../shared/case-file';
import type { DischargeDestination } from '../../../shared/shelters/vocabulary';
import type { CaseActor, CaseVault, Clock } from '../records/actor';
import type { ChildRow, PlacementRow } from '../records/rows';
import type { SchemaPart } from '../db/schema';
import type { IdScope } from '../records/scope';

/** What one domain's handlers may use of the others' contributions. */
export interface DomainHooks {
  /** Every domain's pre-discharge checks, in the order the composition root lists the domains. */
  dischargeGuards: readonly DischargeGuard[];
  /** Every domain's follow-up of a discharge that went ahead, in the composition root's order. */
  dischargeEffects: readonly DischargeEffect[];
  /** Every domain's part of a child's case file, in the order the composition root lists them. */
  caseFileSections: readonly CaseFileSource[];
  /** Every domain's timeline entries, in the order the composition root lists the domains. */
  timelineSources: readonly TimelineSource[];
}

/**
 * A domain's contributions. As a SchemaPart it declares its tables (`tables.ts`: columns and sync
 * policy) and the migrations that make them (`migrations/`); the composition root sorts every
 * domain's migrations by version.
 */
export interface Domain extends SchemaPart {
  name: string;
  /** Who may name a record of each id kind its contract declares (see records/scope.ts). */
  idScope?: IdScope;
  handlers?: (hooks: DomainHooks) => Partial<Handlers>;
  /** The audit target of each of its audited procedures whose handler does not set one. */
  auditTargets?: AuditTargets;
  /** Checks that may refuse a discharge (see dischargeChild), run in the discharge's transaction. */
  dischargeGuards?: readonly DischargeGuard[];
  /** What it writes when a discharge goes ahead (see dischargeChild), in the same transaction. */
  dischargeEffects?: readonly DischargeEffect[];
  /** Its section of the case file (the fields it added to CaseFileSections in its contract). */
  caseFile?: CaseFileSource;
  /** Its entries on a child's timeline (kinds it added to TimelineKinds in its contract). */
  timeline?: TimelineSource;
}

// ---- the case file and the timeline: every domain may add to them ---------------------------
/**
 * One domain's part of the case file of `child`, a child the actor may see (already checked).
 * Runs in the same read as the rest of the file; shows only what the actor's role may see.
 */
export type CaseFileSource = (
  vault: CaseVault,
  actor: CaseActor,
  child: ChildRow,
) => Partial<CaseFileSections>;

/**
 * One domain's entries on the timeline of `child` (visible to the actor, already checked), in
 * any order: the children domain sorts them all. Params hold codes and short labels, never an
 * account, a note or a name.
 */
export type TimelineSource = (
  vault: CaseVault,
  actor: CaseActor,
  child: ChildRow,
) => TimelineEntry[];

// ---- discharge guards ------------------------------------------------------------------------
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

/**
 * What a domain writes once a discharge has gone ahead (e.g. reintegration's follow-up visits),
 * in the discharge's transaction, after the placement is ended and the status set.
 */
export type DischargeEffect = (vault: CaseVault, request: DischargeRequest) => void;
