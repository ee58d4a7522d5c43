// The app's sections: one list drives both the routes and the navigation, so only built
// sections ever appear. Each feature area contributes its own sections.
import type { ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { Role } from '../../shared/roles';
import { caseSections } from '../screens/cases/sections';
import { shelterSections } from '../screens/shelters/sections';

export interface Section {
  /** Route path without the leading slash, e.g. 'cases'. Nested routes use `path/*`. */
  path: string;
  /** Where the nav link points; omit to keep the section out of the navigation. */
  navTo?: string;
  navLabel?: (t: TFunction) => string;
  roles: readonly Role[];
  Screen: ComponentType;
}

/** Order here is the order in the navigation. */
export function sectionsFor(role: Role, foundation: readonly Section[]): Section[] {
  return [...caseSections, ...shelterSections, ...foundation].filter((s) => s.roles.includes(role));
}
