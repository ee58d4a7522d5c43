import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseFile, ChildListRow } from '../../../../shared/children/contract';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { messageFor, type FormMessage } from '../../../forms/useServerErrors';
import { ALL_CHILDREN_STALE } from '../caseQueries';
import { ageText, statusText } from '../labels';
import { CaseSection } from '../../../ui/CaseSection';
import { RecordTable } from '../../../ui/RecordTable';

/** Siblings in care: a sibling group, linked by finding the other child by case code. */
export function SiblingsSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<FormMessage | null>(null);
  const childId = file.child.id;
  const [found, setFound] = useState<Map<string, string>>(() => new Map());
  const codeOf = (id: string) =>
    file.siblings.find((s) => s.id === id)?.caseCode ?? found.get(id) ?? '';
  const after = (message: string) => {
    setError(null);
    setStatus(message);
  };
  const link = useApiMutation('siblings.link', {
    stale: () => ALL_CHILDREN_STALE,
    onSuccess: (_, input) =>
      after(t('children.siblings.linked', { caseCode: codeOf(input.siblingId) })),
    onError: (e) => setError(messageFor(e)),
  });
  const unlink = useApiMutation('siblings.unlink', {
    stale: () => ALL_CHILDREN_STALE,
    onSuccess: (_, input) =>
      after(t('children.siblings.unlinked', { caseCode: codeOf(input.childId) })),
    onError: (e) => setError(messageFor(e)),
  });

  return (
    <CaseSection id="case-siblings" title={t('children.siblings.heading')}>
      <StatusMessage>{status}</StatusMessage>
      <FormAlert message={error} />
      <RecordTable
        records={file.siblings}
        label={{ caption: t('children.siblings.heading') }}
        columns={[
          t('children.list.columns.caseCode'),
          t('children.list.columns.alias'),
          t('children.list.columns.age'),
          t('children.list.columns.status'),
          t('children.list.columns.shelter'),
        ]}
        emptyText={t('children.siblings.empty')}
      >
        {(sibling) => (
          <tr key={sibling.id}>
            <td>
              <Link to={`/cases/${sibling.id}`}>{sibling.caseCode}</Link>
            </td>
            <td>{sibling.alias}</td>
            <td>{ageText(t, sibling.age, sibling.ageEstimated)}</td>
            <td>{statusText(t, sibling.status)}</td>
            <td>{sibling.shelterName ?? t('children.list.notPlaced')}</td>
            <td>
              <button
                type="button"
                className="button-danger-quiet"
                disabled={unlink.isPending}
                aria-label={t('children.siblings.unlinkOne', { caseCode: sibling.caseCode })}
                onClick={() => {
                  setStatus(null);
                  unlink.mutate({ childId: sibling.id });
                }}
              >
                {t('children.siblings.unlink')}
              </button>
            </td>
          </tr>
        )}
      </RecordTable>
      <SiblingFinder
        file={file}
        pending={link.isPending}
        onLink={(sibling) => {
          setStatus(null);
          setFound((map) => new Map(map).set(sibling.id, sibling.caseCode));
          link.mutate({ childId, siblingId: sibling.id });
        }}
      />
    </CaseSection>
  );
}

function SiblingFinder({
  file,
  pending,
  onLink,
}: {
  file: CaseFile;
  pending: boolean;
  onLink: (sibling: ChildListRow) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  const inputId = useId();
  const hintId = useId();
  return (
    <div className="sibling-finder">
      <form
        role="search"
        aria-label={t('children.siblings.findLabel')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setText(draft.trim());
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('children.siblings.find')}</label>
          <p className="field-hint" id={hintId}>
            {t('children.siblings.findHint')}
          </p>
          <div className="inline-input">
            <input
              id={inputId}
              type="search"
              value={draft}
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={hintId}
              onChange={(event) => setDraft(event.target.value)}
            />
            <button type="submit">{t('children.siblings.findButton')}</button>
          </div>
        </div>
      </form>
      {text ? <SiblingResults file={file} text={text} pending={pending} onLink={onLink} /> : null}
    </div>
  );
}

function SiblingResults({
  file,
  text,
  pending,
  onLink,
}: {
  file: CaseFile;
  text: string;
  pending: boolean;
  onLink: (sibling: ChildListRow) => void;
}) {
  const { t } = useTranslation();
  const results = useApiQuery('children.search', { text, limit: 10, offset: 0 });
  const linked = new Set([file.child.id, ...file.siblings.map((s) => s.id)]);
  const rows = (results.data?.rows ?? []).filter((row) => !linked.has(row.id));
  if (results.isError) return <FormAlert message={{ key: results.error.message }} />;
  return (
    <div aria-live="polite">
      {results.isSuccess && rows.length === 0 ? (
        <p className="muted">{t('children.siblings.noResults')}</p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="result-list" aria-label={t('children.siblings.results')}>
          {rows.map((row) => (
            <li key={row.id}>
              <span>
                {t('common.childLink', { caseCode: row.caseCode, alias: row.alias })} ·{' '}
                {ageText(t, row.age, row.ageEstimated)} · {statusText(t, row.status)}
              </span>
              <button
                type="button"
                disabled={pending}
                aria-label={t('children.siblings.linkOne', { caseCode: row.caseCode })}
                onClick={() => onLink(row)}
              >
                {t('children.siblings.link')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
