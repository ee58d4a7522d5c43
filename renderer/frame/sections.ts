// The app's sections: one list drives both the routes and the navigation, so only built
// sections ever appear. Each domain contributes its own sections: one line each below.
import type { Role } from '../../shared/roles';
import { accessSections } from '../domains/access';
import { childrenSections } from '../domains/children';
import { sheltersSections } from '../domains/shelters';
import { therapyAdminSections, therapyNotesSections } from '../domains/therapy';
import type { Section } from './section';

export type { Section } from './section';

/** Order here is the order in the navigation. */
export function sectionsFor(role: Role): Section[] {
  return [
    ...childrenSections,
    ...sheltersSections,
    ...accessSections,
    // After the account for now: the therapist's home stays theirs until the therapy screens
    // give therapists a home of their own.
    ...therapyNotesSections,
    ...therapyAdminSections,
  ].filter((s) => s.roles.includes(role));
}
