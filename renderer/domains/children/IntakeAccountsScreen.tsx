// A therapist's way to a child's intake account: she has no case file, so the accounts of the
// children in her scope are listed here (case code and alias, where each is held), and the one
// chosen is opened as the case file opens it: directly for a child on her caseload, after a
// reason (kept and audited) for a child she sees through a shelter the administrator gave her.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { FormAlert } from '../../ui/FormAlert';
import { RecordedIntake } from './case-file/IntakeSection';

export function IntakeAccountsScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('intakeAccounts.title'));
  const accounts = useApiQuery('intake.accounts', {});
  const rows = accounts.data ?? [];
  const [childId, setChildId] = useState('');
  const selectId = useId();
  const chosen = rows.find((r) => r.childId === childId);
  return (
    <>
      <h1>{t('intakeAccounts.title')}</h1>
      <p className="lead-text">{t('intakeAccounts.intro')}</p>
      <p>{t('children.intake.noInterview')}</p>
      {accounts.isPending ? <p role="status">{t('children.loading')}</p> : null}
      {accounts.isError ? <FormAlert message={{ key: accounts.error.message }} /> : null}
      {accounts.data && rows.length === 0 ? (
        <p className="muted">{t('intakeAccounts.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="inline-input">
          <label htmlFor={selectId}>{t('intakeAccounts.child')}</label>
          <select id={selectId} value={childId} onChange={(e) => setChildId(e.target.value)}>
            <option value="">{t('intakeAccounts.choose')}</option>
            {rows.map((r) => (
              <option key={r.childId} value={r.childId}>
                {t('intakeAccounts.option', { caseCode: r.caseCode, alias: r.alias })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {chosen ? (
        <section aria-labelledby={`${selectId}-heading`} className="case-section">
          <h2 id={`${selectId}-heading`}>
            {t('intakeAccounts.heading', { caseCode: chosen.caseCode, alias: chosen.alias })}
          </h2>
          <p className="muted">
            {chosen.summary.reasonNeeded
              ? t('intakeAccounts.reasonNeeded')
              : t('intakeAccounts.onCaseload')}
          </p>
          <RecordedIntake key={chosen.childId} childId={chosen.childId} summary={chosen.summary} />
        </section>
      ) : null}
    </>
  );
}
