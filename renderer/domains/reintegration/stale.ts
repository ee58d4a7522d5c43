// Any reintegration write can change a child's assessments, the review queue and the case file's
// section: they are all reintegration.* answers, so a write makes every one of them stale, and
// the case file too (a discharge gate or a status may read them).
import { PROCEDURE_NAMES } from '../../../shared/contract';
import type { Stale } from '../../api/queries';

const REINTEGRATION_STALE: readonly Stale[] = PROCEDURE_NAMES.filter((name) =>
  name.startsWith('reintegration.'),
);

/** The `stale` of every reintegration write (see useApiMutation). */
export const reintegrationStale = (): readonly Stale[] => REINTEGRATION_STALE;
