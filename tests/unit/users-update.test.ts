// Changing a staff account's role and shelters, on a real vault: the person keeps their password
// and sees the new scope at their next call; the refusals leave the account as it was. All names
// are fictional.
import { beforeAll, describe, expect, it } from 'vitest';
import { adminHandlers } from '../../electron/backend/domains/access/admin-handlers';
import { insertUser } from '../../electron/backend/domains/access';
import type { CallContext } from '../../electron/backend/runtime/call-context';
import type { UserSummary } from '../../shared/contract';
import {
  addUser,
  caseVault,
  fails,
  instantDaysAgo,
  ok,
  openServiceVault,
  refusal,
  register,
} from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  f = await caseVault();
});

const userRow = async (id: string) => {
  await f.as('admin');
  return (await ok(f.backend, 'users.list', {})).find((u) => u.id === id)!;
};

describe('users.update', { timeout: 120_000 }, () => {
  it('moves a caseworker to another shelter: same password, the new shelter’s children only', async () => {
    await f.as('coordinator');
    const inCebu = await register(f.backend, { legalName: 'Fictional Lorna Abad' });
    const inIloilo = await register(f.backend, { legalName: 'Fictional Perla Dizon' });
    for (const [child, shelter] of [
      [inCebu, f.cebu],
      [inIloilo, f.iloilo],
    ] as const) {
      await ok(f.backend, 'placements.admit', {
        childId: child.id,
        bedId: f.bed(shelter, 0),
        startAt: instantDaysAgo(10),
        reason: 'Fictional referral',
      });
    }
    await f.as('cebu');
    const before = (await ok(f.backend, 'children.search', {})).rows.map((r) => r.id);
    expect(before).toContain(inCebu.id);
    expect(before).not.toContain(inIloilo.id);

    await f.as('admin');
    const updated = await ok(f.backend, 'users.update', {
      userId: f.ids.cebu,
      role: 'caseworker',
      shelterScope: ['fictional home iloilo'],
    });
    // Stored by the shelter's own name, as users.create stores it.
    expect(updated).toMatchObject({ role: 'caseworker', shelterScope: ['Fictional Home Iloilo'] });

    // Signing in again proves the key slot still opens with the same password.
    await f.as('cebu');
    const after = (await ok(f.backend, 'children.search', {})).rows.map((r) => r.id);
    expect(after).toContain(inIloilo.id);
    expect(after).not.toContain(inCebu.id);
    expect((await fails(f.backend, 'children.get', { id: inCebu.id })).code).toBe('NOT_FOUND');
  });

  it('audits the old and new role and the shelters by id, and nothing secret', async () => {
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { action: 'users.update', limit: 50 });
    const entry = entries.find((e) => e.targetId === f.ids.cebu)!;
    expect(entry).toMatchObject({ outcome: 'ok', targetType: 'user', actorId: f.ids.admin });
    expect(entry.detail).toEqual({
      oldRole: 'caseworker',
      newRole: 'caseworker',
      oldShelters: f.cebu.id,
      newShelters: f.iloilo.id,
    });
  });

  it('gives a new role: a therapist made coordinator signs in and may search every child', async () => {
    await f.as('therapist');
    expect((await fails(f.backend, 'children.search', {})).code).toBe('FORBIDDEN');
    await f.as('admin');
    await ok(f.backend, 'users.update', {
      userId: f.ids.therapist,
      role: 'coordinator',
      shelterScope: [],
    });
    await f.as('therapist');
    expect((await ok(f.backend, 'children.search', {})).total).toBeGreaterThanOrEqual(2);
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { action: 'users.update', limit: 50 });
    expect(entries.find((e) => e.targetId === f.ids.therapist)?.detail).toEqual({
      oldRole: 'therapist',
      newRole: 'coordinator',
      oldShelters: f.cebu.id,
      newShelters: '',
    });
  });

  it('refuses an unknown shelter at its field and changes nothing', async () => {
    const before = await userRow(f.ids.iloilo);
    const error = await fails(f.backend, 'users.update', {
      userId: f.ids.iloilo,
      role: 'therapist',
      shelterScope: ['Fictional Home Nowhere'],
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: { shelterScope: 'shelterScope.unknown' },
    });
    expect(await userRow(f.ids.iloilo)).toEqual(before);
  });

  it('refuses an administrator changing their own role, at the role field', async () => {
    const error = await fails(f.backend, 'users.update', {
      userId: f.ids.admin,
      role: 'coordinator',
      shelterScope: [],
    });
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { role: 'role.ownRole' } });
    expect((await userRow(f.ids.admin)).role).toBe('admin');
  });

  it('refuses to edit a disabled account', async () => {
    await f.as('admin');
    const { user } = await addUser(f.backend, 'fictional.gone', 'caseworker');
    await ok(f.backend, 'users.disable', { userId: user.id });
    const error = await fails(f.backend, 'users.update', {
      userId: user.id,
      role: 'coordinator',
      shelterScope: [],
    });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'userDisabled' });
    expect(await userRow(user.id)).toMatchObject({ role: 'caseworker', active: false });
  });
});

describe('the last active administrator', () => {
  // Through the router the caller is always another active administrator, so this guards what a
  // sync can bring (two administrators demoting each other); the handler is called directly.
  it('cannot be made anything else; with a second administrator, they can', async () => {
    const vault = await openServiceVault();
    const admin = (username: string) =>
      insertUser(vault, {
        username,
        displayName: 'Fictional Admin',
        role: 'admin',
        shelterScope: [],
        mustChangePassword: false,
        credential: null,
      });
    const adminId = admin('fictional.only.admin');
    const caller = { id: 'fictional-caller' } as UserSummary;
    const ctx = {
      vault: () => vault,
      user: () => caller,
      setAuditTarget: () => undefined,
    } as unknown as CallContext;
    const update = adminHandlers()['users.update'];
    const demote = () => update(ctx, { userId: adminId, role: 'coordinator', shelterScope: [] });
    expect(refusal(demote)).toMatchObject({
      code: 'VALIDATION',
      fields: { role: 'role.lastAdmin' },
    });
    admin('fictional.second.admin');
    expect(refusal(demote)).toBe('ok');
  });
});
