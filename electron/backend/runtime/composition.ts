// The composition root: every domain the backend serves, and what each contributes (its
// handlers, audit targets, discharge guards, case-file section and timeline entries). A domain is in the app because it is listed here, never
// because some module happened to be imported first.
import { procedures, type ProcedureName } from '../../../shared/contract';
import type { AuditTargets, Handlers } from './call-context';
import type { Domain, DomainHooks } from './domain';
import { accessDomain } from '../domains/access';
import { childrenDomain } from '../domains/children';
import { sheltersDomain } from '../domains/shelters';
import { therapyDomain } from '../domains/therapy';
import { reportsDomain } from '../domains/reports';
import { reintegrationDomain } from '../domains/reintegration';
import { syncDomain } from '../domains/sync';

export type { Domain, DomainHooks } from './domain';

/**
 * Every domain, one line each. Their discharge guards run in this order, and their case-file
 * sections and timeline entries are gathered in it.
 */
export const DOMAINS: readonly Domain[] = [
  accessDomain,
  childrenDomain,
  sheltersDomain,
  therapyDomain,
  reportsDomain,
  reintegrationDomain,
  syncDomain,
];

/** One handler per procedure, from the domains given; refuses a gap or a procedure handled twice. */
export function composeHandlers(domains: readonly Domain[] = DOMAINS): Handlers {
  const hooks = composeHooks(domains);
  const handlers: Partial<Record<string, unknown>> = {};
  for (const domain of domains) {
    for (const [name, handler] of Object.entries(domain.handlers?.(hooks) ?? {})) {
      if (name in handlers) throw new Error(`${name} has a handler in two domains`);
      handlers[name] = handler;
    }
  }
  const missing = (Object.keys(procedures) as ProcedureName[]).filter((n) => !(n in handlers));
  if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}`);
  return handlers as Handlers;
}

/** What the domains hand each other (for the handlers, and for a service called directly). */
export function composeHooks(domains: readonly Domain[] = DOMAINS): DomainHooks {
  const present = <T>(items: readonly (T | undefined)[]): T[] =>
    items.filter((item): item is T => item !== undefined);
  return {
    dischargeGuards: domains.flatMap((d) => d.dischargeGuards ?? []),
    dischargeEffects: domains.flatMap((d) => d.dischargeEffects ?? []),
    caseFileSections: present(domains.map((d) => d.caseFile)),
    timelineSources: present(domains.map((d) => d.timeline)),
  };
}

/** Every domain's declared audit targets; refuses a procedure declared twice. */
export function composeAuditTargets(domains: readonly Domain[] = DOMAINS): AuditTargets {
  const targets: Record<string, unknown> = {};
  for (const domain of domains) {
    for (const [name, target] of Object.entries(domain.auditTargets ?? {})) {
      if (name in targets) throw new Error(`${name} declares its audit target twice`);
      targets[name] = target;
    }
  }
  return targets as AuditTargets;
}
