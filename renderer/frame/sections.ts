// The app's sections: one list drives both the routes and the navigation, so only built
// sections ever appear. Each domain contributes its own sections: one line each below.
import type { Role } from '../../shared/roles';
import { accessSections } from '../domains/access';
import { childrenSections } from '../domains/children';
import { sheltersSections } from '../domains/shelters';
import {
  therapyAdminSections,
  therapyNotesSections,
  therapySections,
  therapySettingsSections,
} from '../domains/therapy';
import type { Section } from './section';

export type { Section } from './section';

/** Order here is the order in the navigation. */
export function sectionsFor(role: Role): Section[] {
  return [
    ...childrenSections,
    ...sheltersSections,
    ...therapySections,
    ...accessSections,
    ...therapyNotesSections,
    ...therapySettingsSections,
    ...therapyAdminSections,
  ].filter((s) => s.roles.includes(role));
}
