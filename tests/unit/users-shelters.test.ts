// Shelter access is chosen from the shelters that exist: a mistyped name is refused at the field,
// so nobody is given access to a shelter that is not there (and then sees no children).
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, fails, ok } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  f = await caseVault();
});

const newCaseworker = (username: string, shelterScope: string[]) => ({
  displayName: `Fictional ${username}`,
  username,
  role: 'caseworker',
  shelterScope,
  temporaryPassword: `Temp-${username}-Kite-77`,
});

describe('shelter access of a new user', () => {
  it('refuses a shelter that does not exist, at the field, and adds nobody', async () => {
    await f.as('admin');
    const error = await fails(
      f.backend,
      'users.create',
      newCaseworker('cw.typo', ['Fictional Home Cebu', 'Fictional Home Cebuu']),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: { shelterScope: 'shelterScope.unknown' },
    });
    const users = await ok(f.backend, 'users.list', {});
    expect(users.map((user) => user.username)).not.toContain('cw.typo');
  });

  it('keeps each shelter by its own name, whether given by name in any case or by id', async () => {
    await f.as('admin');
    const user = await ok(
      f.backend,
      'users.create',
      newCaseworker('cw.both', ['  fictional HOME cebu ', f.iloilo.id, 'Fictional Home Cebu']),
    );
    expect(user.shelterScope).toEqual(['Fictional Home Cebu', 'Fictional Home Iloilo']);
  });
});
