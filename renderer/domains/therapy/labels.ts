// Words for the therapy vocabulary's stable codes; every label lives in en-therapy.json.
import type { TFunction } from 'i18next';
import type { OverrideTexts } from '../../ui/OverrideFields';
import type {
  Frequency,
  Modality,
  PlanProgress,
  PlanStatus,
  PracticeComponent,
  SessionKind,
  SessionStatus,
  TherapistGender,
  TimeOfDay,
} from '../../../shared/therapy/vocabulary';

export const modalityText = (t: TFunction, m: Modality) => t(`therapy.plan.modality.${m}`);
export const frequencyText = (t: TFunction, f: Frequency) => t(`therapy.plan.frequency.${f}`);
export const planStatusText = (t: TFunction, s: PlanStatus) => t(`therapy.plan.status.${s}`);
export const genderText = (t: TFunction, g: TherapistGender) =>
  t(`therapy.plan.therapistGender.${g}`);
export const timeOfDayText = (t: TFunction, d: TimeOfDay) => t(`therapy.plan.timeOfDay.${d}`);
export const componentText = (t: TFunction, c: PracticeComponent) =>
  t(`therapy.plan.component.${c}`);
export const sessionStatusText = (t: TFunction, s: SessionStatus) =>
  t(`therapy.schedule.status.${s}`);
export const sessionKindText = (t: TFunction, k: SessionKind) => t(`therapy.schedule.kind.${k}`);

/** "AR-2026-0042 M.C." as every therapy list names a child. */
export const childText = (t: TFunction, child: { caseCode: string; initials: string }) =>
  t('therapy.childLabel', { caseCode: child.caseCode, initials: child.initials });

/**
 * "Phase 2 — trauma narrative, session 7 of 14" for TF-CBT; "Session 7 of 14" for any other
 * course; before the first attended session, "Not started (14 sessions planned)".
 */
export function progressText(t: TFunction, progress: PlanProgress): string {
  if (progress.session === 0) {
    return t('therapy.plan.progress.notStarted', { count: progress.planned });
  }
  if (progress.phase === null || progress.phaseNumber === null) {
    return t('therapy.plan.progress.session', {
      session: progress.session,
      planned: progress.planned,
    });
  }
  return t('therapy.plan.progress.phase', {
    number: progress.phaseNumber,
    phase: t(`therapy.plan.phase.${progress.phase}`),
    session: progress.session,
    planned: progress.planned,
  });
}

/** The therapy forms' words for the override block (renderer/ui/OverrideFields). */
export const therapyOverrideTexts = (t: TFunction): OverrideTexts => ({
  heading: t('therapy.schedule.overrideHeading'),
  body: t('therapy.schedule.overrideBody'),
  reason: t('therapy.schedule.overrideReason'),
  hint: t('therapy.schedule.overrideHint'),
});
