// Paper reads the 24-hour clock: the therapy report's weekly schedule and every report's
// "generated" line print 14:00, never 2:00 PM, in every language, while the screens keep AM/PM.
// The printed pages as the report form builds them, read as text.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { therapyBlocks } from '../../../renderer/domains/reports/therapy/therapyBlocks';
import { documentTexts } from '../../../renderer/domains/reports/print/reportDocument';
import type { ReportRun } from '../../../renderer/domains/reports/registry';
import { formatInstant } from '../../../shared/format';
import { LANGUAGES, type Language } from '../../../shared/languages';
import type { TherapyReport } from '../../../shared/reports/contract';
import { reportPages } from '../../../shared/reports/document';
import { loadCatalogue } from '../../../renderer/i18n';

const ZONE = 'Asia/Manila';

// In Manila: 09:00–10:00, 14:00–15:00 and 00:00 to 00:45 (a night session, for the midnight hour).
const session = (startAt: string, endAt: string) => ({
  startAt,
  endAt,
  therapistName: 'Fictional Therapist Cruz',
  shelterName: 'Fictional Home Cebu',
  room: null,
  kind: 'individual' as const,
  modality: 'play_therapy' as const,
  status: 'scheduled' as const,
  children: ['AR-2026-0007'],
});
const REPORT: TherapyReport = {
  kind: 'therapy',
  from: '2026-03-01',
  to: '2026-03-31',
  shelterId: null,
  shelters: [{ id: 's1', name: 'Fictional Home Cebu', type: 'ngo_shelter', beds: 8 }],
  detailed: true,
  generatedAt: '2026-03-05T06:07:00.000Z',
  generatedBy: 'Fictional Coordinator Lim',
  timeZone: ZONE,
  sessions: [
    session('2026-03-05T01:00:00.000Z', '2026-03-05T02:00:00.000Z'),
    session('2026-03-05T06:00:00.000Z', '2026-03-05T07:00:00.000Z'),
    session('2026-03-05T16:00:00.000Z', '2026-03-05T16:45:00.000Z'),
  ],
  attendance: { byShelter: [], byChild: [], byTherapist: [], byModality: [] },
  plans: [],
};

/** The printed pages' text, as pdftotext would read it (tags dropped, spaces squashed). */
async function printedText(language: Language): Promise<string> {
  // As the report form builds a report in the language chosen for it.
  await loadCatalogue(language);
  const t = i18next.getFixedT(language);
  const run: ReportRun = {
    stamp: REPORT,
    from: REPORT.from,
    to: REPORT.to,
    shelterId: null,
    scope: 'Fictional Home Cebu',
    namesIncluded: false,
    sections: ['schedule'],
    language,
    blocks: therapyBlocks(REPORT, t, 'therapist', language),
  };
  const setup = { paperSize: 'A4', orientation: 'portrait', margins: 'normal' } as const;
  const { html } = reportPages(run.blocks, setup, documentTexts(t, run, t('reports.therapy.title')));
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('times on paper', () => {
  const texts = new Map<Language, string>();
  beforeAll(async () => {
    for (const language of LANGUAGES) texts.set(language, await printedText(language));
  });

  it.each(LANGUAGES)(
    'prints the schedule and the generated time on the 24-hour clock in %s',
    (language) => {
      const text = texts.get(language)!;
      expect(text).toContain('09:00–10:00');
      expect(text).toContain('14:00–15:00');
      expect(text).toContain('00:00–00:45');
      expect(text).toContain('03/05/2026 14:07');
      expect(text).not.toMatch(/\d:\d\d ?(AM|PM|[ap]\.?m\.?)/i);
    },
  );

  it('keeps the 12-hour clock on screen', () => {
    expect(formatInstant(REPORT.generatedAt, ZONE, 'dateTime')).toBe('03/05/2026 2:07 PM');
    expect(formatInstant(REPORT.generatedAt, ZONE, 'time24', 'ceb')).toBe('14:07');
  });
});
