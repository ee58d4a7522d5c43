// What every therapy form adds to useApiForm: fields checked as they are left, a hard clash
// refused in words (what clashes, and when), and a soft rule's override asked for in therapy's
// own words. (A success makes every therapy view stale: see stale.ts.)
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/AuthContext';
import { refusalText } from './series/clashes';

export function useTherapyFormOptions() {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  return {
    validateOnLeave: true,
    refusal: (error: unknown) => refusalText(t, error, timeZone),
    overrideAlert: 'therapy.needsOverride',
  };
}
