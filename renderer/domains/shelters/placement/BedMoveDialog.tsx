import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useMemo } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { BedBoard, Placement } from '../../../../shared/shelters/contract';
import type { CaseFile } from '../../../../shared/children/contract';
import { todayIn } from '../../../../shared/time';
import { queryKey, useApiMutation, useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { Field } from '../../../ui/Field';
import { alwaysCheck } from '../../../forms/schema';
import { errorText } from '../../../i18n';
import { bedName, zonedParts } from '../format';
import { BEFORE_CURRENT } from './errors';
import { OverrideFields } from '../../../ui/OverrideFields';
import { DateTimeFields, placementOverrideTexts } from './PlacementFormParts';
import { FormDialog } from '../../../ui/FormDialog';
import {
  addAfterCurrentStartIssue,
  addFutureIssue,
  addOverrideIssue,
  dateField,
  instantOf,
  overrideFields,
  reasonField,
  timeField,
} from './schema';
import { useApiForm } from '../../../forms/useApiForm';
import { PLACEMENTS_STALE } from '../stale';
import { usePlacementErrors } from './usePlacementErrors';

/** `currentStartAt`: for a transfer, the start of the placement it ends. */
function moveSchema(timeZone: string, currentStartAt: string | null) {
  return z
    .object({
      shelterId: z.string().min(1, 'required'),
      bedId: z.string().min(1, 'required'),
      date: dateField,
      time: timeField,
      reason: reasonField,
      ...overrideFields,
    })
    .superRefine((value, ctx) => {
      const at = instantOf(value.date, value.time, timeZone);
      addFutureIssue(ctx, 'date', at);
      addAfterCurrentStartIssue(ctx, 'date', at, currentStartAt);
      addOverrideIssue(ctx, value);
    }, alwaysCheck);
}
type MoveValues = z.input<ReturnType<typeof moveSchema>>;
const FIELDS = ['shelterId', 'bedId', 'date', 'time', 'reason', 'overrideReason'] as const;
const ADMIT_FIELDS = { startAt: 'date' } as const;
const TRANSFER_FIELDS = { at: 'date', toBedId: 'bedId' } as const;

/**
 * Admit a child who has no placement, or transfer a placed child to another bed. Either way the
 * bed list offers the beds free now (today's bed board), and beds held for this child.
 */
export function BedMoveDialog({
  mode,
  caseFile,
  onClose,
  onDone,
}: {
  mode: 'admit' | 'transfer';
  caseFile: CaseFile;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const timeZone = useSession().settings.timeZone;
  const today = todayIn(timeZone);
  const zoneNoteId = useId();
  const { child, currentPlacement: current } = caseFile;
  const endsAt = mode === 'transfer' ? (current?.startAt ?? null) : null;
  const schema = useMemo(() => moveSchema(timeZone, endsAt), [timeZone, endsAt]);

  /** The chosen bed's name, from the board the bed list was built from. */
  const chosenBedName = useCallback(
    (values: MoveValues) => {
      const board = queryClient.getQueryData<BedBoard>(
        queryKey('beds.board', { shelterId: values.shelterId, asOf: today }),
      );
      const bed = board?.beds.find((b) => b.id === values.bedId);
      return bed ? bedName(t, bed) : null;
    },
    [queryClient, today, t],
  );

  const placementForm = useApiForm({
    schema,
    defaultValues: {
      shelterId: mode === 'transfer' && current ? current.shelterId : '',
      bedId: '',
      ...zonedParts(new Date().toISOString(), timeZone),
      reason: '',
      needsOverride: false,
      overrideReason: '',
    },
    fields: FIELDS,
  });
  const { form, register, errors, submit } = placementForm;
  const { alert, warnings, onError, clear, resetOverride } = usePlacementErrors(placementForm, {
    rename: mode === 'admit' ? ADMIT_FIELDS : TRANSFER_FIELDS,
    reword: BEFORE_CURRENT,
    timeZone,
    bedName: chosenBedName,
  });
  const { watch, setValue } = form;
  const shelterId = watch('shelterId');
  const succeeded = (placement: Placement) => {
    const bed = bedName(t, { room: placement.room, label: placement.bedLabel });
    const where = t('shelters.placement.at', { bed, shelter: placement.shelterName });
    onDone(
      t(mode === 'admit' ? 'shelters.placement.admitted' : 'shelters.placement.transferred', {
        caseCode: child.caseCode,
        bed: where,
      }),
    );
  };
  const stale = () => PLACEMENTS_STALE;
  const admit = useApiMutation('placements.admit', { stale, onSuccess: succeeded, onError });
  const transfer = useApiMutation('placements.transfer', { stale, onSuccess: succeeded, onError });

  const onSubmit = submit((values) => {
    const at = instantOf(values.date, values.time, timeZone);
    if (!at) return;
    const override = values.needsOverride ? { overrideReason: values.overrideReason } : {};
    if (mode === 'admit') {
      admit.mutate({
        childId: child.id,
        bedId: values.bedId,
        startAt: at,
        reason: values.reason,
        ...override,
      });
    } else {
      transfer.mutate({
        childId: child.id,
        toBedId: values.bedId,
        at,
        reason: values.reason,
        ...override,
      });
    }
  }, clear);

  const admitting = mode === 'admit';
  const title = admitting
    ? t('shelters.placementForm.admitTitle', { caseCode: child.caseCode })
    : t('shelters.placementForm.transferTitle', { caseCode: child.caseCode });
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={onSubmit}
      alertText={alert}
      pending={admit.isPending || transfer.isPending}
      submitLabel={
        admitting
          ? t('shelters.placementForm.admitSubmit')
          : t('shelters.placementForm.transferSubmit')
      }
      intro={
        !admitting && current ? (
          <p>
            {t('shelters.placementForm.transferExplain', {
              from: t('shelters.placement.at', {
                bed: bedName(t, { room: current.room, label: current.bedLabel }),
                shelter: current.shelterName,
              }),
            })}
          </p>
        ) : null
      }
    >
      <ShelterSelect
        registration={register('shelterId', {
          onChange: () => {
            setValue('bedId', '');
            resetOverride();
          },
        })}
        error={errors.shelterId}
      />
      {shelterId ? (
        <BedSelect
          shelterId={shelterId}
          asOf={today}
          childId={child.id}
          excludeBedId={current?.bedId ?? null}
          registration={register('bedId', { onChange: resetOverride })}
          error={errors.bedId}
        />
      ) : (
        <Field label={t('shelters.placementForm.bed')} error={errors.bedId}>
          {(a) => (
            <select {...a} {...register('bedId')} disabled>
              <option value="">{t('shelters.placementForm.chooseShelterFirst')}</option>
            </select>
          )}
        </Field>
      )}
      <DateTimeFields
        dateLabel={t(
          admitting ? 'shelters.placementForm.startDate' : 'shelters.placementForm.date',
        )}
        timeLabel={t(
          admitting ? 'shelters.placementForm.startTime' : 'shelters.placementForm.time',
        )}
        date={register('date')}
        time={register('time')}
        dateError={errors.date}
        timeError={errors.time}
        max={today}
        zoneNoteId={zoneNoteId}
      />
      <Field label={t('shelters.placementForm.reason')} error={errors.reason}>
        {(a) => <textarea {...a} {...register('reason')} rows={3} maxLength={500} />}
      </Field>
      <OverrideFields
        texts={placementOverrideTexts(t)}
        warnings={warnings}
        registration={register('overrideReason')}
        error={errors.overrideReason}
      />
    </FormDialog>
  );
}

function ShelterSelect({
  registration,
  error,
}: {
  registration: UseFormRegisterReturn;
  error: { message?: string } | undefined;
}) {
  const { t } = useTranslation();
  const shelters = useApiQuery('shelters.names', {});
  return (
    <Field label={t('shelters.placementForm.shelter')} error={error}>
      {(a) =>
        // Registered once the options exist, so the select can show its default value. Not
        // disabled meanwhile: the dialog opens with focus on its first focusable field, and a
        // disabled one would send it past the shelter to the date.
        shelters.isPending ? (
          <select {...a}>
            <option>{t('shelters.common.loading')}</option>
          </select>
        ) : (
          <select {...a} {...registration}>
            <option value="">{t('shelters.placementForm.chooseShelter')}</option>
            {/* Only the shelters the viewer works in have beds to offer. */}
            {(shelters.data ?? [])
              .filter((shelter) => shelter.inScope)
              .map((shelter) => (
                <option key={shelter.id} value={shelter.id}>
                  {shelter.name}
                </option>
              ))}
          </select>
        )
      }
    </Field>
  );
}

/** The beds of a shelter that are free now, or held for this child. */
function BedSelect({
  shelterId,
  asOf,
  childId,
  excludeBedId,
  registration,
  error,
}: {
  shelterId: string;
  asOf: string;
  childId: string;
  excludeBedId: string | null;
  registration: UseFormRegisterReturn;
  error: { message?: string } | undefined;
}) {
  const { t } = useTranslation();
  const board = useApiQuery('beds.board', { shelterId, asOf });
  const free = (board.data?.beds ?? []).filter(
    (bed) =>
      bed.id !== excludeBedId &&
      (bed.state === 'vacant' ||
        (bed.state === 'reserved' && bed.reservedFor?.childId === childId)),
  );
  let hint = t('shelters.placementForm.bedHint');
  if (board.isError) {
    hint =
      board.error.code === 'NOT_FOUND'
        ? t('shelters.board.notInScope')
        : errorText(board.error.message, 'internal');
  } else if (board.isSuccess && free.length === 0) hint = t('shelters.placementForm.noFreeBeds');
  return (
    <Field label={t('shelters.placementForm.bed')} hint={hint} error={error}>
      {(a) => (
        <select {...a} {...registration}>
          <option value="">
            {board.isPending ? t('shelters.common.loading') : t('shelters.placementForm.chooseBed')}
          </option>
          {free.map((bed) => (
            <option key={bed.id} value={bed.id}>
              {bed.state === 'reserved'
                ? t('shelters.placementForm.reservedForThisChild', { bed: bedName(t, bed) })
                : bedName(t, bed)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
