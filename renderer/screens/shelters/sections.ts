import type { Section } from '../../frame/sections';

/** Shelters, beds, the bed board and placements (issue 3). */
export const shelterSections: Section[] = [];
