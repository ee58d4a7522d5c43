// Starting an assessment: the instrument and, for a readiness assessment, whose household and
// which family members live there. The draft is created at once and opens on its own screen.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../../shared/children/contract';
import type { Assessment } from '../../../../shared/reintegration/contract';
import { HOUSEHOLD_KINDS, type HouseholdKind } from '../../../../shared/reintegration/vocabulary';
import { isApiError } from '../../../api/client';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import type { FormMessage } from '../../../forms/useServerErrors';
import { Checkbox } from '../../../ui/Checkbox';
import { ChoiceOptions } from '../../../ui/ChoiceOptions';
import { Field } from '../../../ui/Field';
import { FormDialog } from '../../../ui/FormDialog';
import { householdKindText } from '../labels';
import { reintegrationStale } from '../stale';

export function NewAssessmentDialog({
  file,
  onClose,
  onCreated,
}: {
  file: CaseFile;
  onClose: () => void;
  onCreated: (assessment: Assessment) => void;
}) {
  const { t } = useTranslation();
  const instruments = useApiQuery('reintegration.instruments', {});
  const create = useApiMutation('reintegration.save', { stale: reintegrationStale });
  const [instrumentKey, setInstrumentKey] = useState('');
  const [kind, setKind] = useState<HouseholdKind | ''>('');
  const [label, setLabel] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const options = (instruments.data ?? []).map((i) => `${i.code}@${i.version}`);
  const chosen = instruments.data?.find((i) => `${i.code}@${i.version}` === instrumentKey);
  const readiness = chosen?.kind === 'readiness';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!chosen) missing.instrument = 'required';
    if (readiness && !kind) missing.householdKind = 'required';
    setErrors(missing);
    if (!chosen || Object.keys(missing).length > 0) return;
    create.mutate(
      {
        childId: file.child.id,
        instrumentCode: chosen.code,
        instrumentVersion: chosen.version,
        household: readiness && kind ? { kind, label, memberIds: members } : null,
        visitDates: [],
        interviewed: '',
        answers: {},
        evidence: {},
        childConsulted: null,
        recommendation: null,
      },
      {
        onSuccess: onCreated,
        onError: (error) => {
          setErrors(isApiError(error) ? (error.fields ?? {}) : {});
          setFormError({ key: isApiError(error) ? error.message : 'internal' });
        },
      },
    );
  };

  return (
    <FormDialog
      title={t('reintegration.create.title')}
      onClose={onClose}
      onSubmit={submit}
      formError={formError}
      pending={create.isPending}
      submitLabel={t('reintegration.create.submit')}
    >
      <Field
        label={t('reintegration.create.instrument')}
        error={errors.instrument ? { message: errors.instrument } : undefined}
      >
        {(a) => (
          <select {...a} value={instrumentKey} onChange={(e) => setInstrumentKey(e.target.value)}>
            <ChoiceOptions
              values={options}
              label={(key) => {
                const i = instruments.data?.find((x) => `${x.code}@${x.version}` === key);
                return i ? `${i.name} (${i.code} v${i.version})` : key;
              }}
            />
          </select>
        )}
      </Field>
      {readiness ? (
        <>
          <Field
            label={t('reintegration.create.householdKind')}
            error={errors.householdKind ? { message: errors.householdKind } : undefined}
          >
            {(a) => (
              <select
                {...a}
                value={kind}
                onChange={(e) => setKind(e.target.value as HouseholdKind | '')}
              >
                <ChoiceOptions values={HOUSEHOLD_KINDS} label={(k) => householdKindText(t, k)} />
              </select>
            )}
          </Field>
          <Field label={t('reintegration.create.householdLabel')}>
            {(a) => <input {...a} value={label} onChange={(e) => setLabel(e.target.value)} />}
          </Field>
          <fieldset>
            <legend>{t('reintegration.create.members')}</legend>
            {file.family.length === 0 ? (
              <p className="muted">{t('reintegration.create.noFamily')}</p>
            ) : null}
            {file.family.map((member) => (
              <Checkbox
                key={member.id}
                label={member.relationship}
                checked={members.includes(member.id)}
                onChange={(e) =>
                  setMembers(
                    e.target.checked
                      ? [...members, member.id]
                      : members.filter((id) => id !== member.id),
                  )
                }
              />
            ))}
          </fieldset>
        </>
      ) : null}
    </FormDialog>
  );
}
