// The app's sections: one list drives both the routes and the navigation, so only built
// sections ever appear. Each feature area contributes its own sections.
import type { Role } from '../../shared/roles';
import { caseSections } from '../screens/cases/sections';
import { shelterSections } from '../screens/shelters/sections';
import type { Section } from './section';

export type { Section } from './section';

/** Order here is the order in the navigation. */
export function sectionsFor(role: Role, foundation: readonly Section[]): Section[] {
  return [...caseSections, ...shelterSections, ...foundation].filter((s) => s.roles.includes(role));
}
