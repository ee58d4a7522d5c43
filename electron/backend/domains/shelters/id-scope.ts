// Who may name the shelters domain's records: a shelter (or its bed) in the actor's scope, and a
// placement whose child the actor sees.
import { ownedBy, shelterInScope, type IdScope } from '../../records/scope';
import { bedRowById, shelterRowById } from '../../records/rows';

export const sheltersIdScope: IdScope = {
  shelter: (vault, actor, id) =>
    actor !== null && shelterRowById(vault, id) !== null && shelterInScope(vault, actor, id),
  bed: (vault, actor, id) => {
    const bed = bedRowById(vault, id);
    return actor !== null && bed !== null && shelterInScope(vault, actor, bed.shelter_id);
  },
  placement: ownedBy('placements'),
};
