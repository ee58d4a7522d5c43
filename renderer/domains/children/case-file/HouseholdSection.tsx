import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseFile } from '../../../../shared/children/contract';
import type {
  Household,
  HouseholdChild,
  MergeCandidate,
} from '../../../../shared/children/households-contract';
import { procedures } from '../../../../shared/contract';
import { useApiMutation, useApiQuery, type Stale } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { messageFor, type FormMessage } from '../../../forms/useServerErrors';
import { CaseSection } from '../../../ui/CaseSection';
import { ChoiceField } from '../../../ui/ChoiceField';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { FormDialog } from '../../../ui/FormDialog';
import { RecordTable } from '../../../ui/RecordTable';
import { useSectionDialogs } from '../../../ui/RowActions';
import { ALL_CHILDREN_STALE } from '../caseQueries';
import { fromForm } from '../formValues';
import { useNamesVisible } from './NamesPanel';

type Open = { kind: 'edit' } | { kind: 'join' } | { kind: 'merge'; candidate: MergeCandidate };

/**
 * A household changes every sibling's file (family, visitors, safety line), so a change makes
 * every child's cached answers stale, not only this one's.
 */
const HOUSEHOLD_STALE: readonly Stale[] = [
  ...ALL_CHILDREN_STALE,
  'households.get',
  'visitors.list',
  'visitors.gate',
];

/**
 * The household the child shares with siblings: its address and notes, the children of it the
 * user may see, each member's relationship to each of them, moving into a sibling's household,
 * and the people recorded twice under siblings, offered for merge.
 */
export function HouseholdSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const childId = file.child.id;
  const household = useApiQuery('households.get', { childId });
  const dialogs = useSectionDialogs<Open>();
  const { open } = dialogs;
  const data = household.data;

  return (
    <CaseSection id="case-household" title={t('households.heading')}>
      <p className="muted">{t('households.intro')}</p>
      <StatusMessage>{dialogs.status}</StatusMessage>
      {household.isError ? <FormAlert message={{ key: household.error.message }} /> : null}
      {data ? (
        <>
          <HouseholdDetails household={data} />
          <div className="section-actions">
            <button type="button" onClick={() => dialogs.setOpen({ kind: 'edit' })}>
              {t('households.edit')}
            </button>
            {data.joinable.length > 0 ? (
              <button type="button" onClick={() => dialogs.setOpen({ kind: 'join' })}>
                {t('households.join')}
              </button>
            ) : null}
          </div>
          <MembersTable household={data} />
          <MergeCandidates
            candidates={data.mergeCandidates}
            onReview={(candidate) => dialogs.setOpen({ kind: 'merge', candidate })}
          />
        </>
      ) : null}
      {open?.kind === 'edit' && data ? (
        <EditHouseholdDialog
          childId={childId}
          household={data}
          onClose={dialogs.close}
          onSaved={dialogs.done}
        />
      ) : null}
      {open?.kind === 'join' && data ? (
        <JoinDialog
          childId={childId}
          joinable={data.joinable}
          onClose={dialogs.close}
          onSaved={dialogs.done}
        />
      ) : null}
      {open?.kind === 'merge' ? (
        <MergeDialog candidate={open.candidate} onClose={dialogs.close} onMerged={dialogs.done} />
      ) : null}
    </CaseSection>
  );
}

