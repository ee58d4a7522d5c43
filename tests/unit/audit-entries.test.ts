// What the audit log says about case work: one view per opening of a case file, and targets an
// administrator can read (case codes and names, never a child's name).
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, register, ok } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  f = await caseVault();
});

async function viewsOf(childId: string): Promise<number> {
  await f.as('admin');
  const { entries } = await ok(f.backend, 'audit.list', { action: 'children.get', limit: 500 });
  return entries.filter((entry) => entry.targetId === childId).length;
}

describe('case-file views in the audit log', () => {
  it('records one view per opening, not one per reload after a change', async () => {
    await f.as('coordinator');
    const child = await register(f.backend, { legalName: 'Fictional Rosa Villareal' });
    const other = await register(f.backend, { legalName: 'Fictional Ben Aquino' });

    await ok(f.backend, 'children.get', { id: child.id });
    await ok(f.backend, 'family.save', {
      childId: child.id,
      name: 'Fictional Aunt Nena',
      relationship: 'aunt',
      livesInHousehold: false,
      allegedOffender: false,
      noContactOrder: false,
    });
    await ok(f.backend, 'children.get', { id: child.id, reload: true });
    await ok(f.backend, 'children.get', { id: child.id, reload: true });
    expect(await viewsOf(child.id)).toBe(1);

    // Opening it again is a new view; a "reload" of a file that is not the one open is too.
    await f.as('coordinator');
    await ok(f.backend, 'children.get', { id: child.id });
    await ok(f.backend, 'children.get', { id: other.id });
    await ok(f.backend, 'children.get', { id: child.id, reload: true });
    expect(await viewsOf(child.id)).toBe(3);

    // A new session has nothing open: its first fetch is a view whatever it says.
    await f.as('coordinator');
    await ok(f.backend, 'children.get', { id: child.id, reload: true });
    expect(await viewsOf(child.id)).toBe(4);
  });
});

describe('audit targets', () => {
  it('names a case by its case code, users and shelters by name, and filters on one action', async () => {
    await f.as('coordinator');
    const child = await register(f.backend, { legalName: 'Fictional Lorna Dimaculangan' });
    await ok(f.backend, 'children.get', { id: child.id });
    await ok(f.backend, 'family.save', {
      childId: child.id,
      name: 'Fictional Lolo Andres',
      relationship: 'grandfather',
      livesInHousehold: true,
      allegedOffender: false,
      noContactOrder: false,
    });
    await ok(f.backend, 'beds.save', { shelterId: f.iloilo.id, room: 'B', label: 'Cot 9' });

    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { limit: 500 });
    const latest = (action: string) => entries.find((entry) => entry.action === action);
    expect(latest('children.get')).toMatchObject({
      targetType: 'child',
      targetCaseCode: child.caseCode,
    });
    expect(latest('family.save')).toMatchObject({
      targetType: 'familyMember',
      targetCaseCode: child.caseCode,
    });
    expect(latest('beds.save')).toMatchObject({
      targetType: 'shelter',
      targetName: 'Fictional Home Iloilo',
    });
    expect(latest('auth.signIn')).toMatchObject({
      targetType: 'user',
      targetName: 'Fictional Admin Reyes',
    });
    const text = JSON.stringify(entries);
    for (const name of ['Lorna', 'Dimaculangan', 'Lolo Andres']) expect(text).not.toContain(name);

    // The Action filter is a pick-list: it matches one action exactly, not a fragment of one.
    const saves = await ok(f.backend, 'audit.list', { action: 'family.save', limit: 500 });
    expect(saves.entries.length).toBeGreaterThan(0);
    expect(new Set(saves.entries.map((entry) => entry.action))).toEqual(new Set(['family.save']));
    const fragment = await ok(f.backend, 'audit.list', { action: 'family', limit: 500 });
    expect(fragment.entries).toEqual([]);
  });
});
