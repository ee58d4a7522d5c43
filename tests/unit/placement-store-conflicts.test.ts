// The placement store's two lines of defence: its own overlap check before every write, and the
// database's triggers and unique indexes behind it, whose failures must still read as CONFLICT
// (what the user can act on), never as an internal error.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/backend/db/sqlcipher';
import type { CaseVault } from '../../electron/backend/domains/children';
import {
  admitChild,
  dischargeChild,
  insertPlacement,
  updatePlacement,
} from '../../electron/backend/domains/shelters';
import { assertNoConflict } from '../../electron/backend/domains/shelters/placement-store';
import type { PlacementRow } from '../../electron/backend/records/rows';
import { COORDINATOR, on, placementVault, refusal } from './support';

/**
 * The same vault with the store's overlap query blinded, as if another write had slipped in
 * between the check and the write: only the database itself can refuse now.
 */
function blinded(vault: CaseVault): CaseVault {
  const db = new Proxy(vault.db, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver) as unknown;
      return (sql: string, ...rest: unknown[]) =>
        sql.includes('FROM placements p JOIN children c')
          ? { get: () => undefined }
          : (target.prepare as (...args: unknown[]) => unknown)(sql, ...rest);
    },
  }) as Db;
  return { db, data: vault.data };
}

async function twoPlacedChildren() {
  const p = await placementVault();
  const home = p.shelter(4);
  const ana = p.child();
  const bea = p.child();
  p.admit(ana, home.beds[0]!, on('2025-05-01'));
  p.admit(bea, home.beds[1]!, on('2025-05-01'));
  const row = (childId: string) =>
    p.vault.db
      .prepare('SELECT * FROM placements WHERE child_id = ? ORDER BY start_at DESC')
      .get([childId]) as unknown as PlacementRow;
  const placement = (childId: string, bedId: string, start: string, end: string | null) => ({
    child_id: childId,
    shelter_id: home.id,
    bed_id: bedId,
    start_at: start,
    end_at: end,
    reason: 'Direct write',
  });
  return { ...p, home, ana, bea, row, placement };
}

