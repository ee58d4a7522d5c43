// Why a bundle was refused. A refused bundle applies nothing; the rest of the folder still does.
export type BundleRefusal =
  /** Not readable with the organisation's key: truncated, altered, or another organisation's. */
  | 'unreadable'
  /** Readable and signed, but not what Aruga writes (an unknown table or column, a bad clock). */
  | 'malformed'
  /** Signed by a computer this one does not know (yet: its addition may still be on its way). */
  | 'unknownComputer'
  /** Signed by a computer removed from the organisation. */
  | 'removedComputer'
  /** The signature does not match its computer's key. */
  | 'badSignature'
  /** Carries a clock too far ahead of this computer's: tried again at a later sync. */
  | 'clockAhead'
  /**
   * Holds a row this computer's database cannot take beside its own (two staff accounts with one
   * username): tried again at every sync, and applies once either side is renamed.
   */
  | 'unmergeable';

export class BundleRefused extends Error {
  constructor(
    readonly reason: BundleRefusal,
    detail = '',
  ) {
    super(detail ? `Bundle refused (${reason}): ${detail}` : `Bundle refused (${reason})`);
    this.name = 'BundleRefused';
  }
}
