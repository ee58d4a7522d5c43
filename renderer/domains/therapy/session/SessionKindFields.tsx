// The kind of session and who joins the child, shared by "Schedule a series" and "Schedule one
// session": a conjoint session names a caregiver from the family list, a group session the other
// children (from the caller's caseload and the children placed in their shelters).
import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';

/** What Field shows: react-hook-form's error for a field (or for an array of checkboxes). */
type FieldMessage = { message?: string | undefined } | undefined;
import type { ChildScheduling, TherapyChild } from '../../../../shared/therapy/contract';
import { SESSION_KINDS, type SessionKind } from '../../../../shared/therapy/vocabulary';
import { useApiQuery } from '../../../api/queries';
import { errorText } from '../../../i18n';
import { Checkbox } from '../../../ui/Checkbox';
import { Field } from '../../../ui/Field';
import { childText, sessionKindText } from '../labels';

/** The form values this block owns. */
export interface SessionKindValues {
  kind: SessionKind;
  caregiverId: string;
  groupChildIds: string[];
}

export const SESSION_KIND_DEFAULTS: SessionKindValues = {
  kind: 'individual',
  caregiverId: '',
  groupChildIds: [],
};

/** The contract's `childIds` and `caregiverId` for the chosen kind. */
export function participantsOf(values: SessionKindValues, childId: string) {
  return {
    kind: values.kind,
    childIds: values.kind === 'group' ? [childId, ...values.groupChildIds] : [childId],
    ...(values.kind === 'conjoint' && values.caregiverId
      ? { caregiverId: values.caregiverId }
      : {}),
  };
}

/** The renderer's own check of the block (the backend checks it again). */
export function kindIssues(values: SessionKindValues): { path: string; message: string }[] {
  if (values.kind === 'conjoint' && values.caregiverId === '')
    return [{ path: 'caregiverId', message: 'therapy.caregiverRequired' }];
  if (values.kind === 'group' && values.groupChildIds.length === 0)
    return [{ path: 'groupChildIds', message: 'therapy.groupNeedsChildren' }];
  return [];
}

/** The children who may join this child's group: the caseload and the unplanned, deduplicated. */
function useGroupCandidates(childId: string): TherapyChild[] {
  const caseload = useApiQuery('therapy.caseload', {});
  const unplanned = useApiQuery('therapy.unplanned', {});
  const all = [...(caseload.data ?? []).map((row) => row.child), ...(unplanned.data?.rows ?? [])];
  const byId = new Map(all.filter((c) => c.id !== childId).map((c) => [c.id, c]));
  return [...byId.values()].sort((a, b) => a.caseCode.localeCompare(b.caseCode));
}

export function SessionKindFields({
  kind,
  childId,
  scheduling,
  registration,
  errors,
}: {
  kind: SessionKind;
  childId: string;
  scheduling: ChildScheduling;
  registration: {
    kind: UseFormRegisterReturn;
    caregiverId: UseFormRegisterReturn;
    groupChildIds: UseFormRegisterReturn;
  };
  errors: { kind?: FieldMessage; caregiverId?: FieldMessage; groupChildIds?: FieldMessage };
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field-row">
        <Field label={t('therapy.series.kind')} error={errors.kind}>
          {(a) => (
            <select {...a} {...registration.kind}>
              {SESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {sessionKindText(t, k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'conjoint' ? (
          <Field
            label={t('therapy.series.caregiver')}
            hint={t('therapy.series.caregiverHint')}
            error={errors.caregiverId}
          >
            {(a) => (
              <select {...a} {...registration.caregiverId}>
                <option value="">{t('therapy.choose')}</option>
                {scheduling.caregivers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t('therapy.series.caregiverOption', c)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      {kind === 'group' ? (
        <GroupChildren
          childId={childId}
          registration={registration.groupChildIds}
          error={errors.groupChildIds}
        />
      ) : null}
    </>
  );
}

/** Mounted only for a group session, so the candidate lists are asked for only then. */
function GroupChildren({
  childId,
  registration,
  error,
}: {
  childId: string;
  registration: UseFormRegisterReturn;
  error: FieldMessage;
}) {
  const { t } = useTranslation();
  const candidates = useGroupCandidates(childId);
  return (
    <fieldset className={error ? 'fieldset field-invalid' : 'fieldset'}>
      <legend>{t('therapy.series.groupChildren')}</legend>
      <p className="field-hint">{t('therapy.series.groupChildrenHint')}</p>
      <div className="checkbox-list">
        {candidates.map((c) => (
          <Checkbox key={c.id} value={c.id} label={childText(t, c)} {...registration} />
        ))}
      </div>
      {candidates.length === 0 ? (
        <p className="muted">{t('therapy.series.noGroupChildren')}</p>
      ) : null}
      {error ? <p className="field-error">{errorText(error.message ?? 'required')}</p> : null}
    </fieldset>
  );
}
