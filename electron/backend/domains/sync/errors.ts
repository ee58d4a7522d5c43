// Why a bundle was refused (the reasons are in the contract, for the screens). A refused bundle
// applies nothing; the rest of the folder still does.
import type { BundleRefusal } from '../../../../shared/sync/contract';

export type { BundleRefusal };

export class BundleRefused extends Error {
  constructor(
    readonly reason: BundleRefusal,
    detail = '',
  ) {
    super(detail ? `Bundle refused (${reason}): ${detail}` : `Bundle refused (${reason})`);
    this.name = 'BundleRefused';
  }
}
