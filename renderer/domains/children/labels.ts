// Words for the stable codes of shared/cases.ts; every label lives in en-cases.json.
import type { TFunction } from 'i18next';
import {
  LEGAL_EVENT_KINDS,
  PLAN_DOMAINS,
  type ChildStatus,
  type ConsentGiver,
  type ConsentType,
  type GoalStatus,
  type LegalEventKind,
  type PlanDomain,
  type Sex,
} from '../../../shared/children/vocabulary';
import { type DischargeDestination } from '../../../shared/shelters/vocabulary';
import type { AgendaItem, AgendaKind } from '../../../shared/children/contract';

export const statusText = (t: TFunction, status: ChildStatus) => t(`cases.status.${status}`);
export const sexText = (t: TFunction, sex: Sex) => t(`cases.sex.${sex}`);
export const domainText = (t: TFunction, domain: PlanDomain) => t(`cases.domain.${domain}`);
export const goalStatusText = (t: TFunction, status: GoalStatus) => t(`cases.goalStatus.${status}`);
export const legalKindText = (t: TFunction, kind: LegalEventKind) => t(`cases.legalKind.${kind}`);
export const consentTypeText = (t: TFunction, type: ConsentType) => t(`cases.consentType.${type}`);
export const consentGiverText = (t: TFunction, giver: ConsentGiver) =>
  t(`cases.consentGiver.${giver}`);
export const destinationText = (t: TFunction, destination: DischargeDestination) =>
  t(`cases.destination.${destination}`);

/** "12", or "12 (est.)" when the birth date is estimated. */
export function ageText(t: TFunction, age: number, estimated: boolean): string {
  return estimated ? t('cases.age.estimated', { age }) : t('cases.age.known', { age });
}

/** Codes that arrive as plain strings (timeline params, agenda categories) are checked first. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** The kind of agenda item, for the kind filter and the "by kind" groups. */
export function agendaKindName(t: TFunction, kind: AgendaKind): string {
  switch (kind) {
    case 'task':
      return t('cases.today.kindName.task');
    case 'goal':
      return t('cases.today.kindName.goal');
    case 'legal':
      return t('cases.today.kindName.legal');
    case 'legalName':
      return t('cases.today.kindName.legalName');
  }
}

export function agendaKindText(t: TFunction, item: AgendaItem): string {
  if (item.kind === 'task') return t('cases.today.kind.task');
  if (item.kind === 'legalName') return t('cases.today.kind.legalName');
  if (item.kind === 'goal') {
    return isOneOf(PLAN_DOMAINS, item.category)
      ? t('cases.today.kind.goalIn', { domain: domainText(t, item.category) })
      : t('cases.today.kind.goal');
  }
  return isOneOf(LEGAL_EVENT_KINDS, item.category)
    ? legalKindText(t, item.category)
    : t('cases.today.kind.legal');
}
