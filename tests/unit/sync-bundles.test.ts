// A bundle opens only with the organisation's key, under its own file name, signed by a listed
// computer that has not been removed; anything else is refused with its reason. Its bytes say
// nothing about what it holds.
import { describe, expect, it } from 'vitest';
import { childrenProcedures } from '../../shared/children/contract';
import { registerChild } from '../../electron/backend/domains/children';
import {
  newBundleName,
  openBundle,
  sealBundle,
  changesMissingFrom,
  BundleRefused,
  type BundleRefusal,
  removeComputer,
} from '../../electron/backend/domains/sync';
import { childInput, sharingOrganisation, type SyncingComputer } from './support';

const CANARY = 'Fictional Canary Bautista';

async function twoComputers() {
  const org = await sharingOrganisation(2);
  const [a, b] = org.computers() as [SyncingComputer, SyncingComputer];
  registerChild(
    a,
    a.actor,
    childrenProcedures['children.register'].input.parse(childInput({ legalName: CANARY })),
  );
  const name = newBundleName();
  const body = { author: a.identity.deviceId, changes: changesMissingFrom(a, 'x'), acks: [] };
  return { a, b, name, body, file: sealBundle(a.identity, name, body) };
}

function refusal(open: () => unknown): BundleRefusal | 'opened' {
  try {
    open();
    return 'opened';
  } catch (error) {
    if (error instanceof BundleRefused) return error.reason;
    throw error;
  }
}

describe('bundles', () => {
  it('open on another computer of the organisation exactly as they were written', async () => {
    const { b, name, body, file } = await twoComputers();
    expect(openBundle(b.db, b.identity, name, file)).toEqual(body);
  });

  it('show nothing readable: no name, no table, no computer, and are compressed', async () => {
    const { a, name, body, file } = await twoComputers();
    const bytes = Buffer.from(file);
    for (const text of [CANARY, 'children', 'legal_name', a.identity.deviceId, name])
      expect(bytes.includes(text)).toBe(false);
    expect(bytes.length).toBeLessThan(JSON.stringify(body).length);
  });

  it('refuse a truncated, altered or renamed file as unreadable', async () => {
    const { b, name, file } = await twoComputers();
    expect(refusal(() => openBundle(b.db, b.identity, name, file.subarray(0, 50)))).toBe(
      'unreadable',
    );
    expect(refusal(() => openBundle(b.db, b.identity, name, file.subarray(0, -1)))).toBe(
      'unreadable',
    );
    for (const at of [0, 30, file.length - 1]) {
      const altered = Uint8Array.from(file);
      altered[at] = altered[at]! ^ 0x01;
      expect(refusal(() => openBundle(b.db, b.identity, name, altered))).toBe('unreadable');
    }
    expect(refusal(() => openBundle(b.db, b.identity, newBundleName(), file))).toBe('unreadable');
  });

  it('refuse another organisation’s bundle', async () => {
    const { b } = await twoComputers();
    const other = await sharingOrganisation(1);
    const [stranger] = other.computers() as [SyncingComputer];
    const name = newBundleName();
    const file = sealBundle(stranger.identity, name, {
      author: stranger.identity.deviceId,
      changes: [],
      acks: [],
    });
    expect(refusal(() => openBundle(b.db, b.identity, name, file))).toBe('unreadable');
  });

  it('refuse a removed computer, an unlisted one, and a signature that is not the author’s', async () => {
    const { a, b, name, body, file } = await twoComputers();
    const forged = sealBundle({ ...a.identity, deviceId: b.identity.deviceId }, name, {
      ...body,
      author: b.identity.deviceId,
    });
    expect(refusal(() => openBundle(b.db, b.identity, name, forged))).toBe('badSignature');
    const unlisted = sealBundle(a.identity, name, { ...body, author: 'fictional-unlisted' });
    expect(refusal(() => openBundle(b.db, b.identity, name, unlisted))).toBe('unknownComputer');
    expect(removeComputer(b, a.identity.deviceId, 'Fictional: laptop lost')).toBe(true);
    expect(refusal(() => openBundle(b.db, b.identity, name, file))).toBe('removedComputer');
  });
});