describe('a conflict the database finds is still a CONFLICT', () => {
  it('the overlap triggers: a child twice at once, a bed holding two children', async () => {
    const f = await twoPlacedChildren();
    const blind = blinded(f.vault);
    expect(
      refusal(() =>
        insertPlacement(blind, f.placement(f.ana, f.home.beds[2]!, on('2025-05-10'), null)),
      ),
    ).toEqual({ code: 'CONFLICT', message: 'placement.childOverlap' });
    expect(
      refusal(() =>
        insertPlacement(
          blind,
          f.placement(f.child(), f.home.beds[0]!, on('2025-04-01'), on('2025-05-02')),
        ),
      ),
    ).toEqual({ code: 'CONFLICT', message: 'placement.bedOverlap' });
    expect(
      refusal(() => updatePlacement(blind, f.row(f.bea), { bed_id: f.home.beds[0]! })),
    ).toEqual({ code: 'CONFLICT', message: 'placement.bedOverlap' });
  });

  it('the triggers stand aside only while sync applies remote changes, which may hold both', async () => {
    const f = await twoPlacedChildren();
    const blind = blinded(f.vault);
    f.vault.db.exec('INSERT INTO sync_applying (id) VALUES (1)');
    expect(
      refusal(() =>
        insertPlacement(blind, f.placement(f.ana, f.home.beds[2]!, on('2025-05-10'), null)),
      ),
    ).toBe('ok');
    f.vault.db.exec('DELETE FROM sync_applying');
    expect(
      refusal(() =>
        insertPlacement(blind, f.placement(f.child(), f.home.beds[2]!, on('2025-05-11'), null)),
      ),
    ).toEqual({ code: 'CONFLICT', message: 'placement.bedOverlap' });
  });

  it('any other failure is passed on as it is, not disguised as a conflict', async () => {
    const f = await twoPlacedChildren();
    const blind = blinded(f.vault);
    let thrown: unknown = null;
    try {
      insertPlacement(blind, f.placement(f.child(), 'no-such-bed', on('2025-05-10'), null));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(/FOREIGN KEY/);
    expect((thrown as { code?: unknown }).code).not.toBe('CONFLICT');
  });
});

describe('the store’s own check on an edit', () => {
  it('moving a start, an end or a bed into another stay is refused before the write, naming it', async () => {
    const f = await twoPlacedChildren();
    // Ana's earlier stay, closed before her current one.
    f.vault.data.update('placements', f.row(f.ana).id, { start_at: on('2025-05-03') });
    const earlier = f.placement(f.ana, f.home.beds[2]!, on('2025-04-01'), on('2025-05-01'));
    insertPlacement(f.vault, earlier);
    const old = f.vault.db
      .prepare('SELECT * FROM placements WHERE child_id = ? AND end_at IS NOT NULL')
      .get([f.ana]) as unknown as PlacementRow;
    const named = (message: string, startAt: string) => ({
      code: 'CONFLICT',
      message,
      details: { caseCode: expect.any(String), startAt },
    });
    // An end moved past the next start.
    expect(
      refusal(() => updatePlacement(f.vault, old, { end_at: on('2025-05-04') })),
    ).toMatchObject(named('placement.childOverlap', on('2025-05-03')));
    // Re-opened: it would run into her current stay.
    expect(refusal(() => updatePlacement(f.vault, old, { end_at: null }))).toMatchObject(
      named('placement.childOverlap', on('2025-05-03')),
    );
    // A start moved after its own end.
    expect(
      refusal(() => updatePlacement(f.vault, old, { start_at: on('2025-05-02') })),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.endBeforeStart',
      details: { startAt: on('2025-05-02'), endAt: on('2025-05-01') },
    });
    // Her current stay moved into Bea's bed.
    expect(
      refusal(() => updatePlacement(f.vault, f.row(f.ana), { bed_id: f.home.beds[1]! })),
    ).toMatchObject(named('placement.bedOverlap', on('2025-05-01')));
    // A change that clashes with nothing but the stay itself is allowed.
    expect(refusal(() => updatePlacement(f.vault, old, { start_at: on('2025-03-01') }))).toBe('ok');
    expect(refusal(() => updatePlacement(f.vault, old, { end_at: on('2025-05-03') }))).toBe('ok');
  });
});

describe('a stay that sync left overlapping another', () => {
  it('may be narrowed or re-described while the overlap lasts, never widened', async () => {
    const f = await twoPlacedChildren();
    // Another computer, offline, put Cara in Ana's bed for part of Ana's stay.
    const cara = f.child();
    f.vault.db.exec('INSERT INTO sync_applying (id) VALUES (1)');
    insertPlacement(
      blinded(f.vault),
      f.placement(cara, f.home.beds[0]!, on('2025-05-05'), on('2025-05-20')),
    );
    f.vault.db.exec('DELETE FROM sync_applying');
    const edit = (patch: Parameters<typeof updatePlacement>[2]) =>
      refusal(() => updatePlacement(f.vault, f.row(cara), patch));
    const widened = {
      code: 'CONFLICT',
      message: 'placement.bedOverlap',
      details: { startAt: on('2025-05-01'), endAt: null },
    };
    // The same dates, a new reason: nothing grows.
    expect(edit({ reason: 'Corrected reason' })).toBe('ok');
    // Ended earlier, from the same start; then started later, to the same end.
    expect(edit({ end_at: on('2025-05-18') })).toBe('ok');
    expect(edit({ start_at: on('2025-05-06') })).toBe('ok');
    expect(f.row(cara)).toMatchObject({
      start_at: on('2025-05-06'),
      end_at: on('2025-05-18'),
      reason: 'Corrected reason',
    });
    // Any edit that would make the overlap longer is refused, naming Ana's stay.
    expect(edit({ start_at: on('2025-05-05') })).toMatchObject(widened);
    expect(edit({ end_at: on('2025-05-19') })).toMatchObject(widened);
    expect(edit({ start_at: on('2025-05-07'), end_at: on('2025-05-25') })).toMatchObject(widened);
  });
});

