import { addDays, format, parseISO } from 'date-fns';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Availability, TherapistLeave } from '../../../../shared/therapy/contract';
import { LEAVE_KINDS, WEEKDAYS, type Weekday } from '../../../../shared/therapy/vocabulary';
import { optionalText } from '../../../../shared/text';
import { TIME_OF_DAY, todayIn, zonedInstant } from '../../../../shared/time';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { therapyStale } from '../stale';
import { useSession } from '../../../auth/AuthContext';
import { messageFor, type FormMessage } from '../../../forms/useServerErrors';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { SubmitButton } from '../../../ui/SubmitButton';
import { dayAndTime } from '../calendar/format';
import { useApiForm } from '../../../forms/useApiForm';
import { useTherapyFormOptions } from '../formOptions';
import '../therapy.css';

/** How far ahead the leave list looks. */
const LEAVE_DAYS = 180;

/**
 * therapy/availability — a therapist's working hours per weekday (sessions outside them are
 * refused once any are set) and their leave and blocked time. A therapist keeps their own; a
 * coordinator picks whose.
 */
export function AvailabilityScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('therapy.availability.title'));
  const session = useSession();
  const ids = useId();
  const therapists = useApiQuery('therapy.therapists', {});
  const [chosen, setChosen] = useState(session.role === 'therapist' ? session.userId : '');
  return (
    <>
      <h1>{t('therapy.availability.title')}</h1>
      <p className="lead-text">{t('therapy.availability.intro')}</p>
      {session.role === 'therapist' ? null : (
        <div className="field">
          <label htmlFor={`${ids}-therapist`}>{t('therapy.plan.therapist')}</label>
          <select
            id={`${ids}-therapist`}
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
          >
            <option value="">{t('therapy.choose')}</option>
            {(therapists.data ?? []).map((th) => (
              <option key={th.id} value={th.id}>
                {th.displayName}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen ? <TherapistAvailability key={chosen} therapistId={chosen} /> : null}
    </>
  );
}

function TherapistAvailability({ therapistId }: { therapistId: string }) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const today = todayIn(timeZone);
  const to = format(addDays(parseISO(today), LEAVE_DAYS), 'yyyy-MM-dd');
  const availability = useApiQuery('therapy.availability', { therapistId, from: today, to });
  if (availability.isError) return <FormAlert message={{ key: availability.error.message }} />;
  if (!availability.data) return <p role="status">{t('therapy.loading')}</p>;
  return (
    <>
      <HoursForm therapistId={therapistId} availability={availability.data} />
      <LeaveSection therapistId={therapistId} leave={availability.data.leave} />
    </>
  );
}

// ---- working hours ----------------------------------------------------------------------------

type DayHours = { start: string; end: string };

function HoursForm({
  therapistId,
  availability,
}: {
  therapistId: string;
  availability: Availability;
}) {
  const { t } = useTranslation();
  const initial = Object.fromEntries(
    WEEKDAYS.map((d) => {
      const span = availability.hours.find((h) => h.weekday === d);
      return [d, { start: span?.start ?? '', end: span?.end ?? '' }];
    }),
  ) as Record<Weekday, DayHours>;
  const [hours, setHours] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<Weekday, string>>>({});
  const [error, setError] = useState<FormMessage | null>(null);
  const [saved, setSaved] = useState(0);
  const save = useApiMutation('therapy.setHours', {
    stale: therapyStale,
    onSuccess: () => {
      setSaved((n) => n + 1);
    },
    onError: (e) => setError(messageFor(e)),
  });
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    // A day is off (both blank) or open from a start to a later end.
    const found: Partial<Record<Weekday, string>> = {};
    for (const d of WEEKDAYS) {
      const { start, end } = hours[d];
      if (start === '' && end === '') continue;
      if (!TIME_OF_DAY.test(start) || !TIME_OF_DAY.test(end)) found[d] = 'required';
      else if (end <= start) found[d] = 'therapy.endBeforeStart';
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setError({ key: 'validation' });
      return;
    }
    save.mutate({
      therapistId,
      hours: WEEKDAYS.filter((d) => hours[d].start !== '').map((d) => ({
        weekday: d,
        ...hours[d],
      })),
    });
  };
  return (
    <form
      className="form panel"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="therapy-hours-heading"
    >
      <h2 id="therapy-hours-heading">{t('therapy.availability.hours')}</h2>
      <p className="field-hint">{t('therapy.availability.hoursHint')}</p>
      <FormAlert message={error} />
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t('therapy.availability.hours')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('therapy.availability.day')}</th>
              <th scope="col">{t('therapy.availability.from')}</th>
              <th scope="col">{t('therapy.availability.until')}</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((d) => {
              const day = t(`therapy.series.weekday.${d}`);
              const problem = problems[d];
              const errorId = `therapy-hours-${d}-error`;
              const invalid = problem
                ? { 'aria-invalid': true as const, 'aria-describedby': errorId }
                : {};
              return (
                <tr key={d}>
                  <th scope="row">{day}</th>
                  <td>
                    <input
                      type="time"
                      aria-label={t('therapy.availability.fromDay', { day })}
                      value={hours[d].start}
                      onChange={(e) =>
                        setHours({ ...hours, [d]: { ...hours[d], start: e.target.value } })
                      }
                      {...invalid}
                    />
                  </td>
                  <td>
                    <input
                      type="time"
                      aria-label={t('therapy.availability.untilDay', { day })}
                      value={hours[d].end}
                      onChange={(e) =>
                        setHours({ ...hours, [d]: { ...hours[d], end: e.target.value } })
                      }
                      {...invalid}
                    />
                    {problem ? (
                      <p className="field-error" id={errorId}>
                        {problem === 'required'
                          ? t('therapy.availability.bothTimes')
                          : t('therapy.availability.endAfterStart')}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <StatusMessage version={saved}>
        {saved ? t('therapy.availability.hoursSaved') : null}
      </StatusMessage>
      <SubmitButton pending={save.isPending} pendingText={t('common.working')}>
        {t('therapy.availability.saveHours')}
      </SubmitButton>
    </form>
  );
}

// ---- leave and blocked time -------------------------------------------------------------------

const leaveSchema = z
  .object({
    kind: z.enum(LEAVE_KINDS),
    startDate: z.string().min(1, 'required'),
    startTime: z.string(),
    endDate: z.string().min(1, 'required'),
    endTime: z.string(),
    note: z.string(),
    overrideReason: z.string(),
  })
  .superRefine((v, ctx) => {
    for (const key of ['startTime', 'endTime'] as const) {
      if (!TIME_OF_DAY.test(v[key]))
        ctx.addIssue({ code: 'custom', path: [key], message: 'required' });
    }
    if (`${v.endDate} ${v.endTime}` <= `${v.startDate} ${v.startTime}`) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'therapy.endBeforeStart' });
    }
    if (optionalText(300).safeParse(v.note).error) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'tooLong' });
    }
  });

