// Reintegration codes in words, from the catalogue; a score's reasons for "not safe".
import type { TFunction } from 'i18next';
import type {
  NotSafeReason,
  ReintegrationInstrument,
} from '../../../shared/reintegration/instruments';
import type {
  AssessmentStatus,
  HouseholdKind,
  Recommendation,
} from '../../../shared/reintegration/vocabulary';

export const statusText = (t: TFunction, status: AssessmentStatus) =>
  t(`reintegration.status.${status}`);

export const householdKindText = (t: TFunction, kind: HouseholdKind) =>
  t(`reintegration.household.${kind}`);

export const recommendationText = (t: TFunction, recommendation: Recommendation) =>
  t(`reintegration.recommendation.${recommendation}`);

export function reasonText(
  t: TFunction,
  reason: NotSafeReason,
  instrument: ReintegrationInstrument | undefined,
): string {
  if (reason.kind === 'safetyItem') {
    const item = instrument?.domains.flatMap((d) => d.items).find((i) => i.key === reason.itemKey);
    return t('reintegration.score.reasons.safetyItem', { item: item?.label ?? reason.itemKey });
  }
  if (reason.kind === 'band') return t('reintegration.score.reasons.band');
  return t(`reintegration.score.reasons.${reason.kind}`, { relationship: reason.relationship });
}
