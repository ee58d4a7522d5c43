// Who may name a casework record: whoever sees its child.
import { ownedBy, type IdScope } from '../../records/scope';

export const caseworkIdScope: IdScope = {
  accusedCase: ownedBy('accused_cases'),
  educationRecord: ownedBy('education_records'),
  caseConference: ownedBy('case_conferences'),
  healthRecord: ownedBy('health_records'),
};
