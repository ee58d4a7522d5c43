// Who may name an assessment or a follow-up visit: whoever sees its child.
import { ownedBy, type IdScope } from '../../records/scope';

export const reintegrationIdScope: IdScope = {
  reintegrationAssessment: ownedBy('reintegration_assessments'),
  aftercareVisit: ownedBy('aftercare_visits'),
};
