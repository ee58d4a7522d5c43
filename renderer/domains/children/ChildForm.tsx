import { useId, useMemo, useState } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SEXES, suggestAlias } from '../../../shared/children/vocabulary';
import type { ChildNames, ChildRecord } from '../../../shared/children/contract';
import { todayIn } from '../../../shared/time';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { ChipListInput } from '../../ui/ChipListInput';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';
import { useApiForm } from '../../forms/useApiForm';
import { childStale } from './caseQueries';
import {
  CHILD_FORM_FIELDS,
  childFormFrom,
  childFormSchema,
  emptyChildForm,
} from './childFormSchema';
import { sexText } from './labels';
import { ChoiceOptions } from '../../ui/ChoiceOptions';
import { Checkbox } from '../../ui/Checkbox';

export type ChildFormMode =
  { kind: 'register' } | { kind: 'edit'; record: ChildRecord; names: ChildNames };

/** After registering, the case file says which case code the child was given. */
export interface CaseFileArrival {
  registered?: string;
  saved?: boolean;
}

/** A whole number below n from the browser's cryptographic random source. */
function randomBelow(n: number): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! % n;
}

/** Register a child, or edit their record: the same fields, the same checks. */
export function ChildForm({ mode }: { mode: ChildFormMode }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const today = todayIn(session.settings.timeZone);
  const unknownHintId = useId();
  const schema = useMemo(() => childFormSchema(today), [today]);
  // Made up once per form; the real initials are not known yet, so the submit check compares.
  const [newAlias] = useState(() => suggestAlias(randomBelow, ''));
  const staff = useApiQuery('staff.caseworkers', {});
  const { form, register, errors, formError, showError, submit } = useApiForm({
    schema,
    defaultValues:
      mode.kind === 'edit'
        ? childFormFrom(mode.record, mode.names, today)
        : emptyChildForm(today, session.role === 'caseworker' ? session.userId : '', newAlias),
    fields: CHILD_FORM_FIELDS,
  });
  const { control, watch } = form;

  const registerChild = useApiMutation('children.register', {
    stale: (created) => childStale(created.id),
    onSuccess: (created) => {
      void navigate(`/cases/${created.id}`, {
        state: { registered: created.caseCode } satisfies CaseFileArrival,
      });
    },
    onError: showError,
  });
  const update = useApiMutation('children.update', {
    stale: (record) => childStale(record.id),
    onSuccess: (record) => {
      void navigate(`/cases/${record.id}`, { state: { saved: true } satisfies CaseFileArrival });
    },
    onError: showError,
  });
  const pending = registerChild.isPending || update.isPending;

  const onSubmit = submit((fields) => {
    if (mode.kind === 'edit') update.mutate({ ...fields, id: mode.record.id });
    else registerChild.mutate(fields);
  });

  const birthKind = watch('birth.kind');
  const legalNameUnknown = watch('legalNameUnknown');
  const staffOptions = staff.data ?? [];
  const assigned = watch('assignedCaseworkerId');
  const headingId = mode.kind === 'edit' ? 'child-edit-heading' : 'child-register-heading';
  const suggestions = t('children.form.languageSuggestions').split(', ');

  return (
    <form onSubmit={onSubmit} noValidate className="form child-form" aria-labelledby={headingId}>
      <FormAlert message={formError} />

      <fieldset className="form-group">
        <legend>{t('children.form.nameGroup')}</legend>
        {legalNameUnknown ? null : (
          <Field
            label={t('children.form.legalName')}
            hint={t('children.form.legalNameHint')}
            error={errors.legalName}
          >
            {(a) => <input {...a} {...register('legalName')} autoComplete="off" />}
          </Field>
        )}
        <Checkbox
          label={t('children.form.legalNameUnknown')}
          aria-describedby={unknownHintId}
          {...register('legalNameUnknown')}
        />
        <p className="field-hint" id={unknownHintId}>
          {t('children.form.legalNameUnknownHint')}
        </p>
        <Field
          label={t('children.form.preferredName')}
          hint={t('children.form.preferredNameHint')}
          error={errors.preferredName}
        >
          {(a) => <input {...a} {...register('preferredName')} autoComplete="off" />}
        </Field>
        <Field
          label={t('children.form.alias')}
          hint={t('children.form.aliasHint')}
          error={errors.alias}
        >
          {(a) => <input {...a} {...register('alias')} autoComplete="off" />}
        </Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('children.form.ageGroup')}</legend>
        <fieldset className="field">
          <legend>{t('children.form.birthKind')}</legend>
          <label className="radio">
            <input type="radio" value="dob" {...register('birth.kind')} />
            {t('children.form.birthKnown')}
          </label>
          <label className="radio">
            <input type="radio" value="estimated" {...register('birth.kind')} />
            {t('children.form.birthEstimated')}
          </label>
        </fieldset>
        {birthKind === 'dob' ? (
          <Field label={t('children.form.dateOfBirth')} error={errors.birth?.dateOfBirth}>
            {(a) => <input {...a} {...register('birth.dateOfBirth')} type="date" max={today} />}
          </Field>
        ) : (
          <>
            <Field
              label={t('children.form.estimatedAge')}
              hint={t('children.form.estimatedAgeHint')}
              error={errors.birth?.estimatedAgeYears}
            >
              {(a) => (
                <input
                  {...a}
                  {...register('birth.estimatedAgeYears')}
                  className="input-short"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={25}
                  step={1}
                />
              )}
            </Field>
            <Field label={t('children.form.estimatedOn')} error={errors.birth?.asOf}>
              {(a) => <input {...a} {...register('birth.asOf')} type="date" max={today} />}
            </Field>
          </>
        )}
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('children.form.aboutGroup')}</legend>
        <Field label={t('children.form.sex')} error={errors.sex}>
          {(a) => (
            <select {...a} {...register('sex')}>
              <ChoiceOptions values={SEXES} label={(v) => sexText(t, v)} />
            </select>
          )}
        </Field>
        <Field
          label={t('children.form.genderIdentity')}
          hint={t('children.form.genderIdentityHint')}
          error={errors.genderIdentity}
        >
          {(a) => <input {...a} {...register('genderIdentity')} autoComplete="off" />}
        </Field>
        <ChipListInput
          control={control}
          name="languages"
          error={errors.languages as FieldError | undefined}
          label={t('children.form.languages')}
          hint={t('children.form.languagesHint')}
          addLabel={t('children.form.addLanguage')}
          listLabel={t('children.form.languagesAdded')}
          removeLabel={(language) => t('children.form.removeLanguage', { language })}
          maxLength={50}
          suggestions={suggestions}
        />
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('children.form.referralGroup')}</legend>
        <Field
          label={t('children.form.referralSource')}
          hint={t('children.form.referralSourceHint')}
          error={errors.referralSource}
        >
          {(a) => <input {...a} {...register('referralSource')} autoComplete="off" />}
        </Field>
        <Field label={t('children.form.referralDate')} error={errors.referralDate}>
          {(a) => <input {...a} {...register('referralDate')} type="date" max={today} />}
        </Field>
        <Field label={t('children.form.rescueDate')} error={errors.rescueDate}>
          {(a) => <input {...a} {...register('rescueDate')} type="date" max={today} />}
        </Field>
        <Field label={t('children.form.intakeDate')} error={errors.intakeDate}>
          {(a) => <input {...a} {...register('intakeDate')} type="date" max={today} />}
        </Field>
        <Field
          label={t('children.form.referringAgencyRef')}
          hint={t('children.form.referringAgencyRefHint')}
          error={errors.referringAgencyRef}
        >
          {(a) => <input {...a} {...register('referringAgencyRef')} autoComplete="off" />}
        </Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('children.form.careGroup')}</legend>
        <Field label={t('children.form.caseworker')} error={errors.assignedCaseworkerId}>
          {(a) => (
            <select {...a} {...register('assignedCaseworkerId')}>
              <option value="">{t('children.form.unassigned')}</option>
              {staffOptions.map((person) => (
                <option key={person.id} value={person.id}>
                  {t('children.form.staffOption', {
                    name: person.displayName,
                    role: t(`roles.${person.role}`),
                  })}
                </option>
              ))}
              {/* Keep a saved choice selectable while the staff list loads. */}
              {assigned && !staffOptions.some((p) => p.id === assigned) ? (
                <option value={assigned}>{t('children.form.currentCaseworker')}</option>
              ) : null}
            </select>
          )}
        </Field>
      </fieldset>

      <div className="form-actions">
        <SubmitButton
          pending={pending}
          pendingText={t(
            mode.kind === 'edit' ? 'children.form.saving' : 'children.form.registering',
          )}
        >
          {t(mode.kind === 'edit' ? 'children.form.save' : 'children.form.register')}
        </SubmitButton>
        <button
          type="button"
          onClick={() =>
            void navigate(mode.kind === 'edit' ? `/cases/${mode.record.id}` : '/cases')
          }
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
