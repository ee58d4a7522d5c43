// The reintegration tests' set-up, in one builder: a service vault with two coordinators (the
// author and a reviewer), placed children with an aunt (and a mother flagged as alleged offender,
// living at home), and complete, submittable inputs for the two shipped instruments.
import { beforeAll } from 'vitest';
import {
  reintegrationProcedures,
  type VisitRecordInput,
} from '../../../shared/reintegration/contract';
import { saveFamilyMember } from '../../../electron/backend/domains/children';
import {
  approveAssessment,
  builtInInstruments,
  saveAssessment,
  submitAssessment,
} from '../../../electron/backend/domains/reintegration';
import type { CaseActor } from '../../../electron/backend/records/actor';
import { COORDINATOR, on, placementVault } from './placements';

/** The aunt of every test child: kinship care, living elsewhere, no flag. */
export const AUNT = {
  name: 'Fictional Lorna Dela Cruz',
  relationship: 'Aunt',
  livesInHousehold: false,
  allegedOffender: false,
  noContactOrder: false,
};

/** The mother: lives at home and is flagged as alleged offender. */
export const FLAGGED_MOTHER = {
  name: 'Fictional Rosa Dela Cruz',
  relationship: 'Mother',
  livesInHousehold: true,
  allegedOffender: true,
  allegedOffenderSince: '2024-12-01',
  noContactOrder: false,
};

/** The instant the builder's actors work at unless a test moves them (`at`). */
export const REINTEGRATION_NOW = new Date('2025-09-01T02:00:00.000Z');

/**
 * A service vault for the reintegration services: `author` writes and submits, `reviewer` (another
 * coordinator) approves or returns; `save` parses the input as the router would.
 */
export async function reintegrationVault() {
  const p = await placementVault();
  const user = (name: string) =>
    p.vault.data.insert('users', {
      username: name,
      display_name: `Fictional ${name}`,
      role: 'coordinator',
      shelter_scope: '[]',
      must_change_password: 0,
    });
  const author: CaseActor = { ...COORDINATOR, userId: user('author'), now: REINTEGRATION_NOW };
  const reviewer: CaseActor = { ...COORDINATOR, userId: user('reviewer'), now: REINTEGRATION_NOW };
  /** `actor` at 02:00 UTC on `date`. */
  const at = (actor: CaseActor, date: string): CaseActor => ({
    ...actor,
    now: new Date(`${date}T02:00:00.000Z`),
  });
  const save = (actor: CaseActor, input: Record<string, unknown>) =>
    saveAssessment(
      p.vault,
      actor,
      reintegrationProcedures['reintegration.save'].input.parse(input),
    );
  /** Saved and submitted by `actor`, approved by the reviewer at the same time. */
  const approved = (actor: CaseActor, input: Record<string, unknown>) => {
    const draft = save(actor, input);
    submitAssessment(p.vault, actor, draft.id);
    return approveAssessment(p.vault, { ...reviewer, now: actor.now }, draft.id);
  };
  /** A child placed since 2025-01-10 with an aunt; with `mother`, also the flagged mother. */
  function placedChild(options: { mother: true }): {
    childId: string;
    aunt: string;
    mother: string;
  };
  function placedChild(options?: { mother?: false }): { childId: string; aunt: string };
  function placedChild({ mother = false }: { mother?: boolean } = {}) {
    const childId = p.child();
    p.admit(childId, p.shelter(1).beds[0]!, on('2025-01-10'));
    const member = (fields: typeof AUNT | typeof FLAGGED_MOTHER) =>
      saveFamilyMember(p.vault, author, { childId, ...fields }).id;
    // The mother first, as the case file lists her before the aunt.
    const motherId = mother ? member(FLAGGED_MOTHER) : undefined;
    const aunt = member(AUNT);
    return motherId ? { childId, aunt, mother: motherId } : { childId, aunt };
  }
  return { ...p, author, reviewer, at, save, approved, placedChild };
}

export type ReintegrationVault = Awaited<ReturnType<typeof reintegrationVault>>;

/** The file's one vault, opened before its tests run: read its fields inside the tests. */
export function reintegrationFixture(): ReintegrationVault {
  const fixture = {} as ReintegrationVault;
  beforeAll(async () => {
    Object.assign(fixture, await reintegrationVault());
  });
  return fixture;
}

export function readinessAnswers(rating = 2): Record<string, number> {
  const instrument = builtInInstruments().find((i) => i.code === 'ARUGA-FRR')!;
  return Object.fromEntries(
    instrument.domains.flatMap((d) => d.items.map((item) => [item.key, rating] as const)),
  );
}

/** A save input for `childId`'s readiness assessment of `household`; `overrides` replace fields (answers merge). */
export function familyReadiness(
  childId: string,
  household: { kind: 'family' | 'kinship'; memberIds: string[] },
  overrides: Record<string, unknown> = {},
) {
  const { answers, ...rest } = overrides as { answers?: Record<string, number> };
  return {
    childId,
    instrumentCode: 'ARUGA-FRR',
    instrumentVersion: 1,
    household: { ...household, label: `Fictional ${household.kind} home` },
    visitDates: ['2025-08-20'],
    interviewed: 'Fictional aunt and uncle; the child separately',
    answers: { ...readinessAnswers(), ...answers },
    evidence: { familySafety: 'Fictional note: no visitors with access to the child' },
    childConsulted: true,
    consultedHow: 'Talked during a drawing activity, with her therapist present',
    childWishes: 'Fictional words: I want to live with Tita and go to school',
    recommendation: household.kind === 'kinship' ? 'kinship' : 'thisHousehold',
    ...rest,
  };
}

/** A complete save input for `childId`'s Aftercare Outcomes assessment, every item rated `rating`. */
export function aftercareOutcomes(
  childId: string,
  rating = 3,
  overrides: Record<string, unknown> = {},
) {
  const instrument = builtInInstruments().find((i) => i.code === 'ARUGA-AO')!;
  return {
    childId,
    instrumentCode: 'ARUGA-AO',
    instrumentVersion: 1,
    household: null,
    visitDates: ['2025-08-20'],
    interviewed: 'Fictional child and aunt',
    answers: Object.fromEntries(
      instrument.domains.flatMap((d) => d.items.map((item) => [item.key, rating] as const)),
    ),
    evidence: {},
    childConsulted: true,
    consultedHow: 'Talked at the kitchen table, with the aunt outside',
    childWishes: 'Fictional words: I like my new school',
    recommendation: null,
    ...overrides,
  };
}

/** A follow-up visit made on `visitedOn` that found the child seen, safe and nothing to follow up. */
export function safeVisit(id: string, visitedOn: string): VisitRecordInput {
  return {
    id,
    visitedOn,
    visitedBy: 'Fictional caseworker Reyes',
    childSeen: true,
    seenAlone: true,
    safetyChecks: { noOffenderContact: true, childFeelsSafe: true, noSignsOfHarm: true },
    schoolAttendance: 'regular',
    observations: '',
    riskChange: 'same',
    followUp: '',
  };
}
