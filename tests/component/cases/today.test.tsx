import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { session } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { CHILD_IDS, OTHER_IDS, agendaItem, casesBridge } from './fixtures';

function agendaTable(heading: string): HTMLElement {
  const section = screen.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) });
  return within(section.closest('section')!).getByRole('table');
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) =>
      within(tr)
        .getAllByRole('cell')
        .map((td) => td.textContent ?? ''),
    );
}

describe('Today', () => {
  it('lists overdue items apart from the next 7 days, each linking to the case file', async () => {
    const bridge = casesBridge().ok('dashboard.agenda', {
      overdue: [agendaItem({ date: '2026-02-20', title: 'Enrol in Grade 6' })],
      upcoming: [
        agendaItem({
          kind: 'legal',
          category: 'hearing',
          id: OTHER_IDS.legal,
          title: 'RTC Branch 10, Cebu City',
          date: '2026-03-03',
        }),
        agendaItem({
          childId: CHILD_IDS.jun,
          caseCode: 'AR-2026-0041',
          initials: 'J.R.',
          kind: 'goal',
          category: 'safety',
          id: OTHER_IDS.goal,
          title: 'I want to feel safe at night',
          date: '2026-03-05',
        }),
      ],
    });
    const { user } = renderApp(bridge, { route: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await screen.findByRole('heading', { level: 2, name: /^Overdue/ });
    expect(screen.getByRole('heading', { level: 2, name: 'Overdue 1 item' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: 'Next 7 days 2 items' })).toBeVisible();
    expect(rowsOf(agendaTable('Overdue'))).toEqual([
      ['02/20/2026', 'AR-2026-0042 M.C.D.C.', 'Task', 'Enrol in Grade 6'],
    ]);
    expect(rowsOf(agendaTable('Next 7 days'))).toEqual([
      ['03/03/2026', 'AR-2026-0042 M.C.D.C.', 'Hearing', 'RTC Branch 10, Cebu City'],
      ['03/05/2026', 'AR-2026-0041 J.R.', 'Goal target · Safety', 'I want to feel safe at night'],
    ]);
    await expectNoAxeViolations();

    await user.click(screen.getByRole('link', { name: 'AR-2026-0041 J.R.' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' })).toBeVisible();
    expect(bridge.inputsOf('children.get')).toEqual([{ id: CHILD_IDS.jun }]);
  });

  it('lists a child whose legal name is not known yet', async () => {
    const bridge = casesBridge().ok('dashboard.agenda', {
      overdue: [
        agendaItem({
          childId: CHILD_IDS.jun,
          caseCode: 'AR-2026-0041',
          initials: 'J.',
          kind: 'legalName',
          id: CHILD_IDS.jun,
          title: '',
          date: '2026-02-26',
        }),
      ],
      upcoming: [],
    });
    renderApp(bridge, { route: '/' });
    await screen.findByRole('heading', { level: 2, name: /^Overdue/ });
    expect(rowsOf(agendaTable('Overdue'))).toEqual([
      ['02/26/2026', 'AR-2026-0041 J.', 'Legal name not yet known', ''],
    ]);
  });

  it('says calmly when nothing is due', async () => {
    renderApp(casesBridge(), { route: '/today' });
    expect(await screen.findByText('Nothing is overdue.')).toBeVisible();
    expect(screen.getByText('Nothing is due in the next 7 days.')).toBeVisible();
  });

  it('is not offered to administrators or therapists', async () => {
    for (const role of ['admin', 'therapist'] as const) {
      const { unmount } = renderApp(
        casesBridge(session({ role })).ok('users.list', []).ok('audit.list', {
          entries: [],
          nextBeforeSeq: null,
        }),
        { route: '/' },
      );
      const nav = await screen.findByRole('navigation', { name: 'Main' });
      expect(within(nav).queryByRole('link', { name: 'Today' })).toBeNull();
      expect(within(nav).queryByRole('link', { name: 'Children' })).toBeNull();
      unmount();
    }
  });
});
