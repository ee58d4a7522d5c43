// Who may name the children domain's records: a child in the actor's scope, and the records of
// that child's file; any active account a child can be assigned to.
import {
  ASSIGNABLE_ROLES,
  childVisible,
  ownedBy,
  staffRow,
  type IdScope,
} from '../../records/scope';
import { memberVisible } from './household-members';

export const childrenIdScope: IdScope = {
  child: childVisible,
  consent: ownedBy('consents'),
  // A household's member: visible through any child of the household the actor may see.
  familyMember: memberVisible,
  visitor: ownedBy('visitors'),
  goal: ownedBy('plan_goals'),
  task: ownedBy('plan_tasks'),
  legalEvent: ownedBy('legal_events'),
  caseworker: (vault, actor, id) => {
    const user = staffRow(vault, id);
    return actor !== null && !!user && !user.deleted_at && ASSIGNABLE_ROLES.includes(user.role);
  },
};
