import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isAllowed } from '../../../../shared/permissions';
import type { ProcedureInput } from '../../../../shared/contract';
import type { TherapySession } from '../../../../shared/therapy/contract';
import { todayIn } from '../../../../shared/time';
import { useApi } from '../../../api/ApiContext';
import type { ApiError } from '../../../api/client';
import { queryKey, useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { childText } from '../labels';
import { CancelDialog, ChangeDialog, RecordDialog } from '../session/SessionDialogs';
import { SessionDetailsDialog } from '../session/SessionDetailsDialog';
import type { SessionAction } from '../session/SessionTable';
import { CalendarToolbar, rangeTitle } from './CalendarToolbar';
import { PrintableWeek, type PrintableEntry } from './PrintableWeek';
import { CALENDAR_VIEWS, stepDate, viewDays, type CalendarView } from './range';
import { ScheduleCalendar } from './ScheduleCalendar';
import '../therapy.css';

const BY = ['therapist', 'shelter', 'child'] as const;
type By = (typeof BY)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** Day, week and agenda views of one therapist's, one shelter's or one child's sessions. */
export function CalendarScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('therapy.calendar.title'));
  const session = useSession();
  const timeZone = session.settings.timeZone;
  const today = todayIn(timeZone);
  const [params, setParams] = useSearchParams();
  const view = oneOf(CALENDAR_VIEWS, params.get('view'), 'week');
  const dateParam = params.get('date');
  const date = dateParam && DATE.test(dateParam) ? dateParam : today;
  const byOptions = BY.filter((b) => b !== 'shelter' || isAllowed('shelters.names', session.role));
  const by = oneOf(byOptions, params.get('by'), 'therapist');
  const me = session.role === 'therapist' ? session.userId : '';
  const subjectId = params.get('id') ?? (by === 'therapist' ? me : '');

  const update = (next: Partial<{ view: CalendarView; date: string; by: By; id: string }>) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) copy.set(key, value);
        if (next.by !== undefined && next.id === undefined) copy.delete('id');
        return copy;
      },
      { replace: true },
    );

  const [open, setOpen] = useState<{
    kind: SessionAction | 'details';
    session: TherapySession;
  } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const { first, afterLast } = viewDays(view, date);
  const input = useMemo((): ProcedureInput<'therapy.calendar'> | null => {
    if (!subjectId) return null;
    const range = { from: first, to: stepDate('day', afterLast, -1) };
    const id = by === 'therapist' ? 'therapistId' : by === 'shelter' ? 'shelterId' : 'childId';
    return { by, [id]: subjectId, ...range };
  }, [by, subjectId, first, afterLast]);

  const heading = rangeTitle(t, view, date);
  const choices = useSubjectChoices(by, byOptions.includes('shelter'));
  const subject = choices.find((c) => c.id === subjectId)?.label ?? '';
  return (
    <>
      <div className="screen-heading">
        <h1>{t('therapy.calendar.title')}</h1>
        <button type="button" onClick={() => window.print()}>
          {t('therapy.calendar.print.button')}
        </button>
      </div>
      <StatusMessage>{status}</StatusMessage>
      <SubjectPicker
        by={by}
        byOptions={byOptions}
        choices={choices}
        subjectId={subjectId}
        onChange={(nextBy, id) => update({ by: nextBy, id })}
      />
      <h2 aria-live="polite">{heading}</h2>
      <CalendarToolbar view={view} date={date} today={today} onChange={(next) => update(next)} />
      {input ? (
        <CalendarBody
          input={input}
          view={view}
          date={date}
          heading={heading}
          subject={subject}
          timeZone={timeZone}
          onOpen={(s) => setOpen({ kind: 'details', session: s })}
        />
      ) : (
        <p className="muted">{t('therapy.calendar.chooseSubject')}</p>
      )}
      {open?.kind === 'details' ? (
        <SessionDetailsDialog
          session={open.session}
          timeZone={timeZone}
          onClose={() => setOpen(null)}
          onAction={(kind) => setOpen({ kind, session: open.session })}
        />
      ) : null}
      {open?.kind === 'record' ? (
        <RecordDialog
          session={open.session}
          timeZone={timeZone}
          showComponents={open.session.plannedComponents.length > 0}
          onClose={() => setOpen(null)}
          onDone={(m) => {
            setOpen(null);
            setStatus(m);
          }}
        />
      ) : null}
      {open?.kind === 'change' ? (
        <ChangeDialog
          session={open.session}
          timeZone={timeZone}
          onClose={() => setOpen(null)}
          onDone={(m) => {
            setOpen(null);
            setStatus(m);
          }}
        />
      ) : null}
      {open?.kind === 'cancel' ? (
        <CancelDialog
          session={open.session}
          timeZone={timeZone}
          onClose={() => setOpen(null)}
          onDone={(m) => {
            setOpen(null);
            setStatus(m);
          }}
        />
      ) : null}
    </>
  );
}

