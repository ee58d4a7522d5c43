import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPassword } from '../../shared/password-policy';

interface Props {
  /** Referenced by the password input's aria-describedby. */
  id: string;
  password: string;
  /** The user's own words (username, name), which a password must not lean on. */
  personal: readonly string[];
}

/** Live strength meter with its reason, from the same checkPassword the backend enforces. */
export function PasswordStrength({ id, password, personal }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  const personalKey = personal.join('\n');
  const verdict = useMemo(
    () => (password ? checkPassword(password, personalKey.split('\n')) : null),
    [password, personalKey],
  );
  const score = verdict?.score ?? 0;
  const text = verdict
    ? t('password.verdict', {
        score: t(`password.score.${score as 0 | 1 | 2 | 3 | 4}`),
        advice: t(`password.advice.${verdict.problem ?? 'ok'}`),
      })
    : t('password.empty');
  return (
    <div className="strength" data-score={verdict ? score : 'none'}>
      <span className="strength-label" id={labelId}>
        {t('password.strengthLabel')}
      </span>
      <meter
        className="strength-meter"
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={score}
        aria-labelledby={labelId}
      />
      <p
        id={id}
        className={verdict?.ok ? 'strength-text strength-ok' : 'strength-text'}
        aria-live="polite"
      >
        {text}
      </p>
    </div>
  );
}
