// The therapy domain (plans, availability, sessions, recurring series, conflicts, calendars):
// its services, for the router (handlers.ts), the demo generator and the benchmark, and the
// domain itself for the composition root. Services take the open vault, the acting user and
// schema-valid input, like the other domains'.
import type { Domain } from '../../runtime/domain';
import { therapyScheduling } from './migrations/0030-therapy-scheduling';
import { therapyNotes } from './migrations/0040-therapy-notes';
import { therapyTables } from './tables';
import { therapyIdScope } from './id-scope';
import { scheduleAuditTargets, scheduleHandlers } from './handlers';
import { measuresAuditTargets, measuresHandlers } from './measures';
import { notesAuditTargets, notesHandlers } from './notes';

export { savePlan, plansOf, caseload, listTherapists, type PlanInput } from './plans';
export { readTherapyRules, writeTherapyRules } from './rules';
export { availability, setHours, saveLeave, removeLeave, workingHours } from './availability';
export {
  scheduleSession,
  checkSeries,
  createSeries,
  editSessions,
  cancelSessions,
  recordSession,
  toSessions,
  type BookingInput,
  type SeriesInput,
} from './sessions';
export { checkOccurrences, roomKeyOf, type Booking } from './conflicts';
export { occurrencesOf, type Occurrence, type RecurrenceRule } from './recurrence';
export { findSlots, type SlotQuery } from './slots';
export { calendar, sessionHistory, todayPanel, childScheduling, type CalendarQuery } from './reads';
export { sessionRowById, planRowById, type SessionRow, type PlanRow } from './rows';

/** The therapy domain as the composition root lists it. */
export { notesForChild, searchNotes } from './notes';
export { builtInInstruments, scoreHistory } from './measures';

export const therapyDomain: Domain = {
  name: 'therapy',
  tables: therapyTables,
  idScope: therapyIdScope,
  migrations: [therapyScheduling, therapyNotes],
  handlers: () => ({ ...scheduleHandlers(), ...notesHandlers(), ...measuresHandlers() }),
  auditTargets: { ...scheduleAuditTargets, ...notesAuditTargets, ...measuresAuditTargets },
};
