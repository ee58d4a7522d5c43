// The clinical-record screens with a fake backend: the draft autosaves as typed (and once more as
// the screen goes on a lock), signing asks first and then offers only an addendum, the case team
// sees no note, a coordinator must type a reason, and score entry refuses a score out of range at
// its field and draws what was saved.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../shared/contract';
import type { Instrument, OutcomeScore, ScoreHistory } from '../../../shared/therapy/measures';
import type { ChildSessionNotes, SessionNote } from '../../../shared/therapy/notes';
import { FakeBridge } from '../support/FakeBridge';
import { caseworkerSession, ERR, session, therapistSession, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

const NOTE_ID = '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5d01';
const CHILD_ID = '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5d02';
const SESSION_ID = '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5d03';
const THERAPIST = { id: '0190a5d4-6c1e-7a3b-ac2d-1e2f3a4b5c71', displayName: 'Luningning Santos' };

function note(overrides: Partial<SessionNote> = {}): SessionNote {
  return {
    id: NOTE_ID,
    sessionId: SESSION_ID,
    childId: CHILD_ID,
    caseCode: 'AR-2026-0042',
    initials: 'M.C.',
    planId: null,
    sessionStartAt: '2026-11-30T01:00:00.000Z',
    template: 'soap',
    fields: {},
    status: 'draft',
    author: THERAPIST,
    signedAt: null,
    signedBy: null,
    updatedAt: '2026-11-30T02:00:00.000Z',
    addenda: [],
    flags: [],
    breakGlassReads: [],
    mine: true,
    ...overrides,
  };
}

const sessions = (noteStatus: 'draft' | 'signed' | null, readable = false): ChildSessionNotes => ({
  child: { id: CHILD_ID, caseCode: 'AR-2026-0042', initials: 'M.C.' },
  sessions: [
    {
      sessionId: SESSION_ID,
      startAt: '2026-11-30T01:00:00.000Z',
      endAt: '2026-11-30T02:00:00.000Z',
      sessionStatus: 'attended',
      therapist: THERAPIST,
      noteId: noteStatus ? NOTE_ID : null,
      noteStatus,
      signedAt: noteStatus === 'signed' ? '2026-11-30T03:00:00.000Z' : null,
      readable,
    },
  ],
});

function clinicalBridge(s: SessionInfo) {
  return new FakeBridge()
    .ok('app.status', unlocked(s))
    .ok('notes.breakGlassAlerts', [])
    .ok('notes.toSign', [])
    .ok('therapy.caseload', []);
}

describe('the note editor', () => {
  it('autosaves the draft as typed, asks before signing, then offers only an addendum', async () => {
    const bridge = clinicalBridge(therapistSession())
      .ok('notes.read', note())
      .ok('notes.saveDraft', { updatedAt: '2026-11-30T04:05:06.000Z' })
      .ok('notes.sign', (input) =>
        note({
          status: 'signed',
          fields: input.fields,
          signedAt: '2026-11-30T04:10:00.000Z',
          signedBy: THERAPIST,
        }),
      );
    const { user } = renderApp(bridge, { route: `/clinical/note/${NOTE_ID}` });
    const subjective = await screen.findByLabelText('Subjective');
    expect(subjective).toHaveAccessibleDescription(/What the child \(or caregiver\) reported/);
    await user.type(subjective, 'Fictional: slept better');
    expect(await screen.findByText(/^Draft saved at/)).toBeVisible();
    expect(bridge.inputsOf('notes.saveDraft').at(-1)).toEqual({
      id: NOTE_ID,
      template: 'soap',
      fields: { subjective: 'Fictional: slept better' },
    });
    await expectNoAxeViolations();

    await user.click(screen.getByRole('button', { name: 'Sign the note' }));
    const confirm = await screen.findByRole('dialog', { name: 'Sign this note?' });
    expect(bridge.countOf('notes.sign')).toBe(0);
    await user.click(within(confirm).getByRole('button', { name: 'Sign and lock' }));
    expect(await screen.findByText('The note is signed and locked.')).toBeVisible();
    expect(bridge.inputsOf('notes.sign')[0]!.fields).toEqual({
      subjective: 'Fictional: slept better',
      objective: '',
      assessment: '',
      plan: '',
    });
    expect(screen.queryByLabelText('Subjective')).toBeNull();
    expect(screen.getByText('Fictional: slept better')).toBeVisible();
    expect(screen.getByLabelText('Addendum')).toBeVisible();
    expect(screen.getByText(/^Signed by Luningning Santos/)).toBeVisible();
    // The Sign button went with the editor: focus waits on the note's heading.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
  });

  it('keeps what was typed when a save fails, and saves it as the screen goes on a lock', async () => {
    const bridge = clinicalBridge(therapistSession())
      .ok('notes.read', note({ template: 'dap' }))
      .failOnce('notes.saveDraft', { code: 'STORAGE', message: 'diskFull' })
      .ok('notes.saveDraft', { updatedAt: '2026-11-30T04:05:06.000Z' });
    const { user } = renderApp(bridge, { route: `/clinical/note/${NOTE_ID}` });
    const data = await screen.findByLabelText('Data');
    await user.type(data, 'Fictional words');
    expect(await screen.findByText(/^The draft could not be saved/)).toBeVisible();
    expect(data).toHaveValue('Fictional words');
    await user.type(data, ' and more');
    // Quick hide (Ctrl+Shift+L) unmounts the editor before the next pause and then locks: the
    // unsaved text is sent first, while the session is still open.
    await user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    await waitFor(() => expect(bridge.countOf('session.lock')).toBe(1));
    const names = bridge.calls.map((c) => c.name);
    const lastSave = names.lastIndexOf('notes.saveDraft');
    expect(lastSave).toBeLessThan(names.indexOf('session.lock'));
    expect(bridge.inputsOf('notes.saveDraft').at(-1)?.fields).toEqual({
      data: 'Fictional words and more',
    });
  });
});

describe('the children whose clinical records the user follows', () => {
  const child = (n: number, initials: string) => ({
    child: {
      id: `0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b6${String(n).padStart(3, '0')}`,
      caseCode: `AR-2026-0${String(n).padStart(3, '0')}`,
      initials,
    },
    plans: [],
  });

  it('lists them in a table that a case code or initials narrows', async () => {
    const bridge = clinicalBridge(therapistSession()).ok('therapy.caseload', [
      child(101, 'M.C.'),
      child(102, 'J.R.'),
      child(203, 'A.M.C.'),
    ]);
    const { user } = renderApp(bridge, { route: '/clinical' });
    const table = await screen.findByRole('table', { name: 'Children in therapy' });
    expect(within(table).getAllByRole('link')).toHaveLength(3);
    expect(screen.getByText('3 children')).toBeVisible();
    await user.type(screen.getByLabelText('Find a child'), 'mc');
    expect(
      within(table)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['AR-2026-0101 (M.C.)', 'AR-2026-0203 (A.M.C.)']);
    await user.clear(screen.getByLabelText('Find a child'));
    await user.type(screen.getByLabelText('Find a child'), '0102');
    expect(within(table).getByRole('link')).toHaveTextContent('AR-2026-0102 (J.R.)');
    expect(screen.getByText('1 child')).toBeVisible();
    await expectNoAxeViolations();
  });
});

describe('a child’s clinical record', () => {
  it('shows the case team attendance and whether the note is signed, with no way in', async () => {
    const bridge = clinicalBridge(caseworkerSession()).ok('notes.forChild', sessions('signed'));
    renderApp(bridge, { route: `/clinical/${CHILD_ID}` });
    const table = await screen.findByRole('table', { name: 'Sessions and notes' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByText('Attended')).toBeVisible();
    expect(within(row).getByText(/^Signed /)).toBeVisible();
    expect(within(row).queryByRole('link')).toBeNull();
    expect(within(row).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Outcome measures' })).toBeNull();
    expect(bridge.countOf('notes.read')).toBe(0);
    expect(bridge.countOf('measures.history')).toBe(0);
    await expectNoAxeViolations();
  });

  it('names the screen in the window title, never the child', async () => {
    const bridge = clinicalBridge(caseworkerSession()).ok('notes.forChild', sessions('signed'));
    renderApp(bridge, { route: `/clinical/${CHILD_ID}` });
    // The heading names the child by case code and alias; the title the OS shows does not.
    await screen.findByRole('heading', { level: 1, name: 'Clinical record — AR-2026-0042 (M.C.)' });
    expect(document.title).toBe('Clinical record — Aruga');
  });

  it('offers a therapist "Write note" only for a session the child attended', async () => {
    const held = sessions(null);
    const missed = {
      ...held.sessions[0]!,
      sessionId: NOTE_ID,
      startAt: '2026-11-23T01:00:00.000Z',
      endAt: '2026-11-23T02:00:00.000Z',
      sessionStatus: 'no_show',
    };
    const bridge = clinicalBridge(therapistSession())
      .ok('notes.forChild', { ...held, sessions: [...held.sessions, missed] })
      .ok('measures.instruments', [])
      .ok('measures.history', { instruments: [], scores: [], subscalesShown: true });
    renderApp(bridge, { route: `/clinical/${CHILD_ID}` });
    const table = await screen.findByRole('table', { name: 'Sessions and notes' });
    const [, attended, noShow] = within(table).getAllByRole('row');
    expect(within(attended!).getByRole('button', { name: /^Write the note/ })).toBeVisible();
    expect(within(noShow!).queryByRole('button')).toBeNull();
    await expectNoAxeViolations();
  });

  it('lets a coordinator read a note only after typing why', async () => {
    const bridge = clinicalBridge(session({ role: 'coordinator', displayName: 'Dalisay Ramos' }))
      .ok('notes.forChild', sessions('signed'))
      .fail('measures.history', { code: 'FORBIDDEN', message: 'measures.totalsNotShared' })
      .ok('notes.read', note({ status: 'signed', fields: { subjective: 'Fictional words' } }));
    const { user } = renderApp(bridge, { route: `/clinical/${CHILD_ID}` });
    await user.click(
      await screen.findByRole('button', { name: /^Break glass to read the note of the session/ }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Break glass: read a confidential note',
    });
    const reason = within(dialog).getByLabelText('Why you need to read this note');
    await user.type(reason, 'because');
    await user.click(within(dialog).getByRole('button', { name: 'Read the note' }));
    expect(reason).toHaveAccessibleDescription(/Say a little more/);
    expect(bridge.countOf('notes.read')).toBe(0);
    await user.type(reason, ' the safety meeting needs it');
    await user.click(within(dialog).getByRole('button', { name: 'Read the note' }));
    expect(await screen.findByText('Fictional words')).toBeVisible();
    expect(bridge.inputsOf('notes.read')).toEqual([
      { id: NOTE_ID, breakGlassReason: 'because the safety meeting needs it' },
    ]);
    expect(
      screen.getByText('Outcome scores are not shared with coordinators in this vault.'),
    ).toBeVisible();
    await expectNoAxeViolations();
  });
});

describe('outcome scores', () => {
  const saved: OutcomeScore = {
    id: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5d09',
    childId: CHILD_ID,
    instrumentCode: 'CATS-7-17',
    instrumentVersion: 1,
    administeredOn: '2026-11-28',
    informant: 'self',
    administeredBy: 'Luningning Santos',
    recordedBy: 'Luningning Santos',
    total: 22,
    band: 'probable',
    normKey: 'standard',
    subscales: { symptoms: 22 },
  };

  const cats: Instrument = {
    code: 'CATS-7-17',
    version: 1,
    name: 'Child and Adolescent Trauma Screen, ages 7–17',
    informants: ['self', 'caregiver'],
    ageRange: { min: 7, max: 17 },
    subscales: [
      {
        key: 'symptoms',
        label: 'Symptom severity',
        items: 20,
        itemMin: 0,
        itemMax: 3,
        inTotal: true,
      },
    ],
    norms: [
      {
        key: 'standard',
        label: 'Below 15 normal, 15–20 moderate, 21 or more probable PTSD',
        country: 'any',
        informants: ['self', 'caregiver'],
        bands: [
          { level: 'normal', from: 0, to: 14 },
          { level: 'moderate', from: 15, to: 20 },
          { level: 'probable', from: 21, to: 60 },
        ],
      },
    ],
    builtIn: true,
    total: { min: 0, max: 60 },
  };
  it('refuses an out-of-range score at its field, saves a good one and draws it', async () => {
    const instruments = [cats];
    let history: ScoreHistory = { instruments: [], scores: [], subscalesShown: true };
    const bridge = clinicalBridge(therapistSession())
      .ok('notes.forChild', sessions(null))
      .ok('measures.instruments', instruments)
      .ok('measures.history', () => history)
      .ok('measures.record', () => {
        history = { instruments: [cats], scores: [saved], subscalesShown: true };
        return saved;
      });
    const { user } = renderApp(bridge, { route: `/clinical/${CHILD_ID}` });
    await user.click(await screen.findByRole('button', { name: 'Enter scores' }));
    await user.selectOptions(
      screen.getByLabelText('Instrument'),
      'Child and Adolescent Trauma Screen, ages 7–17',
    );
    await user.selectOptions(screen.getByLabelText('Who answered'), 'The child');
    const symptoms = screen.getByLabelText('Symptom severity');
    expect(symptoms).toHaveAccessibleDescription(/From 0 to 60 \(20 items\)/);
    await user.type(symptoms, '75');
    expect(symptoms).toHaveAttribute('aria-invalid', 'true');
    expect(symptoms).toHaveAccessibleDescription(/Outside this scale's range\./);
    await user.click(screen.getByRole('button', { name: 'Save the scores' }));
    expect(bridge.countOf('measures.record')).toBe(0);
    await user.clear(symptoms);
    await user.type(symptoms, '22');
    expect(symptoms).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save the scores' }));
    expect(await screen.findByText('The scores are saved.')).toBeVisible();
    expect(bridge.inputsOf('measures.record')[0]).toMatchObject({
      instrumentCode: 'CATS-7-17',
      informant: 'self',
      administeredBy: 'Luningning Santos',
      scores: { symptoms: 22 },
    });
    const table = await screen.findByRole('table', { name: /^Scores over time/ });
    expect(within(table).getByText('Probable PTSD')).toBeVisible();
    const chart = screen.getByTestId('score-chart');
    expect(chart.querySelector('svg')).not.toBeNull();
    expect(chart).toHaveTextContent('Moderate from 15');
    expect(chart).toHaveTextContent('Probable PTSD from 21');
    await expectNoAxeViolations();
  });

  it('names a blank score only at Save, and keeps the typed scores when the backend refuses', async () => {
    const bridge = clinicalBridge(therapistSession())
      .ok('notes.forChild', sessions(null))
      .ok('measures.instruments', [cats])
      .ok('measures.history', { instruments: [], scores: [], subscalesShown: true })
      .fail('measures.record', ERR.validation({ 'scores.symptoms': 'score.outOfRange' }));
    const { user } = renderApp(bridge, { route: `/clinical/${CHILD_ID}` });
    await user.click(await screen.findByRole('button', { name: 'Enter scores' }));
    await user.selectOptions(
      await screen.findByLabelText('Instrument'),
      'Child and Adolescent Trauma Screen, ages 7–17',
    );
    const symptoms = screen.getByLabelText('Symptom severity');
    expect(symptoms).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save the scores' }));
    await waitFor(() => expect(symptoms).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Who answered')).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.countOf('measures.record')).toBe(0);

    await user.selectOptions(screen.getByLabelText('Who answered'), 'The child');
    await user.type(symptoms, '30');
    await user.click(screen.getByRole('button', { name: 'Save the scores' }));
    await waitFor(() => expect(bridge.countOf('measures.record')).toBe(1));
    await waitFor(() =>
      expect(symptoms).toHaveAccessibleDescription(/Outside this scale's range\./),
    );
    expect(screen.getByText('Some fields need attention.')).toBeVisible();
    expect(symptoms).toHaveValue(30);
    expect(screen.getByLabelText('Who answered')).toHaveValue('self');
    await expectNoAxeViolations();
  });
});
