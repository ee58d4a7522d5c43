// What a section of the app is: a route, maybe a navigation entry, and who sees it. Each domain
// lists its sections; frame/sections.ts puts the lists together.
import type { ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { Role } from '../../shared/roles';

export interface Section {
  /** Route path without the leading slash, e.g. 'cases'. Nested routes use `path/*`. */
  path: string;
  /** Where the nav link points; omit to keep the section out of the navigation. */
  navTo?: string;
  navLabel?: (t: TFunction) => string;
  roles: readonly Role[];
  Screen: ComponentType;
}
