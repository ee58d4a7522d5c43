// The coordinator's conflicts to resolve: what merged data holds from two computers that were
// offline at once, both versions side by side with who recorded each, when and where, and links
// to the ordinary screens that correct one side. A conflict leaves once the data no longer clashes.
// A case code given twice is corrected here: one child takes a new code (its old one still finds
// it in search).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConflictRow, ConflictSide } from '../../../shared/sync/contract';
import { formatInstant } from '../../i18n/format';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import './sync.css';

export function ConflictsScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('sync.conflicts.title'));
  const conflicts = useApiQuery('sync.conflicts', {});
  const newCode = useApiMutation('sync.newCaseCode', {
    stale: () => ['sync.conflicts', 'children.search', 'children.get'],
  });
  const renumbered = newCode.data;
  return (
    <>
      <h1>{t('sync.conflicts.title')}</h1>
      <p>{t('sync.conflicts.intro')}</p>
      {conflicts.isError ? <FormAlert message={{ key: conflicts.error.message }} /> : null}
      {newCode.isError ? <FormAlert message={{ key: newCode.error.message }} /> : null}
      <StatusMessage version={newCode.submittedAt}>
        {renumbered
          ? t('sync.conflicts.newCaseCodeDone', {
              caseCode: renumbered.caseCode,
              formerCode: renumbered.formerCode,
            })
          : null}
      </StatusMessage>
      {conflicts.data?.length === 0 ? <p>{t('sync.conflicts.none')}</p> : null}
      {conflicts.data?.map((conflict) => (
        <ConflictPanel
          key={conflict.sides.map((s) => s.id).join('-')}
          conflict={conflict}
          onNewCaseCode={(childId) => newCode.mutate({ childId })}
          pending={newCode.isPending}
        />
      ))}
    </>
  );
}

function ConflictPanel({
  conflict,
  onNewCaseCode,
  pending,
}: {
  conflict: ConflictRow;
  onNewCaseCode: (childId: string) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const [first, second] = conflict.sides;
  const headingId = `conflict-${first.id}-${second.id}`;
  const kind = t(`sync.conflicts.kind.${conflict.kind}`);
  const when = (instant: string | null) =>
    instant === null ? t('sync.conflicts.unknown') : formatInstant(instant, timeZone);
  const rows: [string, (side: ConflictSide) => string][] = [
    [
      t('sync.conflicts.child'),
      (s) => t('sync.conflicts.childValue', { caseCode: s.caseCode, initials: s.initials }),
    ],
    ...(first.stay
      ? ([
          [t('sync.conflicts.shelter'), (s) => s.stay?.shelterName ?? ''],
          [t('sync.conflicts.bed'), (s) => s.stay?.bedLabel ?? ''],
          [t('sync.conflicts.from'), (s) => (s.stay ? when(s.stay.startAt) : '')],
          [
            t('sync.conflicts.to'),
            (s) => (s.stay?.endAt ? when(s.stay.endAt) : t('sync.conflicts.stillThere')),
          ],
        ] satisfies [string, (side: ConflictSide) => string][])
      : []),
    [t('sync.conflicts.madeBy'), (s) => s.madeBy ?? t('sync.conflicts.unknown')],
    [t('sync.conflicts.madeAt'), (s) => when(s.madeAt)],
    [t('sync.conflicts.computer'), (s) => s.computer ?? t('sync.conflicts.beforeSharing')],
  ];
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{kind}</h2>
      <div className="table-wrap">
        <table className="data-table sync-conflict">
          <caption>{t('sync.conflicts.caption', { kind })}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('sync.conflicts.first')}</th>
              <th scope="col">{t('sync.conflicts.second')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value(first)}</td>
                <td>{value(second)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="sync-conflict-links">
        {[...new Map(conflict.sides.map((s) => [s.childId, s])).values()].map((s) => (
          <li key={s.childId}>
            <Link to={`/cases/${s.childId}`}>
              {t('sync.conflicts.openCaseFile', { caseCode: s.caseCode })}
            </Link>
          </li>
        ))}
        {first.stay ? (
          <li>
            <Link to="/bed-board">{t('sync.conflicts.openBedBoard')}</Link>
          </li>
        ) : null}
      </ul>
      {conflict.kind === 'caseCodeTwice' ? (
        <div className="form-actions">
          {conflict.sides.map((s, index) => (
            <button
              key={s.childId}
              type="button"
              disabled={pending}
              onClick={() => onNewCaseCode(s.childId)}
            >
              {t('sync.conflicts.newCaseCode', {
                version: t(index === 0 ? 'sync.conflicts.first' : 'sync.conflicts.second'),
                initials: s.initials,
              })}
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
