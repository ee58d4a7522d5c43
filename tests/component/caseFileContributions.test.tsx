// A domain adds a section to the case file and words for its timeline entries through the
// renderer's composition root alone: nothing in the children domain names it.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../shared/children/contract';
import { DOMAINS } from '../../renderer/frame/domains';
import type { RendererDomain } from '../../renderer/frame/contributions';
import { CaseSection } from '../../renderer/ui/CaseSection';
import { expectNoAxeViolations, renderApp } from './support/render';
import { CHILD_IDS, TIMELINE, casesBridge } from './support/children';

declare module '../../shared/case-file' {
  interface TimelineKinds {
    probe: 'probeEntry';
  }
}

/** A test domain's section: its heading and the case code it was handed. */
function VisitsSection({ file }: { file: CaseFile }) {
  return (
    <CaseSection id="case-visits" title="Visits">
      <p>{`Visits of ${file.child.caseCode}`}</p>
    </CaseSection>
  );
}

const visitsDomain: RendererDomain = {
  name: 'visits',
  caseFileSections: [{ id: 'case-visits', order: 25, Section: VisitsSection }],
  timelineTexts: { probeEntry: (_t, p) => `Visited by ${p.by ?? ''}` },
};

function headingsOf(main: HTMLElement): string[] {
  return within(main)
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent ?? '');
}

describe('case-file sections and timeline words from every domain', () => {
  it("places a domain's section by its order and words its timeline entries", async () => {
    const bridge = casesBridge().ok('children.timeline', [
      { at: '2026-03-06T02:00:00.000Z', kind: 'probeEntry', params: { by: 'Nurse' } },
      ...TIMELINE,
    ]);
    renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}`, domains: [...DOMAINS, visitsDomain] });
    // The first render of a test file also loads the app: allow for a busy machine.
    await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' }, { timeout: 5000 });
    const main = screen.getByRole('main');
    expect(headingsOf(main).slice(0, 4)).toEqual([
      'Details',
      'Placement',
      'Visits',
      'Family and significant persons',
    ]);
    expect(within(main).getByText('Visits of AR-2026-0042')).toBeVisible();
    const timeline = screen
      .getByRole('heading', { level: 2, name: 'Timeline' })
      .closest('section')!;
    const items = await within(timeline).findAllByRole('listitem');
    expect(items.map((li) => li.querySelector('span')?.textContent)).toEqual([
      'Visited by Nurse',
      'Admitted to Bahay Pag-asa, B-2',
      'Registered as AR-2026-0042',
    ]);
    await expectNoAxeViolations();
  });

  it('words an entry of a kind no domain knows as "Another entry" rather than failing', async () => {
    const bridge = casesBridge().ok('children.timeline', [
      { at: '2026-03-06T02:00:00.000Z', kind: 'probeEntry', params: {} },
    ]);
    renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    const timeline = (await screen.findByRole('heading', { level: 2, name: 'Timeline' })).closest(
      'section',
    )!;
    expect(await within(timeline).findByText('Another entry')).toBeVisible();
    expect(screen.queryByRole('heading', { level: 2, name: 'Visits' })).toBeNull();
  });
});
