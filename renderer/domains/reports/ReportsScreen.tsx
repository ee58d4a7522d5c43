import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputRequest } from '../../../shared/bridge';
import { reportCsv } from '../../../shared/reports/csv';
import { reportFileName } from '../../../shared/reports/file-name';
import {
  MARGINS,
  ORIENTATIONS,
  type Margins,
  type Orientation,
  type PageSetup,
} from '../../../shared/reports/layout';
import {
  HISTORY_SECTIONS,
  mayExportIdentifiableCsv,
  mayIncludeHistorySection,
  mayIncludeNames,
  REPORT_KINDS,
  type HistorySection,
  type ReportKind,
  type ReportOutput,
} from '../../../shared/reports/vocabulary';
import type { ChildListRow } from '../../../shared/children/contract';
import { isoDateSchema } from '../../../shared/ids';
import { PAPER_SIZES, type PaperSize } from '../../../shared/settings';
import { isAllowed } from '../../../shared/permissions';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from '../../../shared/languages';
import { todayIn } from '../../../shared/time';
import { isApiError } from '../../api/client';
import { useApi } from '../../api/ApiContext';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { loadCatalogue } from '../../i18n';
import { Checkbox } from '../../ui/Checkbox';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import type { FormMessage } from '../../forms/useServerErrors';
import { QUICK_PERIODS, quickPeriod } from '../../../shared/reports/periods';
import { ChildPicker } from './history/ChildPicker';
import { StaffPicker } from './access/StaffPicker';
import { documentTexts, previewPages, wholeDocument } from './print/reportDocument';
import { REPORTS, type ReportRun } from './registry';
import { SCHEDULE_GROUPINGS, type ScheduleGrouping } from './therapy/therapyBlocks';
import './print/report.css';
import './reports.css';

const ALL = '';

/** Why a typed date cannot be used: empty, not a date, or in the future. */
function dateProblem(value: string, today: string): string | null {
  if (value === '') return 'required';
  if (!isoDateSchema.safeParse(value).success) return 'invalid';
  return value > today ? 'date.future' : null;
}

/**
 * Pick a report, a shelter and a period; the preview shows the exact printed pages; Print, Save
 * as PDF and CSV send them out, and each is recorded in the audit log. Names only when the role
 * may see them and the box is ticked; a CSV with case codes only for the administrator, after a
 * confirmation.
 */