function HouseholdDetails({ household }: { household: Household }) {
  const { t } = useTranslation();
  const namesVisible = useNamesVisible();
  const [self, ...others] = household.children;
  return (
    <dl className="details">
      <dt>{t('households.address')}</dt>
      <dd>
        {/* The privacy screen hides where a family can be found. */}
        {!namesVisible ? (
          <span className="name-hidden">{t('households.addressHidden')}</span>
        ) : (
          (household.address ?? t('households.noAddress'))
        )}
      </dd>
      {household.notes ? (
        <>
          <dt>{t('households.notes')}</dt>
          <dd className="cell-text">{household.notes}</dd>
        </>
      ) : null}
      <dt>{t('households.children')}</dt>
      <dd>
        {others.length === 0 ? (
          t('households.onlyThisChild')
        ) : (
          <ul>
            {self ? <li>{t('households.thisChild', { caseCode: self.caseCode })}</li> : null}
            {others.map((c) => (
              <li key={c.id}>{c.caseCode}</li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

/** "Mother of AR-1 and of AR-2": each member's relationship to each child the user may see. */
function MembersTable({ household }: { household: Household }) {
  const { t } = useTranslation();
  const namesVisible = useNamesVisible();
  const codeOf = new Map(household.children.map((c) => [c.id, c.caseCode]));
  return (
    <RecordTable
      records={household.members}
      label={{ caption: t('households.members') }}
      columns={[t('households.memberColumn'), t('households.relationshipsColumn')]}
      emptyText={t('households.noMembers')}
    >
      {(member) => (
        <tr key={member.id}>
          <td>
            {namesVisible ? (
              member.name
            ) : (
              <span className="name-hidden">{t('children.names.hidden')}</span>
            )}
          </td>
          <td>
            {member.relationships
              .map(({ childId, relationship }) => {
                const caseCode = codeOf.get(childId) ?? '';
                return relationship
                  ? t('households.relationshipTo', { relationship, caseCode })
                  : t('households.notSet', { caseCode });
              })
              .join('; ')}
          </td>
        </tr>
      )}
    </RecordTable>
  );
}

function MergeCandidates({
  candidates,
  onReview,
}: {
  candidates: MergeCandidate[];
  onReview: (candidate: MergeCandidate) => void;
}) {
  const { t } = useTranslation();
  const namesVisible = useNamesVisible();
  if (candidates.length === 0) return null;
  return (
    <section aria-labelledby="household-candidates">
      <h3 id="household-candidates">{t('households.candidates')}</h3>
      <p>{t('households.candidatesIntro')}</p>
      <ul>
        {candidates.map((candidate) => {
          const words = wordsOf(candidate);
          return (
            <li key={`${candidate.keep.id}-${candidate.merge.id}`}>
              {namesVisible
                ? t('households.candidate', { name: candidate.keep.name, ...words })
                : t('households.candidateHidden', words)}{' '}
              <button type="button" onClick={() => onReview(candidate)}>
                {t('households.review', words)}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function wordsOf(candidate: MergeCandidate) {
  return {
    relationship: candidate.keep.relationship,
    keepCodes: candidate.keep.caseCodes.join(', '),
    mergeCodes: candidate.merge.caseCodes.join(', '),
  };
}

function MergeDialog({
  candidate,
  onClose,
  onMerged,
}: {
  candidate: MergeCandidate;
  onClose: () => void;
  onMerged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<FormMessage | null>(null);
  const merge = useApiMutation('households.merge', {
    stale: () => HOUSEHOLD_STALE,
    onSuccess: () => onMerged(t('households.merged')),
    onError: (e) => setError(messageFor(e)),
  });
  const words = wordsOf(candidate);
  return (
    <ConfirmDialog
      title={t('households.mergeTitle')}
      body={[t('households.mergeBody', words), t('households.mergeKeeps')]}
      confirmLabel={t('households.merge')}
      tone="primary"
      pending={merge.isPending}
      error={error}
      onConfirm={() => merge.mutate({ keepId: candidate.keep.id, mergeId: candidate.merge.id })}
      onClose={onClose}
    />
  );
}

const householdShape = z.object({ address: z.string(), notes: z.string() });

function EditHouseholdDialog({
  childId,
  household,
  onClose,
  onSaved,
}: {
  childId: string;
  household: Household;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: fromForm(householdShape, procedures['households.save'].input.omit({ childId: true })),
    defaultValues: { address: household.address ?? '', notes: household.notes ?? '' },
    fields: ['address', 'notes'],
  });
  const save = useApiMutation('households.save', {
    stale: () => HOUSEHOLD_STALE,
    onSuccess: () => onSaved(t('households.saved')),
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({ ...values, childId }));
  return (
    <FormDialog
      title={t('households.editTitle')}
      onClose={onClose}
      {...dialog}
      submitLabel={t('households.save')}
    >
      <Field label={t('households.address')} error={errors.address}>
        {(a) => <input {...a} {...register('address')} autoComplete="off" />}
      </Field>
      <Field label={t('households.notes')} error={errors.notes}>
        {(a) => <textarea {...a} {...register('notes')} rows={3} />}
      </Field>
    </FormDialog>
  );
}

const joinShape = z.object({ householdOfChildId: z.string() });

function JoinDialog({
  childId,
  joinable,
  onClose,
  onSaved,
}: {
  childId: string;
  joinable: HouseholdChild[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: fromForm(joinShape, procedures['households.join'].input.omit({ childId: true })),
    defaultValues: { householdOfChildId: '' },
    fields: ['householdOfChildId'],
  });
  const join = useApiMutation('households.join', {
    stale: () => HOUSEHOLD_STALE,
    onSuccess: () => onSaved(t('households.joined')),
    onError: showError,
  });
  const dialog = dialogFor(join, (values) => ({ ...values, childId }));
  const codeOf = new Map(joinable.map((c) => [c.id, c.caseCode]));
  return (
    <FormDialog
      title={t('households.joinTitle')}
      intro={t('households.joinIntro')}
      onClose={onClose}
      {...dialog}
      submitLabel={t('households.joinSave')}
    >
      <ChoiceField
        label={t('households.joinWith')}
        error={errors.householdOfChildId}
        registration={register('householdOfChildId')}
        values={joinable.map((c) => c.id)}
        optionText={(id) => codeOf.get(id) ?? ''}
      />
    </FormDialog>
  );
}
