// Words for the stable codes of the children vocabulary; every label lives in en-children.json.
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
import { isOneOf } from '../../../shared/text';
import type { AgendaItem, AgendaKind } from '../../../shared/children/contract';

export const statusText = (t: TFunction, status: ChildStatus) => t(`children.status.${status}`);
export const sexText = (t: TFunction, sex: Sex) => t(`children.sex.${sex}`);
export const domainText = (t: TFunction, domain: PlanDomain) => t(`children.domain.${domain}`);
export const goalStatusText = (t: TFunction, status: GoalStatus) =>
  t(`children.goalStatus.${status}`);
export const legalKindText = (t: TFunction, kind: LegalEventKind) =>
  t(`children.legalKind.${kind}`);
export const consentTypeText = (t: TFunction, type: ConsentType) =>
  t(`children.consentType.${type}`);
export const consentGiverText = (t: TFunction, giver: ConsentGiver) =>
  t(`children.consentGiver.${giver}`);

/** "12", or "12 (est.)" when the birth date is estimated. */
export function ageText(t: TFunction, age: number, estimated: boolean): string {
  return estimated ? t('children.age.estimated', { age }) : t('children.age.known', { age });
}

/** The kind of agenda item, for the kind filter and the "by kind" groups. */
export function agendaKindName(t: TFunction, kind: AgendaKind): string {
  switch (kind) {
    case 'task':
      return t('children.today.kindName.task');
    case 'goal':
      return t('children.today.kindName.goal');
    case 'legal':
      return t('children.today.kindName.legal');
    case 'legalName':
      return t('children.today.kindName.legalName');
  }
}

export function agendaKindText(t: TFunction, item: AgendaItem): string {
  if (item.kind === 'task') return t('children.today.kind.task');
  if (item.kind === 'legalName') return t('children.today.kind.legalName');
  if (item.kind === 'goal') {
    return isOneOf(PLAN_DOMAINS, item.category)
      ? t('children.today.kind.goalIn', { domain: domainText(t, item.category) })
      : t('children.today.kind.goal');
  }
  return isOneOf(LEGAL_EVENT_KINDS, item.category)
    ? legalKindText(t, item.category)
    : t('children.today.kind.legal');
}
