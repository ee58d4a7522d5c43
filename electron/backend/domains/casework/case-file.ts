// What the casework domain adds to a child's case file.
import type { CaseFileSource } from '../../runtime/domain';
import { accusedCasesOf } from './accused';
import { conferencesOf } from './conferences';
import { educationOf } from './education';

export const caseworkSection: CaseFileSource = (vault, actor, child) => ({
  accusedCases: accusedCasesOf(vault, actor, child.id),
  education: educationOf(vault, child.id),
  conferences: conferencesOf(vault, child.id),
});
