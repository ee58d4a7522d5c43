// The Reports screen: the preview shows the printed pages; names only for a role that may see
// them and only when ticked; every print, PDF and CSV is audited before it leaves, with what it
// holds; a CSV with case codes is the administrator's, after a confirmation; bad periods are
// refused at the field and the typed dates kept.
import { configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import en from '../../../renderer/i18n/en-reports.json';
import ceb from '../../../renderer/i18n/ceb-reports.json';
import fil from '../../../renderer/i18n/fil-reports.json';
import type { SessionInfo } from '../../../shared/contract';
import { setLanguage } from '../../../renderer/i18n';
import { MARGINS, ORIENTATIONS } from '../../../shared/reports/layout';
import { AGE_BANDS, REPORTS_ERROR_KEYS } from '../../../shared/reports/vocabulary';
import { PAPER_SIZES } from '../../../shared/settings';
import type {
  PlacementHistoryReport,
  PlacementReport,
  TherapyReport,
} from '../../../shared/reports/contract';
import { therapyBridge } from '../support/therapy';
import { FakeBridge } from '../support/FakeBridge';
import { caseworkerSession, session, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { NOW, SHELTER_NAMES, SIDS, coordinatorSession } from '../support/shelters';

configure({ asyncUtilTimeout: 5000 });

function report(input: { from: string; to: string; includeNames: boolean }): PlacementReport {
  return {
    kind: 'placement',
    from: input.from,
    to: input.to,
    shelterId: SIDS.pagasa,
    shelters: [{ id: SIDS.pagasa, name: 'Bahay Pag-asa', type: 'ngo_shelter', beds: 4 }],
    namesIncluded: input.includeNames,
    generatedAt: '2026-11-29T04:00:00.000Z',
    generatedBy: 'Luningning Bautista',
    timeZone: 'Asia/Manila',
    occupancy: { today: 3, average: 2.5, series: [{ date: input.from, count: 2 }] },
    movements: {
      admissions: 4,
      transfersIn: 1,
      transfersOut: 0,
      discharges: 2,
      byDestination: {
        family_reintegration: 2,
        kinship_care: 0,
        foster_care: 0,
        independent_living: 0,
        transfer_other_agency: 0,
        other: 0,
      },
    },
    lengthOfStay: { stays: 2, medianDays: 40, minDays: 30, maxDays: 50 },
    bedUtilisation: { bedDays: 368, occupiedDays: 230, percent: 62.5 },
    children: [
      {
        caseCode: 'AR-2026-0042',
        initials: 'M.S.',
        name: input.includeNames ? 'Maria Santos' : null,
        shelterName: 'Bahay Pag-asa',
        startAt: '2026-07-03T02:00:00.000Z',
        endAt: null,
        daysInPeriod: 89,
        exit: null,
      },
    ],
  };
}

function reportsBridge(who: SessionInfo) {
  return new FakeBridge()
    .ok('app.status', unlocked(who))
    .ok('shelters.names', [
      ...SHELTER_NAMES,
      { id: SIDS.bed1, name: 'Elsewhere Home', inScope: false },
    ])
    .ok('reports.placement', report)
    .ok('reports.recordOutput', null);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  // The bundled font, as the app reads it back from its own bundle.
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(new Uint8Array([1, 2, 3]))));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('reports catalogue', () => {
  it('has words for every error, report, paper, orientation and margin the screen shows', () => {
    for (const key of REPORTS_ERROR_KEYS) expect(i18next.exists(`errors.${key}`), key).toBe(true);
    for (const paper of PAPER_SIZES) expect(i18next.exists(`reports.page.papers.${paper}`)).toBe(true);
    for (const o of ORIENTATIONS) expect(i18next.exists(`reports.page.orientations.${o}`)).toBe(true);
    for (const m of MARGINS) expect(i18next.exists(`reports.page.marginSizes.${m}`)).toBe(true);
    for (const band of AGE_BANDS)
      expect(i18next.exists(`reports.statistics.ageBands.${band}`), band).toBe(true);
  });
});

describe('Reports screen', () => {
  it('previews last quarter with names only when ticked, then audits and saves the PDF', async () => {
    const bridge = reportsBridge(coordinatorSession());
    const { user } = renderApp(bridge, { route: '/reports' });
    await screen.findByRole('heading', { level: 1, name: 'Reports' });
    // Today is 11/29/2026: last quarter is July to September.
    expect(screen.getByLabelText('From')).toHaveValue('2026-07-01');
    expect(screen.getByLabelText('To')).toHaveValue('2026-09-30');
    expect(screen.getByLabelText('Paper size')).toHaveValue('A4');
    await screen.findByRole('option', { name: 'Bahay Pag-asa' });
    await user.selectOptions(screen.getByLabelText('Shelter'), 'Bahay Pag-asa');
    await user.click(screen.getByRole('checkbox', { name: 'Include full names' }));
    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    const preview = await screen.findByRole('region', { name: /^Preview — \d+ pages?$/ });
    const pages = within(preview).getAllByRole('region', { name: /^Page \d+ of \d+ of the report$/ });
    expect(bridge.inputsOf('reports.placement')).toEqual([
      { shelterId: SIDS.pagasa, from: '2026-07-01', to: '2026-09-30', includeNames: true },
    ]);
    const page = pages[0]!;
    expect(page).toHaveAccessibleName(`Page 1 of ${pages.length} of the report`);
    expect(page).toHaveTextContent('CONFIDENTIAL');
    expect(page).toHaveTextContent('Period: 07/01/2026 to 09/30/2026');
    expect(preview).toHaveTextContent('Maria Santos');
    expect(page).toHaveTextContent('Full names are included at the request of Luningning Bautista');
    expect(page).toHaveTextContent('Generated by Luningning Bautista on 11/29/2026 12:00 PM');
    expect(page).toHaveTextContent(`Page 1 of ${pages.length}`);
    for (const each of pages) expect(each).toHaveTextContent('CONFIDENTIAL');
    expect(page).toHaveClass('report-sheet--A4-portrait');
    await expectNoAxeViolations();

    // Named as Settings names the default paper.
    await user.selectOptions(screen.getByLabelText('Paper size'), 'Long bond (8.5 × 13 in)');
    await user.selectOptions(screen.getByLabelText('Orientation'), 'landscape');
    expect(within(preview).getAllByRole('region', { name: /^Page 1 of/ })[0]).toHaveClass(
      'report-sheet--Legal13-landscape',
    );
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    await screen.findByText('Saved placement-report-2026-07-01-2026-09-30.pdf.');
    expect(bridge.inputsOf('reports.recordOutput')).toEqual([
      {
        report: 'placement',
        output: 'pdf',
        from: '2026-07-01',
        to: '2026-09-30',
        shelterId: SIDS.pagasa,
        sections: ['occupancy', 'movements', 'lengthOfStay', 'utilisation', 'children'],
        includeNames: true,
        identifiable: false,
        language: 'en',
      },
    ]);
    const [sent] = bridge.outputs;
    expect(sent!.mode).toBe('pdf');
    expect(sent!.content).toContain('@page{size:13in 8.5in;margin:0}');
    expect(sent!.content).toContain('data:font/woff2;base64,');
    expect(sent!.content).toContain('Maria Santos');
    // No identifiable CSV for a coordinator; the plain CSV leaves the children's list out.
    expect(screen.queryByRole('button', { name: 'Export CSV with case codes' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(bridge.outputs).toHaveLength(2));
    expect(bridge.outputs[1]!.mode).toBe('csv');
    expect(bridge.outputs[1]!.content).toContain('Admissions,4');
    expect(bridge.outputs[1]!.content).not.toContain('AR-2026-0042');
    expect(bridge.inputsOf('reports.recordOutput')[1]).toMatchObject({
      output: 'csv',
      identifiable: false,
    });
  });

  it("prints in the language chosen in the dialog, defaulting to the user's, and audits it", async () => {
    // The user works in Cebuano; she prints this report in Filipino.
    try {
      const bridge = reportsBridge({ ...coordinatorSession(), language: 'ceb' });
      const { user } = renderApp(bridge, { route: '/reports' });
      const language = await screen.findByLabelText(ceb.form.language);
      expect(language).toHaveValue('ceb');
      await user.selectOptions(language, 'fil');
      await user.click(screen.getByRole('button', { name: ceb.form.show }));
      const preview = await screen.findByRole('region', { name: /^Preview — \d+ ka pahina$/ });
      await waitFor(() =>
        expect(within(preview).getAllByText(fil.print.confidential, { exact: false }).length).toBeGreaterThan(0),
      );
      // The screen itself keeps the user's language.
      expect(screen.getByRole('heading', { level: 1, name: ceb.title })).toBeVisible();
      await user.click(screen.getByRole('button', { name: ceb.actions.print }));
      await waitFor(() => expect(bridge.outputs).toHaveLength(1));
      expect(bridge.inputsOf('reports.recordOutput')[0]).toMatchObject({ language: 'fil' });
      expect(bridge.outputs[0]!.content).toContain('<html lang="fil">');
      expect(bridge.outputs[0]!.content).toContain(fil.print.confidential);
      expect(bridge.outputs[0]!.content).not.toContain(en.print.confidential);
    } finally {
      await setLanguage('en');
    }
  });

  it('refuses a reversed period at the field, keeps the dates and asks the backend nothing', async () => {
    const bridge = reportsBridge(coordinatorSession());
    const { user } = renderApp(bridge, { route: '/reports' });
    const to = await screen.findByLabelText('To');
    await user.clear(to);
    await user.type(to, '2026-06-01');
    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    expect(await screen.findByText('The end of the period is before its start.')).toBeVisible();
    expect(to).toHaveValue('2026-06-01');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.countOf('reports.placement')).toBe(0);
    expect(screen.getByRole('button', { name: 'Print' })).toBeDisabled();
  });

  it('gives a caseworker only her shelters; the administrator no names but a confirmed CSV with case codes', async () => {
    const caseworker = reportsBridge(caseworkerSession());
    const first = renderApp(caseworker, { route: '/reports' });
    const shelter = await screen.findByLabelText('Shelter');
    expect(await within(shelter).findByRole('option', { name: 'Bahay Pag-asa' })).toBeInTheDocument();
    expect(within(shelter).queryByRole('option', { name: 'Elsewhere Home' })).toBeNull();
    first.unmount();

    const bridge = reportsBridge(session());
    const { user } = renderApp(bridge, { route: '/reports' });
    await screen.findByRole('heading', { level: 1, name: 'Reports' });
    expect(screen.queryByRole('checkbox', { name: 'Include full names' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    await screen.findByRole('region', { name: /^Preview — / });
    await user.click(screen.getByRole('button', { name: 'Export CSV with case codes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export case codes and initials?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(bridge.countOf('reports.recordOutput')).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Export CSV with case codes' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Export' }),
    );
    await waitFor(() => expect(bridge.outputs).toHaveLength(1));
    expect(bridge.inputsOf('reports.recordOutput')[0]).toMatchObject({
      output: 'csv',
      identifiable: true,
      includeNames: false,
    });
    expect(bridge.outputs[0]!.content).toContain('AR-2026-0042,M.S.');
  });

  it('a placement history: a child must be chosen; the ticked section is asked for, printed and audited', async () => {
    const child = {
      id: SIDS.bed1,
      caseCode: 'AR-2026-0042',
      alias: 'M.S.',
      status: 'in_care' as const,
      age: 14,
      ageEstimated: false,
      shelterName: 'Bahay Pag-asa',
      caseworkerName: null,
    };
    const history = (input: { from: string; to: string; sections: ('intake' | 'familySafety')[] }) =>
      ({
        kind: 'placementHistory',
        from: input.from,
        to: input.to,
        generatedAt: '2026-11-29T04:00:00.000Z',
        generatedBy: 'Luningning Bautista',
        timeZone: 'Asia/Manila',
        child: { id: child.id, caseCode: child.caseCode, initials: 'M.S.', status: 'in_care' },
        caseworker: 'Joy Ramos',
        sections: input.sections,
        placements: [
          {
            shelterName: 'Bahay Pag-asa',
            startAt: '2026-07-03T02:00:00.000Z',
            endAt: null,
            entry: 'transfer',
            reason: 'Closer to her school',
          },
        ],
        transfers: [],
        discharges: [],
        legalEvents: [],
        intake: input.sections.includes('intake')
          ? {
              account: 'Fictional account',
              recordedAt: '2026-06-01T02:00:00.000Z',
              heldWhere: 'video' as const,
              reference: 'Fictional video reference V-12',
            }
          : null,
        familySafety: null,
      }) satisfies PlacementHistoryReport;
    const bridge = reportsBridge(coordinatorSession())
      .ok('children.search', { rows: [child], total: 1 })
      .ok('reports.placementHistory', history)
      .ok('reports.recordHistoryOutput', null);
    const { user } = renderApp(bridge, { route: '/reports' });
    await user.selectOptions(
      await screen.findByLabelText('Report'),
      'Individual placement history',
    );
    expect(screen.queryByLabelText('Shelter')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    expect(await screen.findByText('Choose the child the report is about.')).toBeVisible();
    expect(bridge.countOf('reports.placementHistory')).toBe(0);

    await user.type(screen.getByLabelText('Find the child'), '0042{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Choose AR-2026-0042' }));
    expect(screen.getByText('Chosen: AR-2026-0042 (M.S.)')).toBeVisible();
    expect(bridge.inputsOf('children.search')[0]).toMatchObject({ text: '0042' });
    await user.click(screen.getByRole('checkbox', { name: 'Intake account' }));
    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    const preview = await screen.findByRole('region', { name: /^Preview — \d+ pages?$/ });
    expect(bridge.inputsOf('reports.placementHistory')).toEqual([
      { childId: child.id, from: '2026-07-01', to: '2026-09-30', sections: ['intake'] },
    ]);
    expect(preview).toHaveTextContent('Child AR-2026-0042 (M.S.)');
    expect(preview).toHaveTextContent('Closer to her school');
    expect(preview).toHaveTextContent('Fictional account');
    // The intake account is a reference: where it is held, and not to interview the child again.
    expect(preview).toHaveTextContent('Held in: Video recording');
    expect(preview).toHaveTextContent('Reference: Fictional video reference V-12');
    expect(preview).toHaveTextContent('Do not interview the child again.');
    expect(preview).toHaveTextContent(
      'Also included at the request of Luningning Bautista: the intake account.',
    );
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    await screen.findByText('Saved placementHistory-report-2026-07-01-2026-09-30.pdf.');
    expect(bridge.inputsOf('reports.recordHistoryOutput')).toEqual([
      {
        childId: child.id,
        output: 'pdf',
        from: '2026-07-01',
        to: '2026-09-30',
        sections: ['intake'],
        language: 'en',
      },
    ]);
    expect(bridge.countOf('reports.recordOutput')).toBe(0);
  });

  it('a therapist runs the therapy report only: the schedule by shelter, and a plain CSV without case codes', async () => {
    const figures = { due: 2, attended: 1, noShow: 1, cancelled: 0, notRecorded: 0, percent: 50 };
    const therapy = (input: { from: string; to: string; shelterId: string | null }) =>
      ({
        kind: 'therapy',
        from: input.from,
        to: input.to,
        shelterId: input.shelterId,
        shelters: [{ id: SIDS.pagasa, name: 'Bahay Pag-asa', type: 'ngo_shelter', beds: 4 }],
        generatedAt: '2026-11-29T04:00:00.000Z',
        generatedBy: 'Tala Cruz',
        timeZone: 'Asia/Manila',
        detailed: true,
        scheduleDays: { from: '2026-09-24', to: '2026-09-30' },
        sessions: [
          {
            startAt: '2026-09-29T02:00:00.000Z',
            endAt: '2026-09-29T03:00:00.000Z',
            therapistName: 'Tala Cruz',
            shelterName: 'Bahay Pag-asa',
            room: null,
            kind: 'individual',
            modality: 'tf_cbt',
            status: 'attended',
            children: ['AR-2026-0042'],
          },
        ],
        attendance: {
          byShelter: [{ shelterName: 'Bahay Pag-asa', sessions: 1, ...figures }],
          byChild: [{ caseCode: 'AR-2026-0042', initials: 'M.S.', ...figures }],
          byTherapist: [{ therapistName: 'Tala Cruz', ...figures }],
          byModality: [{ modality: 'tf_cbt', ...figures }],
        },
        plans: [
          {
            caseCode: 'AR-2026-0042',
            initials: 'M.S.',
            therapistName: 'Tala Cruz',
            modality: 'tf_cbt',
            status: 'active',
            session: 1,
            planned: 12,
            phase: 'stabilisation',
            phaseNumber: 1,
          },
        ],
      }) satisfies TherapyReport;
    const bridge = therapyBridge()
      .ok('reports.therapy', therapy)
      .ok('reports.recordOutput', null);
    const { user } = renderApp(bridge, { route: '/reports' });
    const kind = await screen.findByLabelText('Report');
    expect(within(kind).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Therapy report',
    ]);
    // A therapist lists no shelters: her report covers her caseload.
    expect(bridge.countOf('shelters.names')).toBe(0);
    await user.selectOptions(screen.getByLabelText('Weekly schedule by'), 'Shelter');
    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    const preview = await screen.findByRole('region', { name: /^Preview — \d+ pages?$/ });
    expect(bridge.inputsOf('reports.therapy')).toEqual([
      { shelterId: null, from: '2026-07-01', to: '2026-09-30' },
    ]);
    expect(preview).toHaveTextContent(
      "The weekly schedule lists the sessions of the period's last week: 09/24/2026 to 09/30/2026.",
    );
    expect(preview).toHaveTextContent('Weekly schedule: Bahay Pag-asa');
    expect(preview).toHaveTextContent('AR-2026-0042');
    expect(preview).toHaveTextContent('1 of 12');
    expect(preview).toHaveTextContent('Phase 1: stabilisation');
    await expectNoAxeViolations();
    expect(screen.queryByRole('button', { name: 'Export CSV with case codes' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(bridge.outputs).toHaveLength(1));
    expect(bridge.inputsOf('reports.recordOutput')[0]).toMatchObject({
      report: 'therapy',
      output: 'csv',
      sections: ['scheduleByShelter', 'attendance', 'plans'],
      identifiable: false,
    });
    const csv = bridge.outputs[0]!.content;
    expect(csv).toContain('Tala Cruz,2,1,1,0,0,50%');
    expect(csv).toContain('Bahay Pag-asa,1,2,1,1,0,0,50%');
    expect(csv).toContain('TF-CBT,2,1,1,0,0,50%');
    expect(csv).not.toContain('AR-2026-0042');
  });
});
