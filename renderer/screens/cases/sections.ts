import type { Section } from '../../frame/sections';

/** Case records: the survivor list, search, registration and the case file (issue 3). */
export const caseSections: Section[] = [];
