// Households: the home siblings share (its address, notes and family members), each member's
// relationship to each child of it, joining a child to another child's household, and merging
// the same person recorded twice. Spread into the children domain's procedures.
import { z } from 'zod';
import { idOf } from '../ids';
import type { Role } from '../roles';
import { procedure } from '../procedure';
import { optionalText, requiredText } from '../text';

const CASE_TEAM: readonly Role[] = ['coordinator', 'caseworker'];

/** A child of a household, by case code only. */
export interface HouseholdChild {
  id: string;
  caseCode: string;
}

export interface HouseholdMember {
  id: string;
  name: string;
  /** The member's relationship to each child of the household the viewer may see; null: not set. */
  relationships: { childId: string; relationship: string | null }[];
}

/** One side of a merge candidate: a member and the children (the viewer may see) it is under. */
export interface MergeCandidateMember {
  id: string;
  name: string;
  relationship: string;
  address: string | null;
  caseCodes: string[];
}

/** The same person (name, relationship and address alike) recorded twice under siblings. */
export interface MergeCandidate {
  keep: MergeCandidateMember;
  merge: MergeCandidateMember;
}

export interface Household {
  /** Null until the child's household is first saved or given a family member. */
  id: string | null;
  address: string | null;
  notes: string | null;
  /** The children of the household the viewer may see (the child itself first). */
  children: HouseholdChild[];
  members: HouseholdMember[];
  /** Siblings the viewer may see who live in another household. */
  joinable: HouseholdChild[];
  mergeCandidates: MergeCandidate[];
}

export const householdsProcedures = {
  'households.get': procedure<Household>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: CASE_TEAM,
    kind: 'query',
  }),
  'households.save': procedure<Household>()({
    input: z.strictObject({
      childId: idOf('child'),
      address: optionalText(300),
      notes: optionalText(2000, { multiline: true }),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** The child moves into the household of `householdOfChildId`. */
  'households.join': procedure<null>()({
    input: z.strictObject({ childId: idOf('child'), householdOfChildId: idOf('child') }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'households.setRelationship': procedure<null>()({
    input: z.strictObject({
      memberId: idOf('familyMember'),
      childId: idOf('child'),
      relationship: requiredText(100),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** `mergeId` becomes `keepId`: its children, relationships, flags and consents carry over. */
  'households.merge': procedure<null>()({
    input: z.strictObject({ keepId: idOf('familyMember'), mergeId: idOf('familyMember') }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
};
