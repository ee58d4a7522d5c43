import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Placement } from '../../../../shared/contract-cases';
import { todayIn } from '../../../../shared/time';
import { useApiMutation } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { Dialog } from '../../../components/Dialog';
import { SubmitButton } from '../../../components/SubmitButton';
import { alwaysCheck, zodErrorOptions } from '../../../forms/schema';
import { bedName, zonedParts } from '../format';
import { invalidatePlacements } from '../invalidate';
import { AlertText, DateTimeFields, OverrideFields } from './parts';
import {
  addFutureIssue,
  addOverrideIssue,
  dateField,
  instantOf,
  overrideFields,
  timeField,
} from './schema';
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
      if (start && end && end < start) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'placement.endBeforeStart' });
      }
      addOverrideIssue(ctx, value);
    }, alwaysCheck);
}
type EditValues = z.input<ReturnType<typeof editSchema>>;
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
  const queryClient = useQueryClient();
  const timeZone = useSession().settings.timeZone;
  const today = todayIn(timeZone);
  const open = placement.endAt === null;
  const zoneNoteId = useId();
  const schema = useMemo(() => editSchema(timeZone, open), [timeZone, open]);
  const start = zonedParts(placement.startAt, timeZone);
  const end = placement.endAt ? zonedParts(placement.endAt, timeZone) : { date: '', time: '' };
  const form = useForm<EditValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema, zodErrorOptions),
    defaultValues: {
      startDate: start.date,
      startTime: start.time,
      endDate: end.date,
      endTime: end.time,
      needsOverride: false,
      overrideReason: '',
    },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const thisBed = useCallback(
    () => bedName(t, { room: placement.room, label: placement.bedLabel }),
    [placement, t],
  );
  const { alert, warnings, onError, clear } = usePlacementErrors(form, {
    fields: FIELDS,
    rename: EDIT_FIELDS,
    timeZone,
    bedName: thisBed,
  });
  const edit = useApiMutation('placements.edit', {
    onSuccess: () => {
      invalidatePlacements(queryClient);
      onDone(t('shelters.placement.datesSaved'));
    },
    onError,
  });
  const onSubmit = form.handleSubmit((values) => {
    clear();
    const startAt = instantOf(values.startDate, values.startTime, timeZone);
    const endAt = open ? null : instantOf(values.endDate, values.endTime, timeZone);
    if (!startAt || (!open && !endAt)) return;
    edit.mutate({
      id: placement.id,
      startAt,
      endAt,
      ...(values.needsOverride ? { overrideReason: values.overrideReason } : {}),
    });
  });

  const where = t('shelters.placement.at', { bed: thisBed(), shelter: placement.shelterName });
  return (
    <Dialog title={t('shelters.placementForm.editTitle')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="form">
        <p>{where}</p>
        <p>{t('shelters.placementForm.editExplain')}</p>
        <AlertText text={alert} />
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
          warnings={warnings}
          registration={register('overrideReason')}
          error={errors.overrideReason}
        />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <SubmitButton pending={edit.isPending} pendingText={t('common.working')}>
            {t('shelters.placementForm.editSubmit')}
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