describe('an open stay that sync left overlapping another', () => {
  it('may be ended while the overlap lasts', async () => {
    const f = await twoPlacedChildren();
    const cara = f.child();
    f.vault.db.exec('INSERT INTO sync_applying (id) VALUES (1)');
    insertPlacement(blinded(f.vault), f.placement(cara, f.home.beds[0]!, on('2025-05-05'), null));
    f.vault.db.exec('DELETE FROM sync_applying');
    expect(refusal(() => updatePlacement(f.vault, f.row(cara), { end_at: on('2025-05-06') }))).toBe(
      'ok',
    );
    expect(f.row(cara)).toMatchObject({ start_at: on('2025-05-05'), end_at: on('2025-05-06') });
  });
});

describe('a child that sync left in two open stays', () => {
  it('is not discharged before the later stay began', async () => {
    const f = await twoPlacedChildren();
    f.vault.db.exec('INSERT INTO sync_applying (id) VALUES (1)');
    insertPlacement(blinded(f.vault), f.placement(f.ana, f.home.beds[2]!, on('2025-05-10'), null));
    f.vault.db.exec('DELETE FROM sync_applying');
    expect(
      refusal(() =>
        dischargeChild(f.vault, COORDINATOR, {
          childId: f.ana,
          at: on('2025-05-05'),
          destination: 'family_reintegration',
          exitNote: 'Fictional exit note',
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', fields: { at: 'placement.endBeforeStart' } });
  });
});

describe('the store’s own checks on a new placement', () => {
  it('a stay of no length is refused before the database sees it, with its dates', async () => {
    const f = await twoPlacedChildren();
    expect(
      refusal(() =>
        insertPlacement(
          f.vault,
          f.placement(f.child(), f.home.beds[2]!, on('2025-05-10'), on('2025-05-10')),
        ),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: 'placement.endBeforeStart',
      details: {
        caseCode: null,
        initials: null,
        startAt: on('2025-05-10'),
        endAt: on('2025-05-10'),
      },
    });
  });

  it('a stay of no length names its dates to any viewer: there is no other child to hide', async () => {
    const f = await twoPlacedChildren();
    const caseworker = {
      userId: 'fictional-caseworker',
      role: 'caseworker' as const,
      shelterScope: [],
    };
    const slot = {
      childId: f.ana,
      bedId: f.home.beds[2]!,
      startAt: on('2025-06-01'),
      endAt: on('2025-05-01'),
    };
    expect(refusal(() => assertNoConflict(f.vault, slot, caseworker))).toEqual({
      code: 'CONFLICT',
      message: 'placement.endBeforeStart',
      details: {
        caseCode: null,
        initials: null,
        startAt: on('2025-06-01'),
        endAt: on('2025-05-01'),
      },
    });
  });

  it('a clash names the other child only to someone who may see her', async () => {
    const f = await twoPlacedChildren();
    const caseworker = {
      userId: 'fictional-caseworker',
      role: 'caseworker' as const,
      shelterScope: [],
    };
    // Her own registration, not yet placed: hers to see; the child in the bed is not.
    const hers = f.child();
    f.vault.data.update('children', hers, { registered_by: caseworker.userId });
    const admit = (actor: typeof caseworker | undefined) =>
      refusal(() =>
        admitChild(
          f.vault,
          actor ?? { userId: 'fictional-coordinator', role: 'coordinator', shelterScope: [] },
          {
            childId: hers,
            bedId: f.home.beds[0]!,
            startAt: on('2025-05-10'),
            reason: 'Rescue',
          },
        ),
      );
    expect(admit(caseworker)).toEqual({ code: 'CONFLICT', message: 'placement.bedOverlap' });
    expect(admit(undefined)).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.bedOverlap',
      details: { caseCode: expect.any(String), startAt: on('2025-05-01') },
    });
  });
});