function CalendarBody({
  input,
  view,
  date,
  heading,
  subject,
  timeZone,
  onOpen,
}: {
  input: ProcedureInput<'therapy.calendar'>;
  view: CalendarView;
  date: string;
  heading: string;
  subject: string;
  timeZone: string;
  onOpen: (session: TherapySession) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const calendar = useQuery<TherapySession[], ApiError>({
    queryKey: queryKey('therapy.calendar', input),
    queryFn: () => api.call('therapy.calendar', input),
    // The week stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
  const sessions = useMemo(() => calendar.data ?? [], [calendar.data]);
  const entries = useMemo(
    (): PrintableEntry[] =>
      sessions.map((s) => ({
        id: s.id,
        start: s.startAt,
        end: s.endAt,
        title: s.children.length
          ? s.children.map((c) => childText(t, c)).join(', ')
          : t('therapy.calendar.busy'),
        status: s.status,
        therapistName: s.therapist.displayName,
        room: s.room,
      })),
    [sessions, t],
  );
  const byId = useMemo(() => new Map(sessions.map((s) => [s.id, s])), [sessions]);
  return (
    <>
      {calendar.isError ? <FormAlert message={{ key: calendar.error.message }} /> : null}
      <p role="status" className="pending-text">
        {calendar.isFetching ? t('therapy.loading') : null}
      </p>
      <ScheduleCalendar
        view={view}
        date={date}
        timeZone={timeZone}
        entries={entries}
        onOpen={(id) => {
          const found = byId.get(id);
          if (found) onOpen(found);
        }}
      />
      <PrintableWeek heading={heading} subject={subject} entries={entries} timeZone={timeZone} />
    </>
  );
}

type Choice = { id: string; label: string };

/** Whose calendar: a therapist's, a shelter's (for those who manage shelters) or a child's. */
function SubjectPicker({
  by,
  byOptions,
  choices,
  subjectId,
  onChange,
}: {
  by: By;
  byOptions: readonly By[];
  choices: readonly Choice[];
  subjectId: string;
  onChange: (by: By, id: string) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <form
      className="form filters"
      aria-label={t('therapy.calendar.subjectLabel')}
      noValidate
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="filter-row">
        <div className="field">
          <label htmlFor={`${ids}-by`}>{t('therapy.calendar.byLabel')}</label>
          <select id={`${ids}-by`} value={by} onChange={(e) => onChange(e.target.value as By, '')}>
            {byOptions.map((b) => (
              <option key={b} value={b}>
                {t(`therapy.calendar.by.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-id`}>{t(`therapy.calendar.which.${by}`)}</label>
          <select id={`${ids}-id`} value={subjectId} onChange={(e) => onChange(by, e.target.value)}>
            <option value="">{t('therapy.choose')}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
    </form>
  );
}

/** The therapists, shelters (asked for only by a role that may list them) or children to show. */
function useSubjectChoices(by: By, canShelters: boolean): Choice[] {
  const { t } = useTranslation();
  const api = useApi();
  const therapists = useApiQuery('therapy.therapists', {});
  const caseload = useApiQuery('therapy.caseload', {});
  const shelters = useQuery({
    queryKey: queryKey('shelters.names', {}),
    queryFn: () => api.call('shelters.names', {}),
    enabled: canShelters,
  });
  if (by === 'therapist') {
    return (therapists.data ?? []).map((th) => ({ id: th.id, label: th.displayName }));
  }
  if (by === 'shelter') return (shelters.data ?? []).map((s) => ({ id: s.id, label: s.name }));
  return (caseload.data ?? []).map((row) => ({ id: row.child.id, label: childText(t, row.child) }));
}
