// The administrator adds a computer: a join file written to a folder, and the one-time code that
// opens it, shown here in groups of four (like the recovery key) and kept nowhere else.
import { useTranslation } from 'react-i18next';
import { procedures } from '../../../shared/contract';
import { useApiMutation } from '../../api/queries';
import { useApiForm } from '../../forms/useApiForm';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { SubmitButton } from '../../ui/SubmitButton';
import { WorkProgress } from '../../ui/WorkProgress';

export function AddComputer() {
  const { t } = useTranslation();
  const { form, errors, formError, showError, submit } = useApiForm({
    schema: procedures['sync.addComputer'].input,
    defaultValues: { computerName: '', folder: '' },
    fields: ['computerName', 'folder'],
  });
  const add = useApiMutation('sync.addComputer', {
    stale: () => ['sync.computers'],
    onSuccess: () => form.reset(),
    onError: showError,
  });
  if (add.data) {
    const groups = add.data.code.split('-');
    return (
      <section className="panel" aria-labelledby="add-computer-done-heading">
        <h2 id="add-computer-done-heading">{t('sync.addComputer.doneHeading')}</h2>
        <p>{t('sync.addComputer.written', { path: add.data.path })}</p>
        <p>{t('sync.addComputer.codeIntro')}</p>
        <ol className="key-groups" aria-label={t('sync.addComputer.codeLabel')}>
          {groups.map((group, index) => (
            <li key={index}>
              <span className="key-group-number">
                {t('sync.addComputer.group', { n: index + 1 })}
              </span>
              <code className="key-group">{group}</code>
            </li>
          ))}
        </ol>
        <button type="button" className="button-primary" onClick={() => add.reset()}>
          {t('sync.addComputer.done')}
        </button>
      </section>
    );
  }
  return (
    <form
      onSubmit={submit((values) => add.mutate(values))}
      noValidate
      className="form panel"
      aria-labelledby="add-computer-heading"
    >
      <h2 id="add-computer-heading">{t('sync.addComputer.heading')}</h2>
      <p>{t('sync.addComputer.body')}</p>
      <FormAlert message={formError} />
      <Field
        label={t('sync.addComputer.computerName')}
        hint={t('sync.addComputer.computerNameHint')}
        error={errors.computerName}
      >
        {(a) => <input {...a} {...form.register('computerName')} autoComplete="off" />}
      </Field>
      <Field
        label={t('sync.addComputer.folder')}
        hint={t('sync.addComputer.folderHint')}
        error={errors.folder}
      >
        {(a) => <input {...a} {...form.register('folder')} autoComplete="off" spellCheck={false} />}
      </Field>
      <SubmitButton pending={add.isPending} pendingText={t('sync.addComputer.working')}>
        {t('sync.addComputer.submit')}
      </SubmitButton>
      {add.isPending ? (
        <WorkProgress procedure="sync.addComputer" label={t('sync.addComputer.working')} />
      ) : null}
    </form>
  );
}
