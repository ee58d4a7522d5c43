// Every procedure, called by every role, is allowed or FORBIDDEN exactly as the matrix says; and
// every id a procedure accepts, given from outside the caller's scope, answers NOT_FOUND.
import { ID_SCOPE, SCHEMA } from '../../electron/backend/runtime/composition';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@signalapp/sqlcipher';
import { Backoff } from '../../electron/backend/vault/backoff';
import { DataLayer } from '../../electron/backend/db/data-layer';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  ID_KINDS,
  PROCEDURE_ID_FIELDS,
  PROCEDURE_NAMES,
  procedures,
  type ProcedureName,
} from '../../shared/contract';
import type { IdField, IdKind } from '../../shared/ids';
import { ROLES, type Role } from '../../shared/roles';
import type { BackendApi } from '../../electron/backend/api';
import { requireIdsInScope } from '../../electron/backend/records/scope';
import type { CaseVault } from '../../electron/backend/records/actor';
import {
  PASSWORDS,
  sample,
  USERNAMES,
  withValueAt,
  addUser,
  ADMIN,
  fails,
  inspectDatabase,
  newVault,
  ok,
  signIn,
} from './support';
import { isAllowed } from '../../shared/permissions';
import { expectedAllowed } from './support/permission-matrix';

const roleGated = PROCEDURE_NAMES.filter((n) => Array.isArray(procedures[n].access));
// session.lock ends the session, so it runs last for each role.
const ordered = [...roleGated.filter((n) => n !== 'session.lock'), 'session.lock' as const];

let backend: BackendApi;
let folder: string;
let recoveryKey: string;

beforeAll(async () => {
  ({ backend, folder, recoveryKey } = await newVault());
  const firstSignIn = async (role: Role) => {
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, role, `Temp-${role}-Kite-77`);
    await ok(backend, 'account.changePassword', {
      currentPassword: `Temp-${role}-Kite-77`,
      newPassword: PASSWORDS[role],
    });
  };
  // The coordinator adds the shelter first: shelter access can only name shelters that exist.
  await addUser(backend, 'coordinator', 'coordinator', 'Temp-coordinator-Kite-77');
  await firstSignIn('coordinator');
  await ok(backend, 'shelters.save', { ...SHELTER, name: CASEWORKER_SHELTER });
  await as('admin');
  for (const role of ['caseworker', 'therapist'] as const) {
    await ok(backend, 'users.create', {
      displayName: `Fictional ${role}`,
      username: role,
      role,
      shelterScope: [CASEWORKER_SHELTER],
      temporaryPassword: `Temp-${role}-Kite-77`,
    });
  }
  for (const role of ['caseworker', 'therapist'] as const) await firstSignIn(role);
  await ok(backend, 'session.lock', { reason: 'manual' });
});

/** Where the caseworker and the therapist work. */
const CASEWORKER_SHELTER = 'Fictional Home Cebu';
const SHELTER = {
  type: 'ngo_shelter',
  sexRule: 'any',
  minAge: 0,
  maxAge: 25,
  capacity: 20,
} as const;

const as = async (role: Role) => {
  await backend.lock('manual');
  await signIn(backend, USERNAMES[role], PASSWORDS[role]);
};

// The matrix sends a wrong current password to account.changePassword, which starts the
// sign-in back-off; clear it between tests as a successful sign-in would.
beforeEach(() => {
  new Backoff(folder).takePendingAndReset();
});