function LeaveSection({
  therapistId,
  leave,
}: {
  therapistId: string;
  leave: readonly TherapistLeave[];
}) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const [status, setStatus] = useState<string | null>(null);
  const kit = useApiForm({
    ...useTherapyFormOptions(),
    schema: leaveSchema,
    defaultValues: {
      kind: 'leave',
      startDate: '',
      startTime: '08:00',
      endDate: '',
      endTime: '17:00',
      note: '',
      overrideReason: '',
    },
    fields: ['kind', 'startDate', 'startTime', 'endDate', 'endTime', 'note'],
  });
  const { register, errors } = kit;
  const add = useApiMutation('therapy.saveLeave', {
    stale: therapyStale,
    onSuccess: () => {
      kit.form.reset();
      setStatus(t('therapy.availability.leaveSaved'));
    },
    onError: kit.onError,
  });
  const remove = useApiMutation('therapy.removeLeave', {
    stale: therapyStale,
    onSuccess: () => {
      setStatus(t('therapy.availability.leaveRemoved'));
    },
    onError: kit.onError,
  });
  const onSubmit = kit.form.handleSubmit((v) => {
    kit.clearAlerts();
    add.mutate({
      therapistId,
      kind: v.kind,
      startAt: zonedInstant(v.startDate, v.startTime, timeZone),
      endAt: zonedInstant(v.endDate, v.endTime, timeZone),
      ...(v.note.trim() ? { note: v.note } : {}),
    });
  });
  return (
    <section className="panel" aria-labelledby="therapy-leave-heading">
      <h2 id="therapy-leave-heading">{t('therapy.availability.leave')}</h2>
      <StatusMessage>{status}</StatusMessage>
      {leave.length === 0 ? (
        <p className="muted">{t('therapy.availability.noLeave')}</p>
      ) : (
        <ul className="link-list">
          {leave.map((l) => {
            const text = t('therapy.availability.leaveLine', {
              kind: t(`therapy.availability.kind.${l.kind}`),
              from: dayAndTime(l.startAt, timeZone),
              to: dayAndTime(l.endAt, timeZone),
            });
            return (
              <li key={l.id}>
                {text}
                {l.note ? ` — ${l.note}` : ''}{' '}
                <button
                  type="button"
                  className="button-danger-quiet"
                  aria-label={t('therapy.availability.removeOne', { leave: text })}
                  onClick={() => remove.mutate({ id: l.id })}
                >
                  {t('therapy.availability.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="therapy-leave-add">
        <h3 id="therapy-leave-add">{t('therapy.availability.addLeave')}</h3>
        <FormAlert message={kit.formError} text={kit.refusal} />
        <Field label={t('therapy.availability.kindLabel')} error={errors.kind}>
          {(a) => (
            <select {...a} {...register('kind')}>
              {LEAVE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`therapy.availability.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field-row">
          <Field label={t('therapy.availability.startDate')} error={errors.startDate}>
            {(a) => <input {...a} {...register('startDate')} type="date" />}
          </Field>
          <Field label={t('therapy.availability.startTime')} error={errors.startTime}>
            {(a) => <input {...a} {...register('startTime')} type="time" />}
          </Field>
          <Field label={t('therapy.availability.endDate')} error={errors.endDate}>
            {(a) => <input {...a} {...register('endDate')} type="date" />}
          </Field>
          <Field label={t('therapy.availability.endTime')} error={errors.endTime}>
            {(a) => <input {...a} {...register('endTime')} type="time" />}
          </Field>
        </div>
        <Field label={t('therapy.availability.note')} error={errors.note}>
          {(a) => <input {...a} {...register('note')} autoComplete="off" />}
        </Field>
        <SubmitButton pending={add.isPending} pendingText={t('common.working')}>
          {t('therapy.availability.saveLeave')}
        </SubmitButton>
      </form>
    </section>
  );
}
