// The composition root puts the domains' schema parts and scope rules together: migrations in
// one global order of versions, each table and each id kind declared once.
import { describe, expect, it } from 'vitest';
import {
  composeIdScope,
  composeSchema,
  DOMAINS,
  SCHEMA,
  type Domain,
} from '../../electron/backend/runtime/composition';
import { ID_KINDS } from '../../shared/contract';

const migration = (version: number) => ({ version, name: `test-${version}`, sql: 'SELECT 1;' });

describe('the composed schema', () => {
  it('runs every migration once, in version order 1, 2, 3 …', () => {
    expect(SCHEMA.migrations.map((m) => m.version)).toEqual(
      SCHEMA.migrations.map((_, index) => index + 1),
    );
    expect(SCHEMA.version).toBe(SCHEMA.migrations.length);
    expect(new Set(SCHEMA.migrations.map((m) => m.name)).size).toBe(SCHEMA.migrations.length);
  });

  it('sorts the domains’ migrations whatever order the domains are listed in', () => {
    expect(composeSchema([...DOMAINS].reverse()).migrations).toEqual(SCHEMA.migrations);
  });

  it('refuses a version used twice or a gap in the versions', () => {
    const next = SCHEMA.version + 1;
    const twice: Domain = { name: 'twice', migrations: [migration(SCHEMA.version)] };
    const gap: Domain = { name: 'gap', migrations: [migration(next + 1)] };
    expect(() => composeSchema([...DOMAINS, twice])).toThrow(/expected/);
    expect(() => composeSchema([...DOMAINS, gap])).toThrow(/expected/);
    const fine: Domain = { name: 'fine', migrations: [migration(next)] };
    expect(composeSchema([...DOMAINS, fine]).version).toBe(next);
  });

  it('refuses a table declared by two domains', () => {
    const again: Domain = {
      name: 'again',
      tables: { children: { sync: 'local', columns: [] } },
    };
    expect(() => composeSchema([...DOMAINS, again])).toThrow(/children is declared twice/);
  });
});

describe('the composed scope rules', () => {
  it('has one rule for every kind of id the contract names', () => {
    expect(Object.keys(composeIdScope()).sort()).toEqual([...ID_KINDS].sort());
  });

  it('refuses a kind without a rule, or with two', () => {
    const withoutShelters = DOMAINS.filter((d) => d.name !== 'shelters');
    expect(() => composeIdScope(withoutShelters)).toThrow(/No scope rule for shelter/);
    const second: Domain = { name: 'second', idScope: { child: () => true } };
    expect(() => composeIdScope([...DOMAINS, second])).toThrow(/child has a scope rule in two/);
  });
});
