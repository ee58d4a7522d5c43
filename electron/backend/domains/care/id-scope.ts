// Who may name an incident, an away episode, a document or a contact: whoever sees its child.
import { ownedBy, type IdScope } from '../../records/scope';

export const careIdScope: IdScope = {
  incident: ownedBy('incidents'),
  awayEpisode: ownedBy('away_episodes'),
  childDocument: ownedBy('child_documents'),
  contactEntry: ownedBy('contact_log'),
};
