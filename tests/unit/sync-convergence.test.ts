// Convergence, property-based: three to five computers make random changes through the real case
// services (register, admit, transfer, discharge, an edit of the same field, a delete) and hand
// each other random bundles in random order, with duplicates, relays and damaged copies. After a
// final full exchange every computer holds identical data.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../shared/errors';
import { childrenProcedures } from '../../shared/children/contract';
import { updateChild } from '../../electron/backend/domains/children';
import {
  admitChild,
  dischargeChild,
  removeBed,
  transferChild,
} from '../../electron/backend/domains/shelters';
import {
  newBundleName,
  openBundle,
  sealBundle,
  applyChanges,
  changesMissingFrom,
  markHeld,
  BundleRefused,
  listConflicts,
} from '../../electron/backend/domains/sync';
import {
  childInput,
  closeComputers,
  GROUND_NAMES,
  loggedClocks,
  prepareGround,
  registerOn,
  sharingOrganisation,
  syncedDataHash,
  type Ground,
  type SyncingComputer,
} from './support';

const CHILDREN = 3;
const BEDS = 4;

type Op =
  | { kind: 'register'; at: number; name: number }
  | { kind: 'admit' | 'transfer'; at: number; child: number; bed: number }
  | { kind: 'discharge'; at: number; child: number }
  | { kind: 'edit'; at: number; child: number; name: number }
  | { kind: 'removeBed'; at: number; bed: number }
  | { kind: 'emit'; at: number }
  | { kind: 'deliver'; at: number; bundle: number; damaged: boolean };

const computer = fc.nat(4);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('register'), at: computer, name: fc.nat(3) }),
  fc.record({
    kind: fc.constantFrom('admit', 'transfer'),
    at: computer,
    child: fc.nat(CHILDREN - 1),
    bed: fc.nat(BEDS - 1),
  }),
  fc.record({ kind: fc.constant('discharge'), at: computer, child: fc.nat(CHILDREN - 1) }),
  fc.record({
    kind: fc.constant('edit'),
    at: computer,
    child: fc.nat(CHILDREN - 1),
    name: fc.nat(3),
  }),
  fc.record({ kind: fc.constant('removeBed'), at: computer, bed: fc.nat(BEDS - 1) }),
  fc.record({ kind: fc.constant('emit'), at: computer }),
  fc.record({
    kind: fc.constant('deliver'),
    at: computer,
    bundle: fc.nat(),
    damaged: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('deliver'),
    at: computer,
    bundle: fc.nat(),
    damaged: fc.constant(false),
  }),
);

interface Bundle {
  name: string;
  file: Uint8Array;
}

/** A service refusing (a conflict it sees, a child it cannot see) is a valid outcome. */
function attempt(call: () => unknown): void {
  try {
    call();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

describe('convergence', () => {
  it('every computer ends with the same data, whatever was done and exchanged', async () => {
    const ground: Ground = { shelters: [], beds: [], children: [] };
    const org = await sharingOrganisation(5, (origin) =>
      prepareGround(origin, ground, { beds: BEDS, children: CHILDREN }),
    );
    const ids = { children: ground.children, beds: ground.beds[0]! };
    const started = Date.now() - 86_400_000;
    let runsWithConflicts = 0;

    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.array(op, { minLength: 5, maxLength: 30 }),
        fc.infiniteStream(fc.nat()),
        async (count, ops, order) => {
          const computers = org.computers().slice(0, count);
          const pool: Bundle[] = [];
          const emit = (c: SyncingComputer) => {
            const changes = changesMissingFrom(c, 'pool');
            markHeld(
              c.db,
              'pool',
              changes.map((x) => x.hlc),
            );
            const name = newBundleName();
            const body = { author: c.identity.deviceId, changes, acks: [] };
            pool.push({ name, file: sealBundle(c.identity, name, body) });
          };
          const deliver = (bundle: Bundle, c: SyncingComputer) =>
            applyChanges(c, openBundle(c.db, c.identity, bundle.name, bundle.file).changes);

          ops.forEach((o, step) => {
            const c = computers[o.at % count]!;
            const at = new Date(started + step * 60_000).toISOString();
            const actor = { ...c.actor, now: new Date(started + step * 60_000 + 1) };
            switch (o.kind) {
              case 'register':
                return attempt(() => registerOn(c, GROUND_NAMES[o.name]!));
              case 'admit':
                return attempt(() =>
                  admitChild(c, actor, {
                    childId: ids.children[o.child]!,
                    bedId: ids.beds[o.bed]!,
                    startAt: at,
                    reason: 'Rescue',
                    overrideReason: 'Fictional override for the test',
                  }),
                );
              case 'transfer':
                return attempt(() =>
                  transferChild(c, actor, {
                    childId: ids.children[o.child]!,
                    toBedId: ids.beds[o.bed]!,
                    at,
                    reason: 'Fictional move',
                    overrideReason: 'Fictional override for the test',
                  }),
                );
              case 'discharge':
                return attempt(() =>
                  dischargeChild(c, actor, {
                    childId: ids.children[o.child]!,
                    at,
                    destination: 'family_reintegration',
                    exitNote: 'Fictional reunification',
                  }),
                );
              case 'edit':
                return attempt(() =>
                  updateChild(
                    c,
                    actor,
                    childrenProcedures['children.update'].input.parse({
                      id: ids.children[o.child]!,
                      ...childInput({
                        legalName: GROUND_NAMES[o.child]!,
                        preferredName: GROUND_NAMES[o.name]!,
                        referralDate: '2024-01-10',
                        intakeDate: '2024-01-10',
                      }),
                    }),
                  ),
                );
              case 'removeBed':
                return attempt(() => removeBed(c, actor, { id: ids.beds[o.bed]! }));
              case 'emit':
                return emit(c);
              case 'deliver': {
                const bundle = pool[o.bundle % Math.max(pool.length, 1)];
                if (!bundle) return;
                if (!o.damaged) return void deliver(bundle, c);
                const file = Uint8Array.from(bundle.file);
                file[o.bundle % file.length] = file[o.bundle % file.length]! ^ 0x10;
                const before = loggedClocks(c.db).length;
                expect(() => deliver({ ...bundle, file }, c)).toThrow(BundleRefused);
                expect(loggedClocks(c.db)).toHaveLength(before);
                return;
              }
            }
          });

          // The final full exchange: everyone writes what it has not written, then everyone
          // reads every bundle, in an order of the run's own.
          for (const c of computers) emit(c);
          const deliveries = computers.flatMap((c) => pool.map((b) => ({ b, c })));
          const shuffled = deliveries
            .map((d, i) => ({ d, key: order.next().value as number, i }))
            .sort((x, y) => x.key - y.key || x.i - y.i);
          for (const { d } of shuffled) deliver(d.b, d.c);

          const hashes = new Set(computers.map((c) => syncedDataHash(c.db)));
          expect(hashes.size).toBe(1);
          const conflicts = new Set(computers.map((c) => JSON.stringify(listConflicts(c.db))));
          expect(conflicts.size).toBe(1);
          if (listConflicts(computers[0]!.db).length > 0) runsWithConflicts += 1;
          closeComputers(computers);
        },
      ),
      { numRuns: 100 },
    );
    // The runs reach what merging is for: both sides of a conflict kept, and listed alike.
    expect(runsWithConflicts).toBeGreaterThan(0);
  }, 240_000);
});
