// When and where a session is, shared by every scheduling dialog: a date (when the dialog asks
// for one), a start time in the vault's time zone and a length, then the room or place.
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TIME_OF_DAY } from '../../../../shared/time';
import { Field } from '../../../ui/Field';

type FieldMessage = { message?: string | undefined } | undefined;

/** The start-time and length checks every scheduling form makes before anything is sent. */
export function slotIssues(values: {
  startTime: string;
  durationMinutes: number;
}): { path: 'startTime' | 'durationMinutes'; message: string }[] {
  const issues: { path: 'startTime' | 'durationMinutes'; message: string }[] = [];
  if (!TIME_OF_DAY.test(values.startTime))
    issues.push({ path: 'startTime', message: values.startTime ? 'invalid' : 'required' });
  if (!Number.isInteger(values.durationMinutes))
    issues.push({ path: 'durationMinutes', message: 'required' });
  else if (values.durationMinutes < 15 || values.durationMinutes > 240)
    issues.push({ path: 'durationMinutes', message: 'therapy.duration' });
  return issues;
}

/** Date (optional), start time and length, side by side. */
export function SessionTimeFields({
  timeZone,
  date,
  startTime,
  durationMinutes,
  errors,
}: {
  timeZone: string;
  /** Left out where the date is not asked (a change to several sessions of a series). */
  date?: { label: string; registration: UseFormRegisterReturn; error: FieldMessage } | undefined;
  startTime: { label: string; registration: UseFormRegisterReturn };
  durationMinutes: UseFormRegisterReturn;
  errors: { startTime?: FieldMessage; durationMinutes?: FieldMessage };
}) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      {date ? (
        <Field label={date.label} error={date.error}>
          {(a) => <input {...a} {...date.registration} type="date" />}
        </Field>
      ) : null}
      <Field
        label={startTime.label}
        hint={t('therapy.schedule.zoneHint', { timeZone })}
        error={errors.startTime}
      >
        {(a) => <input {...a} {...startTime.registration} type="time" />}
      </Field>
      <Field label={t('therapy.schedule.duration')} error={errors.durationMinutes}>
        {(a) => (
          <input
            {...a}
            {...durationMinutes}
            type="number"
            min={15}
            max={240}
            step={5}
            className="input-short"
          />
        )}
      </Field>
    </div>
  );
}

export function RoomField({
  registration,
  error,
}: {
  registration: UseFormRegisterReturn;
  error: FieldMessage;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('therapy.schedule.room')} error={error}>
      {(a) => <input {...a} {...registration} autoComplete="off" />}
    </Field>
  );
}
