// The composition root: every domain the backend serves, and what each contributes (its
// handlers, audit targets, discharge guards, case-file section and timeline entries, its tables,
// migrations and scope rules). A domain is in the app because it is listed here, never because
// some module happened to be imported first.
import { ID_KINDS, procedures, type ProcedureName } from '../../../shared/contract';
import type { IdKind } from '../../../shared/ids';
import { composeSchema as composeSchemaParts, type Schema } from '../db/schema';
import { coreSchema } from '../db/migrations';
import type { IdVisible } from '../records/scope';
import type { AuditTargets, Handlers } from './call-context';
import type { Domain, DomainHooks } from './domain';
import { accessDomain } from '../domains/access';
import { childrenDomain } from '../domains/children';
import { sheltersDomain } from '../domains/shelters';
import { therapyDomain } from '../domains/therapy';
import { reportsDomain } from '../domains/reports';
import { reintegrationDomain } from '../domains/reintegration';
import { syncDomain } from '../domains/sync';
import { careDomain } from '../domains/care';
import { privacyDomain } from '../domains/privacy';
import { caseworkDomain } from '../domains/casework';

export type { Domain, DomainHooks } from './domain';

/**
 * Every domain, one line each. Their discharge guards run in this order, and their case-file
 * sections and timeline entries are gathered in it. (Migrations run in version order instead.)
 */
export const DOMAINS: readonly Domain[] = [
  accessDomain,
  childrenDomain,
  sheltersDomain,
  therapyDomain,
  reportsDomain,
  reintegrationDomain,
  syncDomain,
  careDomain,
  privacyDomain,
  caseworkDomain,
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

/** The core's tables and migrations and every domain's: what a vault is opened with. */
export function composeSchema(domains: readonly Domain[] = DOMAINS): Schema {
  return composeSchemaParts([coreSchema, ...domains]);
}

/** The schema of the app as listed in DOMAINS. */
export const SCHEMA: Schema = composeSchema();

/** Every kind's scope rule in the app as listed in DOMAINS. */
export const ID_SCOPE = composeIdScope();

/** One scope rule for every kind of id the contract names; refuses a gap or a kind ruled twice. */
export function composeIdScope(
  domains: readonly Domain[] = DOMAINS,
): Readonly<Record<IdKind, IdVisible>> {
  const rules: Partial<Record<IdKind, IdVisible>> = {};
  for (const domain of domains) {
    for (const [kind, rule] of Object.entries(domain.idScope ?? {}) as [IdKind, IdVisible][]) {
      if (kind in rules) throw new Error(`Id kind ${kind} has a scope rule in two domains`);
      rules[kind] = rule;
    }
  }
  const missing = ID_KINDS.filter((kind) => !(kind in rules));
  if (missing.length > 0) throw new Error(`No scope rule for ${missing.join(', ')}`);
  return rules as Record<IdKind, IdVisible>;
}
