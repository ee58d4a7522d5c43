// Any therapy write can change plans, calendars, the Today panel and the case file's section:
// they are all therapy.* answers, so a write makes every one of them stale.
import { PROCEDURE_NAMES } from '../../../shared/contract';
import type { Stale } from '../../api/queries';

const THERAPY_STALE: readonly Stale[] = PROCEDURE_NAMES.filter((name) =>
  name.startsWith('therapy.'),
);

/** The `stale` of every therapy write (see useApiMutation). */
export const therapyStale = (): readonly Stale[] => THERAPY_STALE;
