import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import type { TFunction } from 'i18next';
import type { OverrideTexts } from '../../../ui/OverrideFields';

/** The placement forms' words for the override block (renderer/ui/OverrideFields). */
export const placementOverrideTexts = (t: TFunction): OverrideTexts => ({
  heading: t('shelters.placementForm.overrideHeading'),
  body: t('shelters.placementForm.overrideBody'),
  reason: t('shelters.placementForm.overrideReason'),
  hint: t('shelters.placementForm.overrideHint'),
});

interface DateTimeProps {
  dateLabel: string;
  timeLabel: string;
  date: UseFormRegisterReturn;
  time: UseFormRegisterReturn;
  dateError: { message?: string } | undefined;
  timeError: { message?: string } | undefined;
  /** The latest date the picker offers (today, in the vault's time zone). */
  max: string;
  /** Id of the "Date and time in <zone>" note both inputs are described by. */
  zoneNoteId: string;
  /** Render the note under this row (once per dialog). */
  showZoneNote?: boolean;
}

/** A date and a time side by side, both read in the vault's time zone. */
export function DateTimeFields(props: DateTimeProps) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  return (
    <div>
      <div className="field-row">
        <Field label={props.dateLabel} error={props.dateError} describedBy={props.zoneNoteId}>
          {(a) => <input {...a} {...props.date} type="date" max={props.max} />}
        </Field>
        <Field label={props.timeLabel} error={props.timeError} describedBy={props.zoneNoteId}>
          {(a) => <input {...a} {...props.time} type="time" />}
        </Field>
      </div>
      {props.showZoneNote === false ? null : (
        <p className="field-hint zone-note" id={props.zoneNoteId}>
          {t('shelters.common.timeZoneHint', { timeZone })}
        </p>
      )}
    </div>
  );
}
