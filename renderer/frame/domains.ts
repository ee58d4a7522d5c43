// The renderer's composition root: every domain the app shows, one line each. Their sections
// appear in the navigation in this order; their case-file sections and timeline words reach the
// case file through DomainsContext (frame/contributions.ts).
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
import type { RendererDomain } from './contributions';

export const DOMAINS: readonly RendererDomain[] = [
  childrenDomain,
  sheltersDomain,
  therapyDomain,
  reintegrationDomain,
  accessDomain,
  // After access: an administrator's home stays the Users screen.
  reportsDomain,
  syncDomain,
  careDomain,
  privacyDomain,
  caseworkDomain,
];
