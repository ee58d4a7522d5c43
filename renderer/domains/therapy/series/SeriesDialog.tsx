// "Schedule a series": every N weeks on chosen weekdays, until a date or for a count. Before
// anything is booked, the conflict check lists every occurrence that clashes; the user skips a
// date, moves it to another slot (with "find a free slot"), or gives a reason for a soft rule.
import { parseISO, getISODay } from 'date-fns';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useApi } from '../../../api/ApiContext';
import { useApiMutation } from '../../../api/queries';
import { therapyStale } from '../stale';
import type {
  ChildScheduling,
  OccurrenceCheck,
  TherapyPlan,
} from '../../../../shared/therapy/contract';
import { seriesRuleSchema } from '../../../../shared/therapy/contract';
import type { ProcedureInput } from '../../../../shared/contract';
import { OVERRIDE_REASON_MIN } from '../../../../shared/shelters/vocabulary';
import {
  PRACTICE_COMPONENTS,
  SESSION_KINDS,
  WEEKDAYS,
} from '../../../../shared/therapy/vocabulary';
import { safeText } from '../../../../shared/text';
import { zonedInstant } from '../../../../shared/time';
import { formatCalendarDate } from '../../../i18n/format';
import { errorText } from '../../../i18n';
import { Checkbox } from '../../../ui/Checkbox';
import { Field } from '../../../ui/Field';
import { FormDialog } from '../../../ui/FormDialog';
import { childText, componentText, therapyOverrideTexts } from '../labels';
import { OverrideFields } from '../../../ui/OverrideFields';
import { useApiForm } from '../../../forms/useApiForm';
import { useTherapyFormOptions } from '../formOptions';
import {
  kindIssues,
  participantsOf,
  SESSION_KIND_DEFAULTS,
  SessionKindFields,
} from '../session/SessionKindFields';
import { RoomField, SessionTimeFields } from '../session/SessionSlotFields';
import { refusalText } from './clashes';
import { FreeSlots } from './FreeSlots';
import { OccurrenceList, type Decision } from './OccurrenceList';

type SeriesRule = ProcedureInput<'therapy.checkSeries'>;

const seriesFormShape = z.object({
  kind: z.enum(SESSION_KINDS),
  caregiverId: z.string(),
  groupChildIds: z.array(z.string()),
  startDate: z.string(),
  startTime: z.string(),
  durationMinutes: z.number(),
  intervalWeeks: z.number(),
  weekdays: z.array(z.string()),
  endKind: z.enum(['count', 'until']),
  count: z.number(),
  untilDate: z.string(),
  room: z.string(),
  plannedComponents: z.array(z.enum(PRACTICE_COMPONENTS)),
  overrideReason: safeText({ multiline: true }).max(500, 'tooLong'),
});
type SeriesFormValues = z.input<typeof seriesFormShape>;

/** The form's values as the contract's series rule (validated by the contract's own schema). */
function ruleOf(
  values: SeriesFormValues,
  base: { therapistId: string; planId: string; childId: string },
) {
  return {
    therapistId: base.therapistId,
    planId: base.planId,
    ...participantsOf(values, base.childId),
    durationMinutes: values.durationMinutes,
    ...(values.room.trim() ? { room: values.room } : {}),
    plannedComponents: values.plannedComponents,
    startDate: values.startDate,
    startTime: values.startTime,
    intervalWeeks: values.intervalWeeks,
    weekdays: values.weekdays.map(Number),
    end:
      values.endKind === 'count'
        ? { kind: 'count' as const, count: values.count }
        : { kind: 'until' as const, date: values.untilDate },
    skipDates: [],
  };
}

const FIELDS = [
  'kind',
  'caregiverId',
  'groupChildIds',
  'startDate',
  'startTime',
  'durationMinutes',
  'intervalWeeks',
  'weekdays',
  'count',
  'untilDate',
  'room',
  'plannedComponents',
  'overrideReason',
] as const;

/** Backend paths that name a form field differently. */
const RENAME: Record<string, string> = {
  'end.count': 'count',
  'end.date': 'untilDate',
  childIds: 'groupChildIds',
};

