import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHILD_STATUSES, type ChildStatus } from '../../../../shared/children/vocabulary';
import type { CaseFile } from '../../../../shared/children/contract';
import { useApiMutation } from '../../../api/queries';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { messageFor, type FormMessage } from '../../../forms/useServerErrors';
import { childStale } from '../caseQueries';
import { statusText } from '../labels';
import { ChoiceOptions } from '../../../ui/ChoiceOptions';

/**
 * Changing the case status. "In care" means "has a current placement": admission and discharge
 * set it, so it is never offered here, and a placed child's status follows the placement.
 * Closing (with a coordinator's approval) and reopening (with a reason) are the Case closure
 * section's, so neither is offered here either.
 */
export function StatusControl({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const { child } = file;
  const choices = CHILD_STATUSES.filter(
    (s) => s !== 'in_care' && s !== 'closed' && s !== child.status,
  );
  const [next, setNext] = useState<ChildStatus | ''>('');
  const [error, setError] = useState<FormMessage | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const selectId = useId();
  const setStatus = useApiMutation('children.setStatus', {
    stale: (record) => childStale(record.id),
    onSuccess: (record) => {
      setNext('');
      setDone(t('children.statusControl.changed', { status: statusText(t, record.status) }));
    },
    onError: (e) => setError(messageFor(e)),
  });

  if (file.currentPlacement) {
    return <p className="muted status-note">{t('children.statusControl.placedNote')}</p>;
  }
  if (child.status === 'closed') {
    return <p className="muted status-note">{t('children.statusControl.closedNote')}</p>;
  }
  return (
    <form
      className="status-control"
      aria-label={t('children.statusControl.label')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        setDone(null);
        if (next === '') {
          setError({ key: 'status.choose' });
          return;
        }
        setStatus.mutate({ id: child.id, status: next });
      }}
    >
      <FormAlert message={error} />
      <div className="inline-input">
        <label htmlFor={selectId}>{t('children.statusControl.newStatus')}</label>
        <select
          id={selectId}
          value={next}
          onChange={(event) => setNext(event.target.value as ChildStatus | '')}
        >
          <ChoiceOptions values={choices} label={(v) => statusText(t, v)} />
        </select>
        <button type="submit" disabled={setStatus.isPending}>
          {t('children.statusControl.change')}
        </button>
      </div>
      <StatusMessage>{done}</StatusMessage>
    </form>
  );
}
