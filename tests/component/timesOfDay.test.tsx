// A court hearing at 14:30 reads "2:30 PM" in every language: the Philippine 12-hour clock with
// AM/PM, never the 24-hour text the form stores. Checked where staff read a legal event's time.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/languages';
import { caseworkerSession, therapistSession } from './support/fixtures';
import { renderApp } from './support/render';
import { CHILD_IDS, OTHER_IDS, caseFile, casesBridge } from './support/children';
import { SCHEDULING, THERAPY_IDS, therapyBridge } from './support/therapy';

const LANGUAGES: Language[] = ['en', 'fil', 'ceb'];
const COURT = 'Fictional RTC Branch 7, Cebu City';

describe.each(LANGUAGES)('a legal event at 14:30, in %s', (language) => {
  it('shows 2:30 PM in the case file', async () => {
    const bridge = casesBridge(caseworkerSession({ language })).ok(
      'children.get',
      caseFile({
        legalEvents: [
          {
            id: OTHER_IDS.legal,
            childId: CHILD_IDS.maria,
            kind: 'hearing',
            date: '2026-12-10',
            time: '14:30',
            court: COURT,
            caseNumber: 'R-CEB-26-0042-CR',
            notes: null,
          },
        ],
      }),
    );
    renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    const row = (await screen.findByText(COURT)).closest('tr');
    expect(row).toHaveTextContent('2:30 PM');
    expect(row).not.toHaveTextContent('14:30');
  });

  it('shows 2:30 PM to the therapist who schedules around it', async () => {
    const bridge = therapyBridge(therapistSession({ language })).ok('therapy.childScheduling', {
      ...SCHEDULING,
      legalEvents: [
        { id: THERAPY_IDS.series, kind: 'testimony', date: '2026-12-16', time: '14:30' },
      ],
    });
    renderApp(bridge, { route: `/therapy/children/${THERAPY_IDS.child}` });
    const facts = await screen.findByText(/12\/16\/2026 2:30 PM/);
    expect(facts).not.toHaveTextContent('14:30');
  });
});
