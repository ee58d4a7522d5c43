// A domain adds a section to the case file and entries to the timeline through the composition
// root alone, the way a new domain would: nothing in the children domain names it.
import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS, type Domain } from '../../electron/backend/runtime/composition';
import { caseVault, daysAgo, register, ok } from './support';

declare module '../../shared/case-file' {
  interface CaseFileSections {
    /** Only in this test's backend. */
    probe?: { caseCode: string; role: string };
  }
  interface TimelineKinds {
    probe: 'probeEntry';
  }
}

/** A probe domain: its section repeats what it was given, its timeline has one entry. */
const probeDomain: Domain = {
  name: 'probe',
  caseFile: (_vault, actor, child) => ({ probe: { caseCode: child.case_code, role: actor.role } }),
  timeline: (_vault, _actor, child) => [
    { at: daysAgo(3), kind: 'probeEntry', params: { caseCode: child.case_code } },
  ],
};

let f: Awaited<ReturnType<typeof caseVault>>;
let plain: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  [f, plain] = await Promise.all([caseVault([...DOMAINS, probeDomain]), caseVault()]);
});

describe('case-file sections and timeline entries from every domain', () => {
  it("a domain's section is in the case file it is composed into, and only there", async () => {
    await f.as('coordinator');
    const child = await register(f.backend, {});
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.probe).toEqual({ caseCode: child.caseCode, role: 'coordinator' });
    // The shelters domain's section is there too, beside the children domain's own records.
    expect(file).toMatchObject({ placements: [], currentPlacement: null, family: [] });

    await plain.as('coordinator');
    const other = await register(plain.backend, {});
    expect(await ok(plain.backend, 'children.get', { id: other.id })).not.toHaveProperty('probe');
  });

  it("a domain's timeline entries are sorted among the others, newest first", async () => {
    await f.as('coordinator');
    const child = await register(f.backend, { intakeDate: daysAgo(10) });
    await ok(f.backend, 'legal.save', {
      childId: child.id,
      kind: 'testimony',
      date: daysAgo(5),
      court: 'Fictional RTC Branch 3',
      caseNumber: 'CR-11',
    });
    await ok(f.backend, 'legal.save', {
      childId: child.id,
      kind: 'hearing',
      date: daysAgo(1),
      court: 'Fictional RTC Branch 3',
      caseNumber: 'CR-11',
    });
    const timeline = await ok(f.backend, 'children.timeline', { id: child.id });
    expect(timeline.map((e) => e.kind)).toEqual(['registered', 'legal', 'probeEntry', 'legal']);
    expect(timeline[2]).toEqual({
      at: daysAgo(3),
      kind: 'probeEntry',
      params: { caseCode: child.caseCode },
    });
  });
});
