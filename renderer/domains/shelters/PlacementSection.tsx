import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../shared/children/contract';
import { CaseSection } from '../../ui/CaseSection';
import { PlacementPanel } from './PlacementPanel';

/** The shelters domain's section of the case file: the current placement and its history. */
export function PlacementSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  return (
    <CaseSection id="case-placement" title={t('shelters.placement.heading')}>
      <PlacementPanel caseFile={file} />
    </CaseSection>
  );
}