function seriesSchemaFor(base: { therapistId: string; planId: string; childId: string }) {
  return seriesFormShape.superRefine((values, ctx) => {
    for (const issue of kindIssues(values)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
    const parsed = seriesRuleSchema.safeParse(ruleOf(values, base));
    for (const issue of parsed.error?.issues ?? []) {
      const path = issue.path.join('.');
      const field = RENAME[path] ?? String(issue.path[0]);
      ctx.addIssue({ code: 'custom', path: [field], message: issue.message });
    }
  });
}

export interface SeriesDialogProps {
  plan: TherapyPlan;
  scheduling: ChildScheduling;
  timeZone: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function SeriesDialog({ plan, scheduling, timeZone, onClose, onDone }: SeriesDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const base = useMemo(
    () => ({ therapistId: plan.therapist.id, planId: plan.id, childId: plan.child.id }),
    [plan],
  );
  const schema = useMemo(() => seriesSchemaFor(base), [base]);
  const kit = useApiForm({
    ...useTherapyFormOptions(),
    schema,
    defaultValues: {
      ...SESSION_KIND_DEFAULTS,
      startDate: '',
      startTime: '',
      durationMinutes: plan.sessionMinutes,
      intervalWeeks: plan.frequency === 'fortnightly' ? 2 : 1,
      weekdays: [],
      endKind: 'count',
      count: Math.max(1, plan.plannedSessions - plan.progress.session),
      untilDate: '',
      room: '',
      plannedComponents: [],
      overrideReason: '',
    } satisfies SeriesFormValues,
    fields: FIELDS as unknown as readonly (keyof SeriesFormValues)[],
  });
  const { register, errors, form } = kit;
  const values = form.watch();
  const [checked, setChecked] = useState<{ key: string; occurrences: OccurrenceCheck[] } | null>(
    null,
  );
  const [checking, setChecking] = useState(false);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [booked, setBooked] = useState<{ count: number } | null>(null);

  const rule = ruleOf(values, base);
  const ruleKey = JSON.stringify(rule);
  const current = checked !== null && checked.key === ruleKey;
  const occurrences = current ? checked.occurrences : [];
  const open = occurrences.filter((o) => decisions[o.date] === undefined);
  const unresolved = open.filter((o) => o.conflicts.length > 0);
  const moved = occurrences.filter((o) => decisions[o.date]?.kind === 'move');
  const warned =
    open.some((o) => o.warnings.length > 0) ||
    moved.some((o) => {
      const d = decisions[o.date];
      return d?.kind === 'move' && (d.check?.warnings.length ?? 0) > 0;
    });
  const warnings = [
    ...new Set([
      ...open.flatMap((o) => o.warnings),
      ...moved.flatMap((o) => {
        const d = decisions[o.date];
        return d?.kind === 'move' ? (d.check?.warnings ?? []) : [];
      }),
    ]),
  ];

  const runCheck = kit.form.handleSubmit(async () => {
    setAlert(null);
    kit.clearAlerts();
    setChecking(true);
    try {
      const result = await api.call('therapy.checkSeries', rule as SeriesRule);
      setChecked({ key: ruleKey, occurrences: result });
      setDecisions({});
    } catch (error) {
      kit.onError(error);
    } finally {
      setChecking(false);
    }
  });

  const createSeries = useApiMutation('therapy.createSeries', { stale: therapyStale });
  const scheduleOne = useApiMutation('therapy.schedule', { stale: therapyStale });

  const book = kit.form.handleSubmit(async (formValues) => {
    setAlert(null);
    kit.clearAlerts();
    if (!current) {
      setAlert(t('therapy.series.checkFirst'));
      return;
    }
    if (unresolved.length > 0) {
      setAlert(t('therapy.series.resolveFirst', { count: unresolved.length }));
      return;
    }
    const reason = formValues.overrideReason.trim();
    if (warned && reason.length < OVERRIDE_REASON_MIN) {
      kit.form.setError(
        'overrideReason',
        { type: 'manual', message: 'override.tooShort' },
        { shouldFocus: true },
      );
      return;
    }
    const override = warned ? { overrideReason: reason } : {};
    const skipDates = occurrences.filter((o) => decisions[o.date] !== undefined).map((o) => o.date);
    let count = booked?.count ?? 0;
    try {
      if (!booked) {
        const series = await createSeries.mutateAsync({
          ...(rule as SeriesRule),
          skipDates,
          ...override,
        });
        count = series.sessions.length;
        setBooked({ count });
      }
      for (const occurrence of moved) {
        const decision = decisions[occurrence.date];
        if (decision?.kind !== 'move') continue;
        const {
          skipDates: _skip,
          startDate: _d,
          startTime: _t,
          intervalWeeks: _i,
          weekdays: _w,
          end: _e,
          ...booking
        } = rule as SeriesRule;
        await scheduleOne.mutateAsync({
          ...booking,
          startAt: zonedInstant(decision.date, decision.time, timeZone),
          ...override,
        });
        count += 1;
        setBooked({ count });
        setDecisions((all) => ({ ...all, [occurrence.date]: { kind: 'skip' } }));
      }
      onDone(t('therapy.series.booked', { count }));
    } catch (error) {
      const refusal = refusalText(t, error, timeZone);
      if (refusal) setAlert(refusal);
      else kit.onError(error);
    }
  });

  const pending = createSeries.isPending || scheduleOne.isPending;
  const testimonies = scheduling.legalEvents.filter((e) => e.kind === 'testimony');
  const toBook = open.length + moved.length;

  return (
    <FormDialog
      title={t('therapy.series.title')}
      intro={t('therapy.series.intro', { child: childText(t, plan.child) })}
      onClose={onClose}
      onSubmit={book}
      formError={kit.formError}
      alertText={alert ?? kit.refusal}
      pending={pending}
      submitLabel={
        current ? t('therapy.series.book', { count: toBook }) : t('therapy.series.bookUnchecked')
      }
    >
      {booked ? (
        <p role="status">{t('therapy.series.partlyBooked', { count: booked.count })}</p>
      ) : null}
      {testimonies.length > 0 ? (
        <p className="field-hint">
          {t('therapy.series.testimonies', {
            dates: testimonies.map((e) => formatCalendarDate(e.date)).join(', '),
          })}
        </p>
      ) : null}
      <SessionKindFields
        kind={values.kind}
        childId={plan.child.id}
        scheduling={scheduling}
        registration={{
          kind: register('kind'),
          caregiverId: register('caregiverId'),
          groupChildIds: register('groupChildIds'),
        }}
        errors={errors}
      />
      <SessionTimeFields
        timeZone={timeZone}
        date={{
          label: t('therapy.series.startDate'),
          registration: register('startDate', {
            onChange: (event: { target: { value: string } }) => {
              // The first date's weekday is the obvious one to repeat on.
              const date = event.target.value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(date) && form.getValues('weekdays').length === 0) {
                form.setValue('weekdays', [String(getISODay(parseISO(date)))]);
              }
            },
          }),
          error: errors.startDate,
        }}
        startTime={{ label: t('therapy.series.startTime'), registration: register('startTime') }}
        durationMinutes={register('durationMinutes', { valueAsNumber: true })}
        errors={errors}
      />
      <div className="field-row">
        <Field label={t('therapy.series.interval')} error={errors.intervalWeeks}>
          {(a) => (
            <input
              {...a}
              {...register('intervalWeeks', { valueAsNumber: true })}
              type="number"
              min={1}
              max={8}
              className="input-short"
            />
          )}
        </Field>
        <fieldset className={errors.weekdays ? 'fieldset field-invalid' : 'fieldset'}>
          <legend>{t('therapy.series.weekdays')}</legend>
          <div className="weekday-choices">
            {WEEKDAYS.map((d) => (
              <Checkbox
                key={d}
                value={String(d)}
                label={t(`therapy.series.weekday.${d}`)}
                {...register('weekdays')}
              />
            ))}
          </div>
          {errors.weekdays ? (
            <p className="field-error">{errorText(errors.weekdays.message ?? 'required')}</p>
          ) : null}
        </fieldset>
      </div>
      <fieldset className="fieldset">
        <legend>{t('therapy.series.ends')}</legend>
        <div className="field-row">
          <label className="radio">
            <input type="radio" value="count" {...register('endKind')} />{' '}
            {t('therapy.series.endCount')}
          </label>
          <label className="radio">
            <input type="radio" value="until" {...register('endKind')} />{' '}
            {t('therapy.series.endUntil')}
          </label>
        </div>
        {values.endKind === 'count' ? (
          <Field label={t('therapy.series.count')} error={errors.count}>
            {(a) => (
              <input
                {...a}
                {...register('count', { valueAsNumber: true })}
                type="number"
                min={1}
                max={104}
                className="input-short"
              />
            )}
          </Field>
        ) : (
          <Field label={t('therapy.series.untilDate')} error={errors.untilDate}>
            {(a) => <input {...a} {...register('untilDate')} type="date" />}
          </Field>
        )}
      </fieldset>
      <RoomField registration={register('room')} error={errors.room} />
      {plan.modality === 'tf_cbt' ? (
        <fieldset className="fieldset">
          <legend>{t('therapy.series.plannedComponents')}</legend>
          <p className="field-hint">{t('therapy.series.plannedComponentsHint')}</p>
          <div className="checkbox-list">
            {PRACTICE_COMPONENTS.map((c) => (
              <Checkbox
                key={c}
                value={c}
                label={componentText(t, c)}
                {...register('plannedComponents')}
              />
            ))}
          </div>
        </fieldset>
      ) : null}

      <div className="section-actions">
        <button type="button" onClick={() => void runCheck()} disabled={checking}>
          {t('therapy.series.check')}
        </button>{' '}
        <span role="status" className="pending-text">
          {checking ? t('common.working') : null}
        </span>
      </div>
      {checked && !current ? (
        <p className="field-hint">{t('therapy.series.changedSinceCheck')}</p>
      ) : null}
      {current ? (
        <OccurrenceList
          occurrences={occurrences}
          decisions={decisions}
          timeZone={timeZone}
          onDecide={(date, decision) =>
            setDecisions((all) => {
              const next = { ...all };
              if (decision) next[date] = decision;
              else delete next[date];
              return next;
            })
          }
          checkMove={async (date, time) => {
            const one = await api.call('therapy.checkSeries', {
              ...(rule as SeriesRule),
              startDate: date,
              startTime: time,
              weekdays: [getISODay(parseISO(date))],
              end: { kind: 'count', count: 1 },
              skipDates: [],
            });
            return one[0] ?? null;
          }}
          findSlots={(fromDate) =>
            api.call('therapy.findSlots', {
              therapistId: base.therapistId,
              childIds: participantsOf(values, base.childId).childIds,
              ...(values.room.trim() ? { room: values.room } : {}),
              durationMinutes: values.durationMinutes,
              fromDate,
              days: 14,
              limit: 5,
            })
          }
        />
      ) : null}
      <OverrideFields
        texts={therapyOverrideTexts(t)}
        warnings={current && warned ? warnings : []}
        registration={register('overrideReason')}
        error={errors.overrideReason}
      />
      {current ? (
        <FreeSlots
          label={t('therapy.series.findStart')}
          find={() =>
            api.call('therapy.findSlots', {
              therapistId: base.therapistId,
              childIds: participantsOf(values, base.childId).childIds,
              ...(values.room.trim() ? { room: values.room } : {}),
              durationMinutes: Number.isInteger(values.durationMinutes)
                ? values.durationMinutes
                : plan.sessionMinutes,
              fromDate: values.startDate || occurrences[0]?.date || '',
              days: 14,
              limit: 5,
            })
          }
          timeZone={timeZone}
          onPick={(date, time) => {
            form.setValue('startDate', date);
            form.setValue('startTime', time);
            form.setValue('weekdays', [String(getISODay(parseISO(date)))]);
          }}
        />
      ) : null}
    </FormDialog>
  );
}
