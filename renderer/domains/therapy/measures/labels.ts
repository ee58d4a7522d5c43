// Outcome-measure codes in words, from the catalogue.
import type { TFunction } from 'i18next';
import type { BandLevel, Informant } from '../../../../shared/therapy/measures';

export const bandText = (t: TFunction, band: BandLevel | null) =>
  band ? t(`therapy.measures.bands.${band}`) : t('therapy.measures.noBand');

export const informantText = (t: TFunction, informant: Informant) =>
  t(`therapy.measures.informants.${informant}`);
