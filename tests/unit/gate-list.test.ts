// The gate list: each person once, however many of their children's files list them.
import { beforeAll, describe, expect, it } from 'vitest';
import { caseVault, ok, register } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  f = await caseVault();
});

const familyMember = (childId: string, name: string, extra: Record<string, unknown> = {}) => ({
  childId,
  name,
  relationship: 'mother',
  livesInHousehold: true,
  allegedOffender: false,
  noContactOrder: false,
  ...extra,
});

describe('the gate list', () => {
  it('shows a mother entered under two siblings, and again directly, once, with each child', async () => {
    await f.as('coordinator');
    const elder = await register(f.backend, { legalName: 'Fictional Gate Elder' });
    const younger = await register(f.backend, { legalName: 'Fictional Gate Younger' });
    await ok(f.backend, 'family.save', familyMember(elder.id, 'Fictional Marites Gatdula'));
    // Typed again under the sibling, in other capitals and with an accent.
    await ok(
      f.backend,
      'family.save',
      familyMember(younger.id, 'Fictional MARITÉS Gatdula', { supervisedOnly: true }),
    );
    // Also added directly to the elder's list as allowed: the family entry already says so.
    await ok(f.backend, 'visitors.add', {
      childId: elder.id,
      name: 'Fictional Marites Gatdula',
      relationship: 'mother',
      state: 'allowed',
    });
    // A direct entry refusing her for the younger child wins over the family entry's state.
    await ok(f.backend, 'visitors.add', {
      childId: younger.id,
      name: 'fictional marites gatdula',
      relationship: 'mother',
      state: 'not_allowed',
    });
    await ok(f.backend, 'family.save', familyMember(elder.id, 'Fictional Lolo Gatdula'));

    const gate = await ok(f.backend, 'visitors.gate', { text: 'gatdula' });
    expect(gate).toEqual([
      {
        name: 'Fictional Lolo Gatdula',
        children: [{ caseCode: elder.caseCode, state: 'allowed' }],
      },
      {
        // One of the spellings typed; which one does not matter at the gate.
        name: expect.stringMatching(/^Fictional MARIT(E|É)S Gatdula$/i),
        children: [
          { caseCode: elder.caseCode, state: 'allowed' },
          { caseCode: younger.caseCode, state: 'not_allowed' },
        ],
      },
    ]);
  });
});
