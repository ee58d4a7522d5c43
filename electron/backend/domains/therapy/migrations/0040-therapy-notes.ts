// Session notes (drafts, signatures, addenda, break-glass reads, risk flags), the clinical-records
// policy, imported outcome-measure definitions and outcome scores. A signed note and an addendum
// are locked here too, under the service checks: even a direct write cannot change them.
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

const NOTES_SQL = `
  CREATE TABLE therapy_notes (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES therapy_sessions(id),
    child_id TEXT NOT NULL REFERENCES children(id),
    plan_id TEXT REFERENCES therapy_plans(id),
    author_id TEXT NOT NULL REFERENCES users(id),
    template TEXT NOT NULL CHECK (template IN ('soap', 'dap', 'birp', 'free')),
    fields TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
    signed_at TEXT ${INSTANT('signed_at')},
    signed_by TEXT REFERENCES users(id),
    deleted_at TEXT,${META},
    CHECK ((status = 'signed') = (signed_at IS NOT NULL AND signed_by IS NOT NULL))
  );
  CREATE UNIQUE INDEX therapy_notes_session_child ON therapy_notes(session_id, child_id)
    WHERE deleted_at IS NULL;
  CREATE INDEX therapy_notes_child ON therapy_notes(child_id) WHERE deleted_at IS NULL;
  CREATE INDEX therapy_notes_author ON therapy_notes(author_id, status) WHERE deleted_at IS NULL;
  CREATE TRIGGER therapy_notes_signed_locked BEFORE UPDATE ON therapy_notes
  WHEN OLD.status = 'signed'
  BEGIN
    SELECT RAISE(ABORT, 'note.signed');
  END;

  CREATE TABLE therapy_note_addenda (
    id TEXT PRIMARY KEY,
    note_id TEXT NOT NULL REFERENCES therapy_notes(id),
    author_id TEXT NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    signed_at TEXT NOT NULL ${INSTANT('signed_at')},${META}
  );
  CREATE INDEX therapy_note_addenda_note ON therapy_note_addenda(note_id, signed_at);
  CREATE TRIGGER therapy_note_addenda_locked BEFORE UPDATE ON therapy_note_addenda
  BEGIN
    SELECT RAISE(ABORT, 'note.signed');
  END;

  -- A coordinator's read of a note's content, with the reason typed; shown to the note's author
  -- until they acknowledge it.
  CREATE TABLE therapy_note_break_glass (
    id TEXT PRIMARY KEY,
    note_id TEXT NOT NULL REFERENCES therapy_notes(id),
    reader_id TEXT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    read_at TEXT NOT NULL ${INSTANT('read_at')},
    acknowledged_at TEXT,${META}
  );
  CREATE INDEX therapy_note_break_glass_note ON therapy_note_break_glass(note_id);

  CREATE TABLE therapy_risk_flags (
    id TEXT PRIMARY KEY,
    note_id TEXT NOT NULL REFERENCES therapy_notes(id),
    child_id TEXT NOT NULL REFERENCES children(id),
    kind TEXT NOT NULL,
    raised_by TEXT NOT NULL REFERENCES users(id),
    raised_at TEXT NOT NULL ${INSTANT('raised_at')},
    task_id TEXT NOT NULL REFERENCES plan_tasks(id),${META}
  );
  CREATE INDEX therapy_risk_flags_note ON therapy_risk_flags(note_id);

  -- One row, set by an administrator.
  CREATE TABLE clinical_policy (
    id TEXT PRIMARY KEY,
    therapist_note_access TEXT NOT NULL CHECK (therapist_note_access IN ('allTherapists', 'ownClients')),
    coordinators_see_score_totals INTEGER NOT NULL CHECK (coordinators_see_score_totals IN (0, 1)),
    norm_choices TEXT NOT NULL DEFAULT '{}',${META}
  );

  -- Definitions an administrator imported; the built-in ones ship with the app.
  CREATE TABLE outcome_instruments (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,${META},
    UNIQUE (code, version)
  );

  CREATE TABLE outcome_scores (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    instrument_code TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    administered_on TEXT NOT NULL,
    informant TEXT NOT NULL,
    administered_by TEXT NOT NULL,
    scores TEXT NOT NULL,
    total INTEGER NOT NULL,
    deleted_at TEXT,${META}
  );
  CREATE INDEX outcome_scores_child ON outcome_scores(child_id, administered_on)
    WHERE deleted_at IS NULL;
`;

export const therapyNotes: Migration = {
  version: 4,
  name: 'therapy notes and outcome measures',
  sql: NOTES_SQL,
};
