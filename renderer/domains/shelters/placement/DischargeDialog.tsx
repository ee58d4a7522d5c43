import { useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DISCHARGE_DESTINATIONS } from '../../../../shared/shelters/vocabulary';
import type { CaseFile } from '../../../../shared/children/contract';
import { requiredText } from '../../../../shared/text';
import { todayIn } from '../../../../shared/time';
import { useApiMutation } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import { alwaysCheck } from '../../../forms/schema';
import { bedName, zonedParts } from '../format';
import { BEFORE_CURRENT } from './errors';
import { DateTimeFields } from './PlacementFormParts';
import { FormDialog } from '../../../ui/FormDialog';
import {
  addAfterCurrentStartIssue,
  addFutureIssue,
  dateField,
  instantOf,
  overrideFields,
  timeField,
} from './schema';
import { useApiForm } from '../../../forms/useApiForm';
import { PLACEMENTS_STALE } from '../stale';
import { usePlacementErrors } from './usePlacementErrors';

function dischargeSchema(timeZone: string, currentStartAt: string | null) {
  return z
    .object({
      date: dateField,
      time: timeField,
      destination: z.enum(DISCHARGE_DESTINATIONS, { error: () => 'required' }),
      exitNote: requiredText(2000, { multiline: true }),
      // Discharge has no soft rules today; the fields keep the error handling uniform.
      ...overrideFields,
    })
    .superRefine((value, ctx) => {
      const at = instantOf(value.date, value.time, timeZone);
      addFutureIssue(ctx, 'date', at);
      addAfterCurrentStartIssue(ctx, 'date', at, currentStartAt);
    }, alwaysCheck);
}
type DischargeValues = z.input<ReturnType<typeof dischargeSchema>>;
const FIELDS = ['date', 'time', 'destination', 'exitNote'] as const;
const DISCHARGE_FIELDS = { at: 'date' } as const;

/** Ends the current placement on a date, with a destination and a required exit note. */
export function DischargeDialog({
  caseFile,
  onClose,
  onDone,
}: {
  caseFile: CaseFile;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const zoneNoteId = useId();
  const { child, currentPlacement: current } = caseFile;
  const currentStartAt = current?.startAt ?? null;
  const schema = useMemo(
    () => dischargeSchema(timeZone, currentStartAt),
    [timeZone, currentStartAt],
  );
  const currentBed = useCallback(
    () => (current ? bedName(t, { room: current.room, label: current.bedLabel }) : null),
    [current, t],
  );
  const placementForm = useApiForm({
    schema,
    defaultValues: {
      ...zonedParts(new Date().toISOString(), timeZone),
      // An unchosen select; the schema answers 'required' for it.
      destination: '' as DischargeValues['destination'],
      exitNote: '',
      needsOverride: false,
      overrideReason: '',
    },
    fields: FIELDS,
  });
  const { register, errors, submit } = placementForm;
  const { alert, onError, clear } = usePlacementErrors(placementForm, {
    rename: DISCHARGE_FIELDS,
    reword: BEFORE_CURRENT,
    timeZone,
    bedName: currentBed,
  });
  const discharge = useApiMutation('placements.discharge', {
    stale: () => PLACEMENTS_STALE,
    onSuccess: () => onDone(t('shelters.placement.discharged', { caseCode: child.caseCode })),
    onError,
  });
  const onSubmit = submit((values) => {
    const at = instantOf(values.date, values.time, timeZone);
    if (!at) return;
    discharge.mutate({
      childId: child.id,
      at,
      destination: values.destination,
      exitNote: values.exitNote,
    });
  }, clear);

  return (
    <FormDialog
      title={t('shelters.placementForm.dischargeTitle', { caseCode: child.caseCode })}
      onClose={onClose}
      onSubmit={onSubmit}
      alertText={alert}
      pending={discharge.isPending}
      submitLabel={t('shelters.placementForm.dischargeSubmit')}
    >
      <DateTimeFields
        dateLabel={t('shelters.placementForm.date')}
        timeLabel={t('shelters.placementForm.time')}
        date={register('date')}
        time={register('time')}
        dateError={errors.date}
        timeError={errors.time}
        max={todayIn(timeZone)}
        zoneNoteId={zoneNoteId}
      />
      <Field label={t('shelters.placementForm.destination')} error={errors.destination}>
        {(a) => (
          <select {...a} {...register('destination')}>
            <option value="">{t('shelters.placementForm.chooseDestination')}</option>
            {DISCHARGE_DESTINATIONS.map((destination) => (
              <option key={destination} value={destination}>
                {t(`shelters.destinations.${destination}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('shelters.placementForm.exitNote')}
        hint={t('shelters.placementForm.exitNoteHint')}
        error={errors.exitNote}
      >
        {(a) => <textarea {...a} {...register('exitNote')} rows={4} maxLength={2000} />}
      </Field>
    </FormDialog>
  );
}
