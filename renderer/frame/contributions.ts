// What a domain contributes to the renderer: its sections of the app (routes and navigation),
// its sections of a child's case file, and the words for its kinds of timeline entry. The
// composition root (frame/domains.ts) lists the domains and App provides them; this file only
// says what a domain is and reads what they contributed, so a domain can name the shape without
// importing the list (and so without a cycle).
import { createContext, useCallback, useContext, useMemo, type ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { TimelineKind } from '../../shared/case-file';
import type { CaseFile } from '../../shared/children/contract';
import type { Role } from '../../shared/roles';
import type { QueryRef } from '../api/queries';

/** One section of the app: a route, maybe a navigation entry, and who sees it. */
export interface Section {
  /** Route path without the leading slash, e.g. 'cases'. Nested routes use `path/*`. */
  path: string;
  /** Where the nav link points; omit to keep the section out of the navigation. */
  navTo?: string;
  navLabel?: (t: TFunction) => string;
  roles: readonly Role[];
  Screen: ComponentType;
}

export interface RendererDomain {
  name: string;
  /** Its sections of the app (routes and navigation entries), in navigation order. */
  sections?: readonly Section[];
  /**
   * Settings and policies: after every domain's own sections in the navigation, so the first
   * section a role may use (its home) is never a settings screen.
   */
  settingsSections?: readonly Section[];
  /** Its sections of the case file, each placed by its `order`. */
  caseFileSections?: readonly CaseFileSection[];
  /** Words for the kinds of timeline entry its backend adds (see shared/case-file.ts). */
  timelineTexts?: TimelineTexts;
  /** Panels it adds to the case team's Today screen, after the agenda (each with its own h2). */
  todayPanels?: readonly ComponentType[];
  /**
   * Notices above every screen (a reminder that must not be missed); each decides for itself
   * whom it concerns and renders nothing otherwise.
   */
  notices?: readonly ComponentType[];
}

/** One section of a child's case file; it renders its own heading (ui/CaseSection). */
export interface CaseFileSection {
  /** Unique among the sections: the heading's id prefix, e.g. 'case-family'. */
  id: string;
  /** Where it sits in the file: lower first (the children domain's run 10, 30, 40 … 100). */
  order: number;
  Section: ComponentType<{ file: CaseFile }>;
  /**
   * The queries the section makes for a child: asked for beside the case file itself, so the
   * section does not wait for the file to render before its own calls go out.
   */
  queries?: (childId: string) => readonly QueryRef[];
}

/** A timeline entry's line, from its params (codes and short names, never trusted as codes). */
export type TimelineText = (t: TFunction, params: Record<string, string>) => string;
export type TimelineTexts = Partial<Record<TimelineKind, TimelineText>>;

/** The domains the app was composed of; App provides them. */
export const DomainsContext = createContext<readonly RendererDomain[] | null>(null);

function useDomains(): readonly RendererDomain[] {
  const domains = useContext(DomainsContext);
  if (!domains) throw new Error('DomainsContext is missing: render inside App.');
  return domains;
}

/**
 * The sections the role may use: in the order of the domains, then of each domain's list; every
 * domain's settings after them all.
 */
export function useSections(role: Role): Section[] {
  const domains = useDomains();
  return useMemo(() => sectionsFor(domains, role), [domains, role]);
}

function sectionsFor(domains: readonly RendererDomain[], role: Role): Section[] {
  return [
    ...domains.flatMap((d) => d.sections ?? []),
    ...domains.flatMap((d) => d.settingsSections ?? []),
  ].filter((s) => s.roles.includes(role));
}

/** Home is the first section with a navigation link the role may use. */
export function homePathOf(sections: readonly Section[]): string {
  return sections.find((s) => s.navTo)?.navTo ?? '/account';
}

/**
 * A role's home, for a sign-in that goes straight there: through `/` it would render the frame
 * once with a redirect, and the home screen's calls would leave one render later.
 */
export function useHomePath(): (role: Role) => string {
  const domains = useDomains();
  return useCallback((role: Role) => homePathOf(sectionsFor(domains, role)), [domains]);
}

/** Every domain's case-file sections, in file order. */
export function useCaseFileSections(): readonly CaseFileSection[] {
  const domains = useDomains();
  return useMemo(
    () => domains.flatMap((d) => d.caseFileSections ?? []).sort((a, b) => a.order - b.order),
    [domains],
  );
}

/** Every domain's panels for the Today screen, in the order of the domains. */
export function useTodayPanels(): readonly ComponentType[] {
  const domains = useDomains();
  return useMemo(() => domains.flatMap((d) => d.todayPanels ?? []), [domains]);
}

/** Every domain's notices above every screen, in the order of the domains. */
export function useNotices(): readonly ComponentType[] {
  const domains = useDomains();
  return useMemo(() => domains.flatMap((d) => d.notices ?? []), [domains]);
}

/** The words for every kind of timeline entry, from every domain. */
export function useTimelineTexts(): TimelineTexts {
  const domains = useDomains();
  return useMemo(
    () => Object.assign({}, ...domains.map((d) => d.timelineTexts ?? {})) as TimelineTexts,
    [domains],
  );
}
