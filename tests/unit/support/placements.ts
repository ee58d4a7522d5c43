// Placements driven through the case services on a vault opened for the test: no backend, no
// sign-in, each test builds the few children, shelters and beds it needs.
import { AppError, type AppErrorShape } from '../../../shared/errors';
import { childrenProcedures } from '../../../shared/children/contract';
import { sheltersProcedures } from '../../../shared/shelters/contract';
import { registerChild, type CaseActor } from '../../../electron/backend/domains/children';
import { admitChild, saveBed, saveShelter } from '../../../electron/backend/domains/shelters';
import { childInput } from './cases';
import { openServiceVault } from './backend';
import type { CaseVault } from '../../../electron/backend/records/actor';

export const COORDINATOR: CaseActor = {
  userId: 'fictional-coordinator',
  role: 'coordinator',
  shelterScope: [],
};

/** Fixed instants long past, at 02:00 UTC (the same calendar date in UTC and in Manila). */
export const on = (date: string, time = '02:00:00.000') => `${date}T${time}Z`;

export async function placementVault() {
  const vault = await openServiceVault();
  let shelters = 0;
  const child = (overrides: Record<string, unknown> = {}) =>
    registerChild(
      vault,
      COORDINATOR,
      childrenProcedures['children.register'].input.parse(
        childInput({ referralDate: '2024-01-10', intakeDate: '2024-01-10', ...overrides }),
      ),
    ).id;
  /** A shelter with `beds` beds (ids in order); no rule is broken unless `rules` says so. */
  const shelter = (beds: number, rules: Record<string, unknown> = {}) => {
    shelters += 1;
    const input = sheltersProcedures['shelters.save'].input.parse({
      name: `Fictional Home ${shelters}`,
      type: 'ngo_shelter',
      sexRule: 'any',
      minAge: 0,
      maxAge: 25,
      capacity: 20,
      ...rules,
    });
    const { id } = saveShelter(vault, COORDINATOR, input);
    let saved = saveShelter(vault, COORDINATOR, { ...input, id });
    for (let i = 1; i <= beds; i += 1)
      saved = saveBed(vault, COORDINATOR, { shelterId: id, label: `Bed ${i}` });
    return { id, beds: saved.beds.map((b) => b.id) };
  };
  const admit = (childId: string, bedId: string, startAt: string, overrideReason?: string) =>
    admitChild(vault, COORDINATOR, { childId, bedId, startAt, reason: 'Rescue', overrideReason });
  const reservedFor = (bedId: string) =>
    vault.db
      .prepare('SELECT reserved_for_child_id FROM beds WHERE id = ?', { pluck: true })
      .get([bedId]) as string | null;
  return { vault, child, shelter, admit, reservedFor };
}

/** An active weekly course of therapy, written straight to the vault as a saved plan is stored. */
export function insertTherapyPlan(
  vault: CaseVault,
  plan: { childId: string; therapistId: string; startedOn: string },
): string {
  return vault.data.insert('therapy_plans', {
    child_id: plan.childId,
    therapist_id: plan.therapistId,
    modality: 'tf_cbt',
    goals: '[]',
    frequency: 'weekly',
    session_minutes: 60,
    planned_sessions: 12,
    pref_therapist_gender: 'any',
    pref_time_of_day: 'any',
    status: 'active',
    started_on: plan.startedOn,
  });
}

/** The refusal a call throws, as the renderer would see it; 'ok' when it did not refuse. */
export function refusal(call: () => unknown): AppErrorShape | 'ok' {
  try {
    call();
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.toShape();
    throw error;
  }
}
