// A case code given twice. The organisation-unique scheme (each computer's codes carry its own
// tag) can still give one: two computers that add others while both offline may pick one tag
// (sync-conflicts.test.ts makes that case). The merge keeps both children and lists the conflict;
// the coordinator gives one child a new code from this computer's series, audited, and the old
// code still finds that child in search. On a real backend, with the code shared as the merge
// leaves it (written through a second connection).
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { foldForSearch } from '../../shared/children/vocabulary';
import { caseVault, fails, ok, register } from './support';

async function codeGivenTwice() {
  const vault = await caseVault();
  await vault.as('admin');
  await ok(vault.backend, 'sync.start', { computerName: 'Fictional office laptop' });
  await vault.as('coordinator');
  const first = await register(vault.backend, { legalName: 'Fictional Carla Uy' });
  const second = await register(vault.backend, { legalName: 'Fictional Dina Go' });
  expect(first.caseCode).toMatch(/^AR-\d{4}-[A-Z3479]{3}-0001$/);
  const inspector = await vault.inspect();
  inspector.db
    .prepare(
      'UPDATE children SET case_code = ?, case_seq = 1, search_text = replace(search_text, ?, ?) WHERE id = ?',
    )
    .run([
      first.caseCode,
      foldForSearch(second.caseCode),
      foldForSearch(first.caseCode),
      second.id,
    ]);
  inspector.close();
  return { ...vault, first, second };
}

const searchFor = async (backend: Parameters<typeof ok>[0], text: string) =>
  (await ok(backend, 'children.search', { text })).rows.map((row) => row.id).sort();

describe('a case code given twice', { timeout: 240_000 }, () => {
  it('is listed, and giving one child a new code resolves it, audited, the old code still found', async () => {
    const { backend, as, first, second } = await codeGivenTwice();
    const conflicts = await ok(backend, 'sync.conflicts', {});
    expect(conflicts.map((c) => c.kind)).toEqual(['caseCodeTwice']);
    expect(conflicts[0]!.sides.map((s) => s.childId).sort()).toEqual([first.id, second.id].sort());

    const renumbered = await ok(backend, 'sync.newCaseCode', { childId: second.id });
    const tagged = first.caseCode.slice(0, -4);
    expect(renumbered).toEqual({
      childId: second.id,
      caseCode: `${tagged}0002`,
      formerCode: first.caseCode,
    });
    expect(await ok(backend, 'sync.conflicts', {})).toEqual([]);
    expect((await ok(backend, 'children.get', { id: second.id })).child.caseCode).toBe(
      renumbered.caseCode,
    );
    expect((await ok(backend, 'children.get', { id: first.id })).child.caseCode).toBe(
      first.caseCode,
    );
    // The former code (on old paperwork) finds both children; the new one, the renumbered child.
    expect(await searchFor(backend, first.caseCode)).toEqual([first.id, second.id].sort());
    expect(await searchFor(backend, renumbered.caseCode)).toEqual([second.id]);
    // The next child registered here does not take the new code.
    const third = await register(backend, { legalName: 'Fictional Ella Tan' });
    expect(third.caseCode).toBe(`${tagged}0003`);

    await as('admin');
    const log = await ok(backend, 'audit.list', { limit: 10 });
    const entry = log.entries.find((e) => e.action === 'sync.newCaseCode');
    expect(entry).toMatchObject({ targetType: 'child', targetId: second.id });
  });

  it('refuses a child whose code is not given twice, and an unknown child, changing nothing', async () => {
    const { backend, first, second } = await codeGivenTwice();
    await ok(backend, 'sync.newCaseCode', { childId: second.id });
    expect(await fails(backend, 'sync.newCaseCode', { childId: first.id })).toMatchObject({
      code: 'CONFLICT',
      message: 'sync.caseCodeNotTwice',
    });
    expect((await ok(backend, 'children.get', { id: first.id })).child.caseCode).toBe(
      first.caseCode,
    );
    expect(await fails(backend, 'sync.newCaseCode', { childId: uuidv7() })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
