// Therapy scheduling: plans, therapists' working hours and leave, recurring series, and sessions
// with their participants. Each occurrence of a series is its own session row carrying the
// series id, so one occurrence changes without touching the others.
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

const THERAPY_SQL = `
  CREATE TABLE therapy_plans (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    therapist_id TEXT NOT NULL REFERENCES users(id),
    modality TEXT NOT NULL,
    goals TEXT NOT NULL,
    frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'fortnightly', 'custom')),
    custom_frequency TEXT,
    session_minutes INTEGER NOT NULL CHECK (session_minutes BETWEEN 45 AND 90),
    planned_sessions INTEGER NOT NULL CHECK (planned_sessions BETWEEN 8 AND 25),
    pref_therapist_gender TEXT NOT NULL,
    pref_language TEXT,
    pref_time_of_day TEXT NOT NULL,
    status TEXT NOT NULL,
    started_on TEXT NOT NULL,
    override_reason TEXT,
    deleted_at TEXT,${META}
  );
  CREATE INDEX therapy_plans_child ON therapy_plans(child_id) WHERE deleted_at IS NULL;
  CREATE INDEX therapy_plans_therapist ON therapy_plans(therapist_id, child_id) WHERE deleted_at IS NULL;

  -- Working hours: one row per weekday span (ISO weekday 1 Monday … 7 Sunday, HH:MM local).
  CREATE TABLE therapist_hours (
    id TEXT PRIMARY KEY,
    therapist_id TEXT NOT NULL REFERENCES users(id),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    deleted_at TEXT,${META},
    CHECK (end_time > start_time)
  );
  CREATE INDEX therapist_hours_therapist ON therapist_hours(therapist_id, weekday) WHERE deleted_at IS NULL;

  CREATE TABLE therapist_leave (
    id TEXT PRIMARY KEY,
    therapist_id TEXT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('leave', 'blocked')),
    start_at TEXT NOT NULL ${INSTANT('start_at')},
    end_at TEXT NOT NULL ${INSTANT('end_at')},
    note TEXT,
    deleted_at TEXT,${META},
    CHECK (end_at > start_at)
  );
  CREATE INDEX therapist_leave_therapist ON therapist_leave(therapist_id, start_at) WHERE deleted_at IS NULL;

  -- The rule a series was created with; its occurrences are rows of therapy_sessions.
  CREATE TABLE therapy_series (
    id TEXT PRIMARY KEY,
    therapist_id TEXT NOT NULL REFERENCES users(id),
    plan_id TEXT REFERENCES therapy_plans(id),
    interval_weeks INTEGER NOT NULL CHECK (interval_weeks BETWEEN 1 AND 8),
    weekdays TEXT NOT NULL,
    start_date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    until_date TEXT,
    occurrence_count INTEGER,
    deleted_at TEXT,${META},
    CHECK (until_date IS NOT NULL OR occurrence_count IS NOT NULL)
  );

  CREATE TABLE therapy_sessions (
    id TEXT PRIMARY KEY,
    therapist_id TEXT NOT NULL REFERENCES users(id),
    plan_id TEXT REFERENCES therapy_plans(id),
    series_id TEXT REFERENCES therapy_series(id),
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'group', 'conjoint')),
    start_at TEXT NOT NULL ${INSTANT('start_at')},
    end_at TEXT NOT NULL ${INSTANT('end_at')},
    -- The shelter the session is held for (the child's at scheduling time): the shelter calendar.
    shelter_id TEXT REFERENCES shelters(id),
    room TEXT,
    -- The room folded for comparison (trimmed, lower case): what a room clash compares.
    room_key TEXT,
    status TEXT NOT NULL,
    status_reason TEXT,
    components TEXT NOT NULL DEFAULT '[]',
    -- What the session works on, when planned: the components it is meant to cover.
    planned_components TEXT NOT NULL DEFAULT '[]',
    override_reason TEXT,
    deleted_at TEXT,${META},
    CHECK (end_at > start_at)
  );
  -- Booked sessions (scheduled or attended) hold the therapist and the room.
  CREATE INDEX therapy_sessions_therapist ON therapy_sessions(therapist_id, start_at)
    WHERE deleted_at IS NULL;
  CREATE INDEX therapy_sessions_room ON therapy_sessions(room_key, start_at)
    WHERE deleted_at IS NULL AND room_key IS NOT NULL;
  CREATE INDEX therapy_sessions_shelter ON therapy_sessions(shelter_id, start_at)
    WHERE deleted_at IS NULL;
  CREATE INDEX therapy_sessions_series ON therapy_sessions(series_id, start_at)
    WHERE series_id IS NOT NULL;
  CREATE INDEX therapy_sessions_plan ON therapy_sessions(plan_id, start_at) WHERE plan_id IS NOT NULL;

  -- The children of a session (one, or several in a group) and a conjoint session's caregiver.
  -- The session's times are copied here so a child's clash and history are one index range.
  CREATE TABLE therapy_participants (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES therapy_sessions(id),
    child_id TEXT NOT NULL REFERENCES children(id),
    caregiver_id TEXT REFERENCES family_members(id),
    start_at TEXT NOT NULL ${INSTANT('start_at')},
    end_at TEXT NOT NULL ${INSTANT('end_at')},
    booked INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT,${META}
  );
  -- Covering what a calendar reads of a session's participants, so it touches no table page.
  CREATE INDEX therapy_participants_session
    ON therapy_participants(session_id, child_id, caregiver_id) WHERE deleted_at IS NULL;
  CREATE INDEX therapy_participants_child ON therapy_participants(child_id, start_at)
    WHERE deleted_at IS NULL;

  -- The soft rules' settings: one row, changed by an administrator.
  CREATE TABLE therapy_rules (
    id TEXT PRIMARY KEY,
    rules TEXT NOT NULL,${META}
  );
`;

export const therapyScheduling: Migration = {
  version: 3,
  name: 'therapy scheduling',
  sql: THERAPY_SQL,
};