export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const session = useSession();
  useDocumentTitle(t('reports.title'));
  const today = todayIn(session.settings.timeZone);
  const kinds = REPORT_KINDS.filter((k) => REPORTS[k].roles.includes(session.role));
  // A therapist lists no shelters: their reports cover their caseload, wherever it is placed.
  const shelters = useApiQuery(
    'shelters.names',
    {},
    { enabled: isAllowed('shelters.names', session.role) },
  );
  const choosable = (shelters.data ?? []).filter(
    (s) => s.inScope || session.role !== 'caseworker',
  );

  const [kind, setKind] = useState<ReportKind>(kinds[0] ?? 'placement');
  const [shelterId, setShelterId] = useState(ALL);
  const initial = quickPeriod('lastQuarter', today);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [includeNames, setIncludeNames] = useState(false);
  const [scheduleBy, setScheduleBy] = useState<ScheduleGrouping>('therapist');
  // The printed language: the user's own unless chosen otherwise for this report.
  const [language, setLanguage] = useState<Language>(session.language);
  const [child, setChild] = useState<ChildListRow | null>(null);
  const [staffId, setStaffId] = useState('');
  const [sections, setSections] = useState<HistorySection[]>([]);
  const addable = HISTORY_SECTIONS.filter((s) => mayIncludeHistorySection(session.role, s));
  const [setup, setSetup] = useState<PageSetup>({
    paperSize: session.settings.paperSize,
    orientation: 'portrait',
    margins: 'normal',
  });
  const [run, setRun] = useState<ReportRun | null>(null);
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<FormMessage | null>(null);
  const [status, setStatus] = useState<{ text: string; at: number } | null>(null);
  const [confirmCsv, setConfirmCsv] = useState(false);

  const definition = REPORTS[kind];
  // The document speaks the language it was run in, whatever the screen shows.
  const texts = useMemo(() => {
    if (!run) return null;
    const printT = i18n.getFixedT(run.language);
    return documentTexts(printT, run, definition.title(printT), Boolean(definition.wholeRecord));
  }, [run, i18n, definition]);
  const preview = useMemo(
    () => (run && texts ? previewPages(run, setup, texts) : null),
    [run, setup, texts],
  );

  const show = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const fromProblem = definition.wholeRecord ? null : dateProblem(from, today);
    const toProblem = definition.wholeRecord ? null : dateProblem(to, today);
    if (fromProblem) problems.from = fromProblem;
    if (toProblem) problems.to = toProblem;
    if (!fromProblem && !toProblem && to < from) problems.to = 'report.periodOrder';
    if (definition.subject === 'child' && !child) problems.childId = 'report.childRequired';
    if (definition.subject === 'staff' && staffId === '') problems.userId = 'report.staffRequired';
    setFields(problems);
    setAlert(null);
    if (Object.keys(problems).length > 0) return;
    setPending(true);
    try {
      await loadCatalogue(language);
      setRun(
        await definition.run(
          api,
          {
            shelterId: shelterId === ALL || definition.subject !== 'shelters' ? null : shelterId,
            childId: definition.subject === 'child' ? (child?.id ?? null) : null,
            userId: definition.subject === 'staff' ? staffId : null,
            sections: definition.optionalSections ? sections : [],
            from,
            to,
            includeNames: definition.names && includeNames,
            scheduleBy,
            language,
          },
          i18n.getFixedT(language),
        ),
      );
    } catch (error) {
      setRun(null);
      if (isApiError(error) && Object.keys(error.fields).length > 0) setFields(error.fields);
      else setAlert({ key: isApiError(error) ? error.message : 'internal' });
    } finally {
      setPending(false);
    }
  };

  /** Audits the output, then sends it out; the audit comes first so nothing leaves unrecorded. */
  const send = async (output: ReportOutput, identifiable = false) => {
    if (!run || !texts) return;
    setAlert(null);
    try {
      if (run.child || run.staff) {
        // One person's record: printed or saved, never a CSV (no button offers one).
        if (output === 'csv') return;
        if (definition.recordOutput) await definition.recordOutput(api, run, output);
        else if (run.child)
          await api.call('reports.recordHistoryOutput', {
          childId: run.child.id,
          output,
          from: run.from,
          to: run.to,
          sections: run.child.sections,
          language: run.language,
        });
      } else
        await api.call('reports.recordOutput', {
          report: kind,
          output,
          from: run.from,
          to: run.to,
          shelterId: run.shelterId,
          sections: run.sections,
          includeNames: run.namesIncluded,
          identifiable,
          language: run.language,
        });
      const period = { from: run.from, to: run.to };
      const request: OutputRequest =
        output === 'csv'
          ? {
              mode: 'csv',
              content: reportCsv(run.blocks, identifiable),
              fileName: reportFileName(kind, period, 'csv'),
            }
          : {
              mode: output,
              content: await wholeDocument(run, setup, texts),
              fileName: reportFileName(kind, period, 'pdf'),
            };
      const result = await api.output(request);
      if (result.done) {
        const key = output === 'print' ? 'printed' : output === 'pdf' ? 'saved' : 'exported';
        setStatus({ text: t(`reports.actions.${key}`, { file: result.fileName ?? '' }), at: Date.now() });
      }
    } catch (error) {
      setAlert({ key: isApiError(error) ? error.message : 'internal' });
    }
  };

  const changeSetup = <K extends keyof PageSetup>(key: K, value: PageSetup[K]) =>
    setSetup((current) => ({ ...current, [key]: value }));

  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p>{t('reports.intro')}</p>
      <form className="reports-form" onSubmit={(event) => void show(event)} noValidate>
        <fieldset>
          <legend>{t('reports.form.legend')}</legend>
          <Field label={t('reports.form.kind')}>
            {(a) => (
              <select
                {...a}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as ReportKind);
                  setRun(null);
                }}
              >
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {REPORTS[k].title(t)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {definition.subject === 'child' ? (
            <ChildPicker
              chosen={child}
              error={fields.childId}
              onChoose={(chosen) => {
                setChild(chosen);
                setRun(null);
              }}
            />
          ) : definition.subject === 'staff' ? (
            <StaffPicker
              chosenId={staffId}
              error={fields.userId}
              onChoose={(chosen) => {
                setStaffId(chosen);
                setRun(null);
              }}
            />
          ) : (
            <Field label={t('reports.form.shelter')}>
              {(a) => (
                <select {...a} value={shelterId} onChange={(e) => setShelterId(e.target.value)}>
                  <option value={ALL}>{t('reports.form.allShelters')}</option>
                  {choosable.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {definition.wholeRecord ? (
            <p className="field-hint">{definition.wholeRecord(t)}</p>
          ) : (
            <>
          <Field
            label={t('reports.form.from')}
            error={fields.from ? { message: fields.from } : undefined}
          >
            {(a) => (
              <input
                {...a}
                type="date"
                className="input-date"
                value={from}
                max={today}
                onChange={(e) => setFrom(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('reports.form.to')} error={fields.to ? { message: fields.to } : undefined}>
            {(a) => (
              <input
                {...a}
                type="date"
                className="input-date"
                value={to}
                max={today}
                onChange={(e) => setTo(e.target.value)}
              />
            )}
          </Field>
          <div className="reports-quick" role="group" aria-label={t('reports.form.quick')}>
            {QUICK_PERIODS.map((q) => (
              <button
                key={q}
                type="button"
                onClick={() => {
                  const period = quickPeriod(q, today);
                  setFrom(period.from);
                  setTo(period.to);
                }}
              >
                {t(`reports.form.${q}`)}
              </button>
            ))}
          </div>
            </>
          )}
          <Field label={t('reports.form.language')} hint={t('reports.form.languageHint')}>
            {(a) => (
              <select
                {...a}
                value={language}
                onChange={(e) => {
                  if (isLanguage(e.target.value)) setLanguage(e.target.value);
                  setRun(null);
                }}
              >
                {LANGUAGES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {definition.schedule ? (
            <Field label={t('reports.form.scheduleBy')}>
              {(a) => (
                <select
                  {...a}
                  value={scheduleBy}
                  onChange={(e) => setScheduleBy(e.target.value as ScheduleGrouping)}
                >
                  {SCHEDULE_GROUPINGS.map((g) => (
                    <option key={g} value={g}>
                      {t(`reports.form.scheduleByOptions.${g}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {definition.names && mayIncludeNames(session.role) ? (
            <div className="reports-names">
              <Checkbox
                label={t('reports.form.includeNames')}
                checked={includeNames}
                aria-describedby="reports-names-hint"
                onChange={(e) => setIncludeNames(e.target.checked)}
              />
              <p className="field-hint" id="reports-names-hint">
                {t('reports.form.includeNamesHint')}
              </p>
            </div>
          ) : null}
          {definition.optionalSections && addable.length > 0 ? (
            <fieldset className="reports-sections" aria-describedby="reports-sections-hint">
              <legend>{t('reports.history.optional.legend')}</legend>
              <p className="field-hint" id="reports-sections-hint">
                {t('reports.history.optional.hint')}
              </p>
              {addable.map((section) => (
                <Checkbox
                  key={section}
                  label={t(`reports.history.optional.${section}`)}
                  checked={sections.includes(section)}
                  onChange={(e) =>
                    setSections((current) =>
                      e.target.checked
                        ? HISTORY_SECTIONS.filter((s) => s === section || current.includes(s))
                        : current.filter((s) => s !== section),
                    )
                  }
                />
              ))}
            </fieldset>
          ) : null}
          <button type="submit" className="button-primary" disabled={pending}>
            {t('reports.form.show')}
          </button>
        </fieldset>
      </form>
      <fieldset className="reports-page">
        <legend>{t('reports.page.legend')}</legend>
        <Field label={t('reports.page.paperSize')}>
          {(a) => (
            <select
              {...a}
              value={setup.paperSize}
              onChange={(e) => changeSetup('paperSize', e.target.value as PaperSize)}
            >
              {PAPER_SIZES.map((p) => (
                <option key={p} value={p}>
                  {t(`reports.page.papers.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('reports.page.orientation')}>
          {(a) => (
            <select
              {...a}
              value={setup.orientation}
              onChange={(e) => changeSetup('orientation', e.target.value as Orientation)}
            >
              {ORIENTATIONS.map((o) => (
                <option key={o} value={o}>
                  {t(`reports.page.orientations.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('reports.page.margins')}>
          {(a) => (
            <select
              {...a}
              value={setup.margins}
              onChange={(e) => changeSetup('margins', e.target.value as Margins)}
            >
              {MARGINS.map((m) => (
                <option key={m} value={m}>
                  {t(`reports.page.marginSizes.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <FormAlert message={alert} />
      <StatusMessage version={status?.at}>{status?.text ?? null}</StatusMessage>
      <div className="reports-actions">
        <button type="button" disabled={!run} onClick={() => void send('print')}>
          {t('reports.actions.print')}
        </button>
        <button type="button" disabled={!run} onClick={() => void send('pdf')}>
          {t('reports.actions.savePdf')}
        </button>
        {definition.subject === 'shelters' ? (
          <button type="button" disabled={!run} onClick={() => void send('csv')}>
            {t('reports.actions.csv')}
          </button>
        ) : null}
        {definition.subject === 'shelters' && mayExportIdentifiableCsv(session.role) ? (
          <button type="button" disabled={!run} onClick={() => setConfirmCsv(true)}>
            {t('reports.actions.csvIdentifiable')}
          </button>
        ) : null}
      </div>
      <section className="reports-preview" aria-labelledby="reports-preview-heading">
        <h2 id="reports-preview-heading">
          {t('reports.preview.heading')}
          {preview ? ` — ${t('reports.preview.pages', { count: preview.pages })}` : ''}
        </h2>
        {pending ? <p>{t('reports.preview.loading')}</p> : null}
        {!pending && !preview ? (
          // A whole-record report asks for no period: only the child is to choose.
          <p>
            {definition.wholeRecord
              ? t('reports.preview.emptyChild')
              : t('reports.preview.empty')}
          </p>
        ) : null}
        {preview ? (
          // The printed document's own pages: built from escaped text only (shared/reports/document.ts).
          <div className="reports-sheets" dangerouslySetInnerHTML={{ __html: preview.html }} />
        ) : null}
      </section>
      {confirmCsv ? (
        <ConfirmDialog
          title={t('reports.actions.confirmIdentifiableTitle')}
          body={t('reports.actions.confirmIdentifiable')}
          confirmLabel={t('reports.actions.confirm')}
          pending={false}
          error={null}
          onClose={() => setConfirmCsv(false)}
          onConfirm={() => {
            setConfirmCsv(false);
            void send('csv', true);
          }}
        />
      ) : null}
    </>
  );
}
