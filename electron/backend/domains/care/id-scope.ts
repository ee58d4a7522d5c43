// Who may name an incident, an away episode or a document: whoever sees its child.
import { ownedBy, type IdScope } from '../../records/scope';

export const careIdScope: IdScope = {
  incident: ownedBy('incidents'),
  awayEpisode: ownedBy('away_episodes'),
  childDocument: ownedBy('child_documents'),
};
