import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/queries';

/**
 * One calm line for the header: how many people may not visit, how many only supervised. Never
 * why: the reasons stay in the visitor list and the family section.
 */
export function SafetyLine({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const visitors = useApiQuery('visitors.list', { childId });
  if (!visitors.data) return null;
  const noContact = visitors.data.filter((v) => v.state === 'not_allowed').length;
  const supervised = visitors.data.filter((v) => v.state === 'supervised').length;
  if (noContact === 0 && supervised === 0) return null;
  const parts = [
    ...(noContact ? [t('children.safetyLine.noContact', { count: noContact })] : []),
    ...(supervised ? [t('children.safetyLine.supervised', { count: supervised })] : []),
    t('children.safetyLine.approval'),
  ];
  return (
    <p className="safety-line" aria-label={t('children.safetyLine.label')}>
      {parts.join(' · ')}
    </p>
  );
}