describe('permission matrix', () => {
  for (const role of ROLES) {
    it(`${role}: every procedure is allowed or FORBIDDEN as the expected matrix says`, async () => {
      await signIn(backend, USERNAMES[role], PASSWORDS[role]);
      const inputs = sample(role);
      for (const name of ordered) {
        const envelope = await backend.call(name, inputs[name]);
        const forbidden = !envelope.ok && envelope.error.code === 'FORBIDDEN';
        expect({ name, role, forbidden }).toEqual({
          name,
          role,
          forbidden: !expectedAllowed(name, role),
        });
        if (!envelope.ok) expect(envelope.error.code).not.toBe('INTERNAL');
      }
      expect((await ok(backend, 'app.status', {})).state).toBe('locked');
    });
  }

  it('every role-gated procedure answers LOCKED while the vault is locked', async () => {
    for (const name of roleGated) {
      expect({ name, code: (await fails(backend, name, sample('admin')[name])).code }).toEqual({
        name,
        code: 'LOCKED',
      });
    }
  });

  it('recovery-only procedures answer LOCKED outside recovery, even to a signed-in administrator', async () => {
    await signIn(backend, 'admin.reyes', ADMIN.password);
    expect(
      (await fails(backend, 'auth.recoveryResetAdmin', sample('admin')['auth.recoveryResetAdmin']))
        .code,
    ).toBe('LOCKED');
    await ok(backend, 'session.lock', { reason: 'manual' });
  });

  it('a denied call is audited as denied', async () => {
    await signIn(backend, 'therapist', PASSWORDS.therapist);
    await fails(backend, 'users.list', {});
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, 'admin.reyes', ADMIN.password);
    const { entries } = await ok(backend, 'audit.list', { action: 'users.list', limit: 10 });
    expect(entries.some((e) => e.outcome === 'denied')).toBe(true);
    await ok(backend, 'session.lock', { reason: 'manual' });
  });
});

describe('malformed input', () => {
  const huge = 'x'.repeat(100_000);
  const cases: [ProcedureName, unknown][] = [
    [
      'users.create',
      {
        displayName: 42,
        username: 'ok.name',
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'Temporary-Kite-Reef-90',
      },
    ],
    [
      'users.create',
      {
        displayName: 'Ok',
        username: 'ok.name',
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'Temporary-Kite-Reef-90',
        isAdmin: true,
      },
    ],
    [
      'users.create',
      {
        displayName: huge,
        username: 'ok.name',
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'Temporary-Kite-Reef-90',
      },
    ],
    [
      'users.create',
      {
        displayName: 'Ok',
        username: 'Niño👧',
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'Temporary-Kite-Reef-90',
      },
    ],
    [
      'users.create',
      {
        displayName: 'Ok',
        username: 'ok.name',
        role: 'superuser',
        shelterScope: [],
        temporaryPassword: 'Temporary-Kite-Reef-90',
      },
    ],
    [
      'users.create',
      {
        displayName: 'Ok',
        username: 'ok.name',
        role: 'caseworker',
        shelterScope: [huge],
        temporaryPassword: 'Temporary-Kite-Reef-90',
      },
    ],
    ['users.create', null],
    ['users.create', 'a string'],
    ['users.resetPassword', { userId: 'not-a-uuid', temporaryPassword: 'Temporary-Kite-Reef-90' }],
    ['users.disable', { userId: ['array'] }],
    ['users.update', { userId: 'not-a-uuid', role: 'caseworker', shelterScope: [] }],
    ['settings.update', { idleLockMinutes: 0, timeZone: 'Asia/Manila', paperSize: 'A4' }],
    ['settings.update', { idleLockMinutes: 61, timeZone: 'Asia/Manila', paperSize: 'A4' }],
    ['settings.update', { idleLockMinutes: 5, timeZone: 'Mars/Olympus', paperSize: 'A4' }],
    ['settings.update', { idleLockMinutes: 5, timeZone: 'Asia/Manila', paperSize: 'A3' }],
    ['audit.list', { limit: 5, from: '2026-13-45' }],
    ['session.lock', { reason: 'whenever' }],
    ['account.changePassword', { currentPassword: huge, newPassword: 'Whatever-Long-Pass-1' }],
  ];

  it('gets VALIDATION with the offending field, and writes nothing', async () => {
    await signIn(backend, 'admin.reyes', ADMIN.password);
    const inspector = await inspectDatabase(folder, recoveryKey);
    const count = (table: string) =>
      Number(inspector.prepare(`SELECT count(*) FROM ${table}`, { pluck: true }).get());
    const before = {
      changes: count('change_log'),
      audit: count('audit_log'),
      users: count('users'),
    };
    for (const [name, input] of cases) {
      const error = await fails(backend, name, input);
      expect({ name, input: JSON.stringify(input).slice(0, 80), code: error.code }).toMatchObject({
        code: 'VALIDATION',
      });
      expect(Object.keys(error.fields ?? {}).length).toBeGreaterThan(0);
    }
    expect({
      changes: count('change_log'),
      audit: count('audit_log'),
      users: count('users'),
    }).toEqual(before);
    inspector.close();
    const settings = await ok(backend, 'settings.get', {});
    expect(settings.idleLockMinutes).toBe(5);
  });

  it('names the field and the reason', async () => {
    const tooLong = await fails(backend, 'users.create', {
      ...(sample('admin')['users.create'] as object),
      displayName: huge,
    });
    expect(tooLong.fields).toEqual({ displayName: 'tooLong' });
    const extra = await fails(backend, 'users.create', {
      ...(sample('admin')['users.create'] as object),
      isAdmin: true,
    });
    expect(extra.fields).toEqual({ isAdmin: 'invalid' });
    const zone = await fails(backend, 'settings.update', {
      idleLockMinutes: 5,
      timeZone: 'Mars/Olympus',
      paperSize: 'A4',
    });
    expect(zone.fields).toEqual({ timeZone: 'timeZone.invalid' });
  });

  it('unknown procedures are NOT_FOUND, never a crash', async () => {
    expect((await fails(backend, 'users.drop' as ProcedureName, {})).code).toBe('NOT_FOUND');
    expect((await fails(backend, '__proto__' as ProcedureName, {})).code).toBe('NOT_FOUND');
  });
});

