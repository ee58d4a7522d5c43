// Stored rows of the case tables and their mapping to the contract's output types.
import { ageOn, type ChildStatus, type Sex } from '../../../shared/children/vocabulary';
import {
  type DischargeDestination,
  type ShelterSexRule,
  type ShelterType,
} from '../../../shared/shelters/vocabulary';
import type {
  Birth,
  ChildListRow,
  ChildNames,
  ChildRecord,
} from '../../../shared/children/contract';
import type { Placement } from '../../../shared/shelters/contract';
import type { CaseVault } from './actor';

export interface ChildRow {
  id: string;
  case_code: string;
  case_year: number;
  case_seq: number;
  /** '' while the legal name is not known yet (the column is NOT NULL since the first schema). */
  legal_name: string;
  preferred_name: string | null;
  /** The real initials; only the name reveal sends them. */
  legal_initials: string;
  /** Fictitious initials, shown instead of the real ones everywhere else. */
  alias: string;
  search_text: string;
  birth_kind: 'dob' | 'estimated';
  date_of_birth: string | null;
  estimated_age_years: number | null;
  estimated_as_of: string | null;
  sex: Sex;
  gender_identity: string | null;
  languages: string;
  referral_source: string;
  referral_date: string;
  intake_date: string;
  rescue_date: string | null;
  referring_agency_ref: string | null;
  status: ChildStatus;
  assigned_caseworker_id: string | null;
  registered_by: string | null;
  sibling_group_id: string | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Unscoped: only for a record the caller has already been allowed to touch. */
export function childRowById(vault: CaseVault, id: string): ChildRow {
  const row = vault.db.prepare('SELECT * FROM children WHERE id = ?').get([id]);
  if (!row) throw new Error(`child ${id} vanished`);
  return row as unknown as ChildRow;
}

type BirthColumns = Pick<
  ChildRow,
  'birth_kind' | 'date_of_birth' | 'estimated_age_years' | 'estimated_as_of'
>;

export function birthOf(row: BirthColumns): Birth {
  return row.birth_kind === 'dob'
    ? { kind: 'dob', dateOfBirth: row.date_of_birth! }
    : {
        kind: 'estimated',
        estimatedAgeYears: row.estimated_age_years!,
        asOf: row.estimated_as_of!,
      };
}

export function birthColumns(birth: Birth): BirthColumns {
  return birth.kind === 'dob'
    ? {
        birth_kind: 'dob',
        date_of_birth: birth.dateOfBirth,
        estimated_age_years: null,
        estimated_as_of: null,
      }
    : {
        birth_kind: 'estimated',
        date_of_birth: null,
        estimated_age_years: birth.estimatedAgeYears,
        estimated_as_of: birth.asOf,
      };
}

export function toChildRecord(row: ChildRow, today: string): ChildRecord {
  const { age, estimated } = ageOn(birthOf(row), today);
  return {
    id: row.id,
    caseCode: row.case_code,
    alias: row.alias,
    status: row.status,
    age,
    ageEstimated: estimated,
    legalNameKnown: row.legal_name !== '',
    birth: birthOf(row),
    sex: row.sex,
    genderIdentity: row.gender_identity ?? undefined,
    languages: JSON.parse(row.languages) as string[],
    referralSource: row.referral_source,
    referralDate: row.referral_date,
    intakeDate: row.intake_date,
    rescueDate: row.rescue_date ?? undefined,
    referringAgencyRef: row.referring_agency_ref ?? undefined,
    assignedCaseworkerId: row.assigned_caseworker_id ?? undefined,
    siblingGroupId: row.sibling_group_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The names are kept out of every other answer: only children.revealName sends them. */
export function toChildNames(row: ChildRow): ChildNames {
  return {
    legalName: row.legal_name || null,
    preferredName: row.preferred_name,
    legalInitials: row.legal_initials,
  };
}

/** Columns a list row needs; selected by search and the sibling list. */
export const LIST_COLUMNS = `c.id, c.case_code, c.alias, c.status, c.birth_kind, c.date_of_birth,
  c.estimated_age_years, c.estimated_as_of,
  (SELECT s.name FROM placements cp JOIN shelters s ON s.id = cp.shelter_id
    WHERE cp.child_id = c.id AND cp.end_at IS NULL AND cp.deleted_at IS NULL) AS shelter_name,
  (SELECT u.display_name FROM users u WHERE u.id = c.assigned_caseworker_id) AS caseworker_name`;

export type ListRow = BirthColumns &
  Pick<ChildRow, 'id' | 'case_code' | 'alias' | 'status'> & {
    shelter_name: string | null;
    caseworker_name: string | null;
  };

export function toListRow(row: ListRow, today: string): ChildListRow {
  const { age, estimated } = ageOn(birthOf(row), today);
  return {
    id: row.id,
    caseCode: row.case_code,
    alias: row.alias,
    status: row.status,
    age,
    ageEstimated: estimated,
    shelterName: row.shelter_name,
    caseworkerName: row.caseworker_name,
  };
}

export interface PlacementRow {
  id: string;
  child_id: string;
  shelter_id: string;
  bed_id: string;
  start_at: string;
  end_at: string | null;
  reason: string;
  exit_destination: DischargeDestination | null;
  exit_note: string | null;
  override_reason: string | null;
  deleted_at: string | null;
}

type PlacementJoinRow = PlacementRow & {
  shelter_name: string;
  bed_label: string;
  bed_room: string | null;
};

const PLACEMENT_SELECT = `SELECT p.*, s.name AS shelter_name, b.label AS bed_label, b.room AS bed_room
  FROM placements p JOIN shelters s ON s.id = p.shelter_id JOIN beds b ON b.id = p.bed_id`;

function toPlacement(row: PlacementJoinRow): Placement {
  return {
    id: row.id,
    childId: row.child_id,
    shelterId: row.shelter_id,
    shelterName: row.shelter_name,
    bedId: row.bed_id,
    bedLabel: row.bed_label,
    room: row.bed_room,
    startAt: row.start_at,
    endAt: row.end_at,
    reason: row.reason,
    exitDestination: row.exit_destination,
    exitNote: row.exit_note,
    overrideReason: row.override_reason,
  };
}

export function loadPlacement(vault: CaseVault, id: string): Placement {
  const row = vault.db.prepare(`${PLACEMENT_SELECT} WHERE p.id = ?`).get([id]);
  if (!row) throw new Error(`placement ${id} vanished`);
  return toPlacement(row as unknown as PlacementJoinRow);
}

/** A child's placements, newest first. */
export function placementsOf(vault: CaseVault, childId: string): Placement[] {
  return (
    vault.db
      .prepare(
        `${PLACEMENT_SELECT} WHERE p.child_id = ? AND p.deleted_at IS NULL ORDER BY p.start_at DESC`,
      )
      .all([childId]) as unknown as PlacementJoinRow[]
  ).map(toPlacement);
}

/** The child's open placement: intervals never start in the future, so open means current. */
export function currentPlacementRow(vault: CaseVault, childId: string): PlacementRow | null {
  return (
    (vault.db
      .prepare(
        'SELECT * FROM placements WHERE child_id = ? AND end_at IS NULL AND deleted_at IS NULL',
      )
      .get([childId]) as PlacementRow | undefined) ?? null
  );
}

export interface ShelterRow {
  id: string;
  name: string;
  type: ShelterType;
  address: string | null;
  sex_rule: ShelterSexRule;
  min_age: number;
  max_age: number;
  capacity: number;
  deleted_at: string | null;
}

export interface BedRow {
  id: string;
  shelter_id: string;
  room: string | null;
  label: string;
  reserved_for_child_id: string | null;
  deleted_at: string | null;
}

export function shelterRowById(vault: CaseVault, id: string): ShelterRow | null {
  return (
    (vault.db.prepare('SELECT * FROM shelters WHERE id = ? AND deleted_at IS NULL').get([id]) as
      ShelterRow | undefined) ?? null
  );
}

export function bedRowById(vault: CaseVault, id: string): BedRow | null {
  return (
    (vault.db.prepare('SELECT * FROM beds WHERE id = ? AND deleted_at IS NULL').get([id]) as
      BedRow | undefined) ?? null
  );
}
