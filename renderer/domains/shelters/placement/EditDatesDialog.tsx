import { useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Placement } from '../../../../shared/shelters/contract';
import { todayIn } from '../../../../shared/time';
import { useApiMutation } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { alwaysCheck } from '../../../forms/schema';
import { bedName, zonedParts } from '../format';
import { OverrideFields } from '../../../ui/OverrideFields';
import { DateTimeFields, placementOverrideTexts } from './PlacementFormParts';
import { FormDialog } from '../../../ui/FormDialog';
import {
  addFutureIssue,
  addOverrideIssue,
  dateField,
  instantOf,
  overrideFields,
  timeField,
} from './schema';
import { useApiForm } from '../../../forms/useApiForm';
import { PLACEMENTS_STALE } from '../stale';
import { usePlacementErrors } from './usePlacementErrors';

/** An open placement has no end to edit: discharge or transfer closes it. */
function editSchema(timeZone: string, open: boolean) {
  return z
    .object({
      startDate: dateField,
      startTime: timeField,
      endDate: open ? z.string() : dateField,
      endTime: open ? z.string() : timeField,
      ...overrideFields,
    })
    .superRefine((value, ctx) => {
      const start = instantOf(value.startDate, value.startTime, timeZone);
      const end = open ? null : instantOf(value.endDate, value.endTime, timeZone);
      addFutureIssue(ctx, 'startDate', start);
      addFutureIssue(ctx, 'endDate', end);
      if (start && end && end <= start) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'placement.endBeforeStart' });
      }
      addOverrideIssue(ctx, value);
    }, alwaysCheck);
}
const FIELDS = ['startDate', 'startTime', 'endDate', 'endTime', 'overrideReason'] as const;
const EDIT_FIELDS = { startAt: 'startDate', endAt: 'endDate' } as const;

/** Corrects or backdates a placement's start (and end, once it has ended). */
export function EditDatesDialog({
  placement,
  onClose,
  onDone,
}: {
  placement: Placement;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const today = todayIn(timeZone);
  const open = placement.endAt === null;
  const zoneNoteId = useId();
  const schema = useMemo(() => editSchema(timeZone, open), [timeZone, open]);
  const start = zonedParts(placement.startAt, timeZone);
  const end = placement.endAt ? zonedParts(placement.endAt, timeZone) : { date: '', time: '' };
  const thisBed = useCallback(
    () => bedName(t, { room: placement.room, label: placement.bedLabel }),
    [placement, t],
  );
  const placementForm = useApiForm({
    schema,
    defaultValues: {
      startDate: start.date,
      startTime: start.time,
      endDate: end.date,
      endTime: end.time,
      needsOverride: false,
      overrideReason: '',
    },
    fields: FIELDS,
  });
  const { register, errors, submit } = placementForm;
  const { alert, warnings, onError, clear } = usePlacementErrors(placementForm, {
    rename: EDIT_FIELDS,
    timeZone,
    bedName: thisBed,
  });
  const edit = useApiMutation('placements.edit', {
    stale: () => PLACEMENTS_STALE,
    onSuccess: () => onDone(t('shelters.placement.datesSaved')),
    onError,
  });
  const onSubmit = submit((values) => {
    const startAt = instantOf(values.startDate, values.startTime, timeZone);
    const endAt = open ? null : instantOf(values.endDate, values.endTime, timeZone);
    if (!startAt || (!open && !endAt)) return;
    edit.mutate({
      id: placement.id,
      startAt,
      endAt,
      ...(values.needsOverride ? { overrideReason: values.overrideReason } : {}),
    });
  }, clear);

  const where = t('shelters.placement.at', { bed: thisBed(), shelter: placement.shelterName });
  return (
    <FormDialog
      title={t('shelters.placementForm.editTitle')}
      onClose={onClose}
      onSubmit={onSubmit}
      alertText={alert}
      pending={edit.isPending}
      submitLabel={t('shelters.placementForm.editSubmit')}
      intro={
        <>
          <p>{where}</p>
          <p>{t('shelters.placementForm.editExplain')}</p>
        </>
      }
    >
      <DateTimeFields
        dateLabel={t('shelters.placementForm.startDate')}
        timeLabel={t('shelters.placementForm.startTime')}
        date={register('startDate')}
        time={register('startTime')}
        dateError={errors.startDate}
        timeError={errors.startTime}
        max={today}
        zoneNoteId={zoneNoteId}
        showZoneNote={open}
      />
      {open ? (
        <p className="field-hint">{t('shelters.placementForm.openPlacementHint')}</p>
      ) : (
        <DateTimeFields
          dateLabel={t('shelters.placementForm.endDate')}
          timeLabel={t('shelters.placementForm.endTime')}
          date={register('endDate')}
          time={register('endTime')}
          dateError={errors.endDate}
          timeError={errors.endTime}
          max={today}
          zoneNoteId={zoneNoteId}
        />
      )}
      <OverrideFields
        texts={placementOverrideTexts(t)}
        warnings={warnings}
        registration={register('overrideReason')}
        error={errors.overrideReason}
      />
    </FormDialog>
  );
}
