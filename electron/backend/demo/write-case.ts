// One child's case record and everything recorded around the placements: family, consents, the
// intake account, legal events and the case plan, all through the case services.
import { statusAfterDischarge } from '../../../shared/shelters/vocabulary';
import { initialsOf, suggestAlias } from '../../../shared/children/vocabulary';
import {
  recordConsent,
  recordIntake,
  registerChild,
  saveFamilyMember,
  saveGoal,
  saveLegalEvent,
  saveTask,
  withdrawConsent,
  type CaseActor,
  type CaseVault,
} from '../domains/children';
import { dayToDate, type DatasetPlan, type Moment, type PlannedChild } from './plan';
import { Random } from './prng';
import { planRecords } from './records';
import {
  ADMISSION_REASONS,
  EXIT_NOTES,
  INTAKE_ACCOUNT,
  RELATIVES,
  TRANSFER_REASONS,
} from './vocabulary';

/** Aftercare is monitored for about a year, then the case is closed by agreement. */
const MONITORING_DAYS = 365;

export interface CaseWrite {
  vault: CaseVault;
  plan: DatasetPlan;
  child: PlannedChild;
  actor: (at?: Date) => CaseActor;
  iso: (moment: Moment) => string;
  todayDay: number;
  seed: number;
  caseworkerId: string | undefined;
}

export interface WrittenCase {
  id: string;
  child: PlannedChild;
  /** One reason per placement, then the exit note. */
  reasons: string[];
  exitNote: string;
  closeDay: number | null;
}

/** One child's case record, family, consents, intake account, legal events and plan. */
export function writeCase(w: CaseWrite): WrittenCase {
  const { vault, plan, child, actor, iso } = w;
  const rng = new Random(w.seed).fork(1_000 + child.index);
  const household = plan.households[child.household]!;
  const intakeAt = new Date(iso(child.intake));
  // An alias from a stream of its own, so the same seed gives the same aliases and every other
  // generated value stays as it was.
  const aliasRng = new Random(w.seed).fork(2_000_000 + child.index);
  const { id } = registerChild(vault, actor(intakeAt), {
    legalName: child.legalName,
    alias: suggestAlias((n) => aliasRng.int(0, n - 1), initialsOf(child.legalName)),
    ...(child.preferredName ? { preferredName: child.preferredName } : {}),
    birth: child.birth,
    sex: child.sex,
    languages: child.languages,
    referralSource: child.referralSource,
    referralDate: dayToDate(child.referralDay),
    intakeDate: dayToDate(child.intake.day),
    ...(child.rescueDay !== null ? { rescueDate: dayToDate(child.rescueDay) } : {}),
    ...(child.referringAgencyRef ? { referringAgencyRef: child.referringAgencyRef } : {}),
    ...(w.caseworkerId ? { assignedCaseworkerId: w.caseworkerId } : {}),
  });

  // When the case stops being worked: closed after monitoring, or handed to another agency.
  const last = child.segments[child.segments.length - 1];
  const dischargeDay = child.discharge && last?.end ? last.end.day : null;
  const status = child.discharge ? statusAfterDischarge(child.discharge.destination) : null;
  const closeDay =
    status === 'aftercare' && dischargeDay !== null && dischargeDay + MONITORING_DAYS < w.todayDay
      ? dischargeDay + MONITORING_DAYS
      : null;
  const inactiveFrom = status === 'aftercare' ? closeDay : dischargeDay;
  const records = planRecords(rng, {
    todayDay: w.todayDay,
    intakeDay: child.intake.day,
    inactiveFrom,
    province: household.province,
  });

  const flaggedSince = dayToDate(child.rescueDay ?? child.intake.day);
  for (const person of household.members.slice(0, child.familyCount)) {
    saveFamilyMember(vault, actor(), {
      childId: id,
      name: person.name,
      relationship: RELATIVES[person.kind].relationship,
      ...(person.phone ? { phone: person.phone } : {}),
      ...(person.livesInHousehold ? { address: household.address } : {}),
      livesInHousehold: person.livesInHousehold,
      allegedOffender: person.allegedOffender,
      ...(person.allegedOffender ? { allegedOffenderSince: flaggedSince } : {}),
      noContactOrder: person.noContactOrder,
      ...(person.noContactOrder ? { noContactOrderDate: records.noContactOrderDate } : {}),
      ...(person.allegedOffender ? { notes: 'Fictional demo: flagged for the safety rules.' } : {}),
    });
  }
  for (const consent of records.consents) {
    const { withdrawnOn, ...given } = consent;
    const saved = recordConsent(vault, actor(), { childId: id, ...given });
    if (withdrawnOn) {
      withdrawConsent(vault, actor(), {
        id: saved.id,
        withdrawnOn,
        reason: 'Fictional demo: the guardian withdrew this consent.',
      });
    }
  }
  if (child.segments.length > 0 || rng.chance(0.5)) {
    recordIntake(vault, actor(new Date(intakeAt.getTime() + 2 * 3_600_000)), {
      childId: id,
      heldWhere: 'joint_interview',
      reference: 'Fictional joint interview, WCPD and DSWD; recording kept by the prosecutor',
      account: INTAKE_ACCOUNT,
    });
  }
  for (const event of records.legal) saveLegalEvent(vault, actor(), { childId: id, ...event });
  for (const { tasks, ...goal } of records.goals) {
    const saved = saveGoal(vault, actor(), { childId: id, ...goal });
    for (const task of tasks) saveTask(vault, actor(), { childId: id, goalId: saved.id, ...task });
  }
  return {
    id,
    child,
    reasons: child.segments.map((_, k) => rng.pick(k === 0 ? ADMISSION_REASONS : TRANSFER_REASONS)),
    exitNote: rng.pick(EXIT_NOTES),
    closeDay,
  };
}
