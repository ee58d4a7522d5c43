import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../shared/children/contract';
import { CaseSection } from '../../ui/CaseSection';
import { PlacementPanel } from './PlacementPanel';
import { PlacementClashNotice } from './ClashNotice';

/** The shelters domain's section of the case file: the current placement and its history. */
export function PlacementSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  return (
    <CaseSection id="case-placement" title={t('shelters.placement.heading')}>
      <PlacementClashNotice clashes={file.placementClashes} />
      <PlacementPanel caseFile={file} />
    </CaseSection>
  );
}
