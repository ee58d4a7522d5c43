import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isAllowed } from '../../../shared/permissions';
import type { BedClash, PlacementClash } from '../../../shared/shelters/contract';
import { useSession } from '../../auth/AuthContext';
import { childLabel } from './format';

/** Where the coordinator sees both sides of every conflict (the sync domain's screen). */
const CONFLICTS_PATH = '/conflicts';

/** The link to Conflicts to resolve, for those who may open it. */
function ResolveLink(): JSX.Element | null {
  const { t } = useTranslation();
  if (!isAllowed('sync.conflicts', useSession().role)) return null;
  return (
    <p>
      <Link to={CONFLICTS_PATH}>{t('shelters.syncClash.openConflicts')}</Link>
    </p>
  );
}

/**
 * A bed card's marker for a clash left by a sync: the other children given the same bed, and
 * whether the occupant is placed elsewhere too. A shape and words, never colour alone.
 */
export function BedClashMarker({
  clash,
  boardMode,
}: {
  clash: BedClash;
  boardMode: boolean;
}): JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="bed-clash">
      <p>
        <span aria-hidden="true">⚠</span> <strong>{t('shelters.syncClash.bedTitle')}</strong>
      </p>
      {clash.alsoHeldBy.length > 0 ? (
        <p>
          {t('shelters.syncClash.alsoGivenTo')}{' '}
          {clash.alsoHeldBy.map((child, index) => (
            <span key={child.childId}>
              {index > 0 ? ', ' : null}
              {boardMode ? (
                child.caseCode
              ) : (
                <Link to={`/cases/${child.childId}`}>{childLabel(t, child)}</Link>
              )}
            </span>
          ))}
        </p>
      ) : null}
      {clash.occupantPlacedTwice ? <p>{t('shelters.syncClash.placedElsewhere')}</p> : null}
      {boardMode ? null : <ResolveLink />}
    </div>
  );
}

/** The case file's notice while the child's open stays clash after a sync. */
export function PlacementClashNotice({
  clashes,
}: {
  clashes: readonly PlacementClash[];
}): JSX.Element | null {
  const { t } = useTranslation();
  if (clashes.length === 0) return null;
  return (
    <div className="notice placement-clash" role="note" aria-labelledby="placement-clash-title">
      <p id="placement-clash-title">
        <span aria-hidden="true">⚠</span> <strong>{t('shelters.syncClash.caseTitle')}</strong>
      </p>
      <ul>
        {clashes.map((kind) => (
          <li key={kind}>{t(`shelters.syncClash.kinds.${kind}`)}</li>
        ))}
      </ul>
      <p>{t('shelters.syncClash.howToResolve')}</p>
      <ResolveLink />
    </div>
  );
}
