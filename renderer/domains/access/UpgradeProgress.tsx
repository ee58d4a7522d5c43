import { useTranslation } from 'react-i18next';
import { useProgress } from '../../api/useProgress';
import { ProgressBar } from '../../ui/WorkProgress';

/**
 * Shown on the sign-in screen while a sign-in upgrades the vault (the backend reports progress
 * only then): the backup of the vault as it was, then migration k of n. Nothing for an ordinary
 * sign-in. Mount it while the sign-in is pending.
 */
export function UpgradeProgress() {
  const { t } = useTranslation();
  const progress = useProgress('auth.signIn');
  const step = progress?.step;
  if (!progress || !step) return null;
  const doing =
    step.kind === 'migration'
      ? t('upgrade.migration', { number: step.number, of: step.of })
      : t('upgrade.backup', { size: (step.bytes / (1024 * 1024)).toFixed(1) });
  return (
    <section className="panel" aria-labelledby="upgrade-heading">
      <h2 id="upgrade-heading">{t('upgrade.heading')}</h2>
      <p>{t('upgrade.body')}</p>
      <p role="status">{doing}</p>
      <ProgressBar progress={progress} label={t('upgrade.heading')} />
    </section>
  );
}