/** Every uuid field of a schema, found without the contract's id kinds (to check them). */
function uuidPaths(schema: z.core.$ZodType, path: string[] = []): string[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    format?: string;
    shape?: Record<string, z.core.$ZodType>;
    innerType?: z.core.$ZodType;
    options?: readonly z.core.$ZodType[];
    element?: z.core.$ZodType;
  };
  if (def.type === 'string' && def.format === 'uuid') return [path.join('.')];
  if (def.shape)
    return Object.entries(def.shape).flatMap(([key, field]) => uuidPaths(field, [...path, key]));
  if (def.innerType) return uuidPaths(def.innerType, path);
  if (def.element) return uuidPaths(def.element, [...path, '*']);
  if (def.options) return [...new Set(def.options.flatMap((o) => uuidPaths(o, path)))];
  return [];
}

describe('scope: every id from outside the caller’s scope is NOT_FOUND and writes nothing', () => {
  /** The ids of records the caller may name, and of records it may not, by kind. */
  type Ids = Record<IdKind, string>;
  let within: Record<Role, Ids>;
  let outside: Record<Role, Ids>;
  let actors: Record<Role, { userId: string; role: Role; shelterScope: string[] }>;
  let inspector: Database;

  beforeAll(async () => {
    await as('admin');
    const users = await ok(backend, 'users.list', {});
    // By username: the matrix run above added accounts of some roles (users.create).
    const userId = (role: Role) => users.find((u) => u.username === USERNAMES[role])!.id;
    // A computer the organisation lists (the matrix run above may have started sharing already).
    const computer =
      (await ok(backend, 'sync.computers', {}))[0]?.id ??
      (await ok(backend, 'sync.start', { computerName: 'Fictional office laptop' })).computerId;
    // An entry of the breach register (only the administrator names one).
    const breach = (await ok(backend, 'breaches.save', sample('admin')['breaches.save'] as never))
      .id;
    await as('coordinator');
    /** Three beds in the shelter of that name: the one that exists, or a new one. */
    const shelter = async (name: string) => {
      const existing = (await ok(backend, 'shelters.names', {})).find((n) => n.name === name);
      let s = await ok(backend, 'shelters.save', { ...SHELTER, name, id: existing?.id });
      for (const label of ['Bed 1', 'Bed 2', 'Bed 3'])
        s = await ok(backend, 'beds.save', { shelterId: s.id, label });
      return s;
    };
    // The caseworker works in Cebu; Iloilo is outside it.
    const cebu = await shelter(CASEWORKER_SHELTER);
    const iloilo = await shelter('Fictional Home Iloilo');
    const removedBed = iloilo.beds[2]!.id;
    await ok(backend, 'beds.remove', { id: removedBed });
    const startAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const child = async (bedId: string) => {
      const { id } = await ok(
        backend,
        'children.register',
        sample('coordinator')['children.register'],
      );
      const placement = await ok(backend, 'placements.admit', {
        childId: id,
        bedId,
        startAt,
        reason: 'Rescue',
      });
      const records = {
        consent: (
          await ok(backend, 'consents.record', {
            ...(sample('coordinator')['consents.record'] as object),
            childId: id,
          })
        ).id,
        familyMember: (
          await ok(backend, 'family.save', {
            ...(sample('coordinator')['family.save'] as object),
            childId: id,
          })
        ).id,
        goal: (
          await ok(backend, 'plan.saveGoal', {
            ...(sample('coordinator')['plan.saveGoal'] as object),
            childId: id,
          })
        ).id,
        task: (
          await ok(backend, 'plan.saveTask', {
            ...(sample('coordinator')['plan.saveTask'] as object),
            childId: id,
          })
        ).id,
        legalEvent: (
          await ok(backend, 'legal.save', {
            ...(sample('coordinator')['legal.save'] as object),
            childId: id,
          })
        ).id,
        visitor: (
          await ok(backend, 'visitors.add', {
            ...(sample('coordinator')['visitors.add'] as object),
            childId: id,
          })
        ).id,
        incident: (
          await ok(backend, 'incidents.save', {
            ...(sample('coordinator')['incidents.save'] as object),
            childId: id,
          })
        ).id,
        awayEpisode: (
          await ok(backend, 'away.start', {
            ...(sample('coordinator')['away.start'] as object),
            childId: id,
            // Yesterday: after the admission ten days ago, and not in the future.
            leftOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
            plannedReturnOn: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
          })
        ).id,
        childDocument: (
          await ok(backend, 'documents.save', {
            ...(sample('coordinator')['documents.save'] as object),
            childId: id,
          })
        ).id,
        contactEntry: (
          await ok(backend, 'contacts.save', {
            ...(sample('coordinator')['contacts.save'] as object),
            childId: id,
          })
        ).id,
        accusedCase: (
          await ok(backend, 'accused.save', {
            ...(sample('coordinator')['accused.save'] as object),
            childId: id,
          })
        ).id,
        educationRecord: (
          await ok(backend, 'education.save', {
            ...(sample('coordinator')['education.save'] as object),
            childId: id,
          })
        ).id,
        caseConference: (
          await ok(backend, 'conferences.save', {
            ...(sample('coordinator')['conferences.save'] as object),
            childId: id,
          })
        ).id,
        healthRecord: (
          await ok(backend, 'health.save', {
            ...(sample('coordinator')['health.save'] as object),
            childId: id,
          })
        ).id,
      };
      const reintegrationAssessment = (
        await ok(backend, 'reintegration.save', {
          ...(sample('coordinator')['reintegration.save'] as object),
          childId: id,
          household: {
            kind: 'kinship',
            label: 'Fictional home',
            memberIds: [records.familyMember],
          },
        })
      ).id;
      return { child: id, placement: placement.id, ...records, reintegrationAssessment };
    };
    const inCebu = await child(cebu.beds[0]!.id);
    const inIloilo = await child(iloilo.beds[0]!.id);
    // A colleague of the therapist, who has the Iloilo child on their caseload.
    await as('admin');
    const colleague = await ok(backend, 'users.create', {
      displayName: 'Fictional other therapist',
      username: 'therapist.two',
      role: 'therapist',
      shelterScope: [],
      temporaryPassword: 'Temp-therapist2-Kite-77',
    });
    await as('coordinator');
    const plan = async (childId: string, therapistId: string) =>
      (
        await ok(backend, 'therapy.savePlan', {
          ...(sample('coordinator')['therapy.savePlan'] as object),
          id: undefined,
          childId,
          therapistId,
        })
      ).id;
    /** A plan, a session and a leave of the child's therapist. */
    const therapyOf = async (childId: string, therapistId: string) => {
      const session = await ok(backend, 'therapy.schedule', {
        therapistId,
        kind: 'individual',
        childIds: [childId],
        durationMinutes: 60,
        startAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      });
      const leave = await ok(backend, 'therapy.saveLeave', {
        therapistId,
        kind: 'blocked',
        startAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
        endAt: new Date(Date.now() + 41 * 86_400_000).toISOString(),
      });
      return {
        therapyPlan: await plan(childId, therapistId),
        therapySession: session.id,
        therapyLeave: leave.id,
      };
    };
    /** A draft note of the session, written straight to the table (its procedures need a session held). */
    const writer = await inspectDatabase(folder, recoveryKey);
    const withNote = (
      records: Awaited<ReturnType<typeof therapyOf>>,
      childId: string,
      authorId: string,
    ) => {
      const data = new DataLayer(writer, SCHEMA.tables, () => ({
        userId: authorId,
        deviceId: 'test',
      }));
      const note = data.insert('therapy_notes', {
        session_id: records.therapySession,
        child_id: childId,
        author_id: authorId,
        template: 'soap',
        status: 'draft',
      });
      return { ...records, therapyNote: note };
    };
    const therapy = {
      inCebu: withNote(
        await therapyOf(inCebu.child, userId('therapist')),
        inCebu.child,
        userId('therapist'),
      ),
      inIloilo: withNote(
        await therapyOf(inIloilo.child, colleague.id),
        inIloilo.child,
        colleague.id,
      ),
    };
    /** A follow-up visit of the child, written straight to the table (a discharge schedules them). */
    const visitOf = (records: { child: string; placement: string }) => ({
      aftercareVisit: new DataLayer(writer, SCHEMA.tables, () => ({
        userId: null,
        deviceId: 'test',
      })).insert('aftercare_visits', {
        child_id: records.child,
        placement_id: records.placement,
        due_on: '2025-01-10',
      }),
    });
    const visits = { inCebu: visitOf(inCebu), inIloilo: visitOf(inIloilo) };
    writer.close();
    // Removed records are outside everyone's scope, the coordinator's too.
    const removed = await child(cebu.beds[1]!.id);
    await ok(backend, 'family.remove', { id: removed.familyMember });
    await ok(backend, 'legal.remove', { id: removed.legalEvent });
    await ok(backend, 'visitors.remove', { id: removed.visitor });

    const mine = (shelterId: string, bedId: string): Ids => ({
      ...inCebu,
      ...therapy.inCebu,
      ...visits.inCebu,
      therapist: userId('therapist'),
      shelter: shelterId,
      bed: bedId,
      caseworker: userId('caseworker'),
      user: userId('caseworker'),
      administrator: userId('admin'),
      computer,
      breach,
      // A record a retention period applies to: the administrator names one to delete it.
      retainedRecord: inCebu.childDocument,
    });
    const nowhere = (): Ids => Object.fromEntries(ID_KINDS.map((kind) => [kind, uuidv7()])) as Ids;
    within = {
      admin: { ...mine(cebu.id, cebu.beds[2]!.id), user: userId('caseworker') },
      coordinator: mine(iloilo.id, iloilo.beds[1]!.id),
      caseworker: mine(cebu.id, cebu.beds[2]!.id),
      therapist: mine(cebu.id, cebu.beds[2]!.id),
    };
    outside = {
      // Administrators and coordinators see every record: outside is what exists nowhere or was removed.
      admin: nowhere(),
      coordinator: {
        ...nowhere(),
        bed: removedBed,
        familyMember: removed.familyMember,
        legalEvent: removed.legalEvent,
        visitor: removed.visitor,
        // Not someone a child can be assigned to.
        caseworker: userId('therapist'),
        therapist: userId('caseworker'),
      },
      caseworker: {
        ...inIloilo,
        ...therapy.inIloilo,
        ...visits.inIloilo,
        therapist: userId('caseworker'),
        shelter: iloilo.id,
        bed: iloilo.beds[1]!.id,
        caseworker: userId('therapist'),
        user: userId('admin'),
        administrator: userId('caseworker'),
        // One no one lists (no procedure of a caseworker's names a computer).
        computer: uuidv7(),
        breach: uuidv7(),
        retainedRecord: uuidv7(),
      },
      // Outside the therapist's shelter and caseload, and a colleague's account.
      therapist: {
        ...nowhere(),
        child: inIloilo.child,
        ...therapy.inIloilo,
        therapist: colleague.id,
      },
    };
    actors = Object.fromEntries(
      ROLES.map((role) => [
        role,
        {
          userId: userId(role),
          role,
          shelterScope: role === 'admin' ? [] : ['Fictional Home Cebu'],
        },
      ]),
    ) as typeof actors;
    await backend.lock('manual');
    inspector = await inspectDatabase(folder, recoveryKey);
  });

  /** Row counts of every table, the change log and the audit log included. */
  const snapshot = () => {
    const tables = inspector
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", { pluck: true })
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [
        t,
        Number(inspector.prepare(`SELECT count(*) FROM "${t}"`, { pluck: true }).get()),
      ]),
    );
  };

  const idTaking = PROCEDURE_NAMES.filter((name) => PROCEDURE_ID_FIELDS[name].length > 0);

  it('the contract gives every id field a kind', () => {
    for (const name of PROCEDURE_NAMES) {
      const kinded = PROCEDURE_ID_FIELDS[name].map((f) => f.path.join('.')).sort();
      expect({ name, ids: kinded }).toEqual({
        name,
        ids: uuidPaths(procedures[name].input).sort(),
      });
    }
    expect(idTaking.length).toBeGreaterThan(30);
  });

  const cases = (role: Role): [ProcedureName, IdField][] =>
    idTaking
      .filter((name) => isAllowed(name, role))
      .flatMap((name) =>
        PROCEDURE_ID_FIELDS[name].map((field) => [name, field] as [ProcedureName, IdField]),
      );

  /** The sample input with every id field naming a record the role may see. */
  const baseInput = (role: Role, name: ProcedureName) =>
    PROCEDURE_ID_FIELDS[name].reduce(
      (input, field) => withValueAt(input, field.path, within[role][field.kind]),
      sample(role)[name],
    );

  let tested = 0;
  for (const role of ROLES) {
    it(`${role}: each id of each procedure it may call, from outside its scope`, async () => {
      await as(role);
      for (const [name, field] of cases(role)) {
        const base = baseInput(role, name);
        // The control: every other id is in scope, so only the one under test can refuse.
        const parsed = procedures[name].input.parse(base);
        expect(() =>
          requireIdsInScope(
            { db: inspector } as CaseVault,
            actors[role],
            ID_SCOPE,
            PROCEDURE_ID_FIELDS[name],
            parsed,
          ),
        ).not.toThrow();
        const foreign = outside[role][field.kind];
        expect(foreign).not.toBe(within[role][field.kind]);
        const before = snapshot();
        const envelope = await backend.call(name, withValueAt(base, field.path, foreign));
        const path = field.path.join('.');
        expect({ name, path, code: envelope.ok ? 'OK' : envelope.error.code }).toEqual({
          name,
          path,
          code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/),
        });
        // The refusal names the field the caller filled in, and nothing about the record.
        if (!envelope.ok) {
          expect(envelope.error.details).toBeUndefined();
          const at = field.path.map((p) => (p === '*' ? '0' : p)).join('.');
          expect({ name, fields: envelope.error.fields }).toEqual({
            name,
            fields: { [at]: 'notFound' },
          });
        }
        expect({ name, path, rows: snapshot() }).toEqual({ name, path, rows: before });
        tested += 1;
      }
      await backend.lock('manual');
    });
  }

  it('recovery: resetting an account that is not an administrator is NOT_FOUND', async () => {
    await ok(backend, 'auth.recover', { recoveryKey });
    const before = snapshot();
    const error = await fails(backend, 'auth.recoveryResetAdmin', {
      userId: actors.caseworker.userId,
      newPassword: 'Whatever-Long-Pass-1',
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(snapshot()).toEqual(before);
    tested += 1;
    await backend.lock('manual');
  });

  it('covers every id of every role-gated procedure, for every role allowed it', () => {
    const expected = ROLES.reduce((sum, role) => sum + cases(role).length, 0) + 1;
    expect(tested).toBe(expected);
    console.info(
      `[scope] ${idTaking.length} procedures with ids; ${tested} out-of-scope calls (procedure × id × role)`,
    );
    inspector.close();
  });
});
