import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../../shared/contract';
import { session } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { CHILD_IDS, OTHER_IDS, agendaItem, agendaPage, casesBridge } from '../support/children';

type AgendaInput = ProcedureInput<'dashboard.agenda'>;

function agendaTable(heading: string): HTMLElement {
  const section = screen.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) });
  return within(section.closest('section')!).getByRole('table');
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [...tr.querySelectorAll('td, th')].map((cell) => cell.textContent ?? ''));
}

const OVERDUE = agendaItem({ date: '2026-02-20', title: 'Enrol in Grade 6' });
const HEARING = agendaItem({
  kind: 'legal',
  category: 'hearing',
  id: OTHER_IDS.legal,
  title: 'RTC Branch 10, Cebu City',
  date: '2026-03-03',
});
const GOAL = agendaItem({
  childId: CHILD_IDS.jun,
  caseCode: 'AR-2026-0041',
  alias: 'B.N.S.',
  kind: 'goal',
  category: 'safety',
  id: OTHER_IDS.goal,
  title: 'I want to feel safe at night',
  date: '2026-03-05',
});

describe('Today', () => {
  it('lists overdue items apart from the next 7 days, each linking to the case file', async () => {
    const bridge = casesBridge().ok('dashboard.agenda', (input) =>
      input.section === 'overdue' ? agendaPage([OVERDUE]) : agendaPage([HEARING, GOAL]),
    );
    const { user } = renderApp(bridge, { route: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    expect(await screen.findByRole('heading', { level: 2, name: 'Overdue 1 item' })).toBeVisible();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Next 7 days 2 items' }),
    ).toBeVisible();
    // Overdue is said in words, counted from the vault's today (03/02/2026).
    expect(rowsOf(agendaTable('Overdue'))).toEqual([
      ['02/20/2026 10 days overdue', 'AR-2026-0042 R.T.L.', 'Task', 'Enrol in Grade 6'],
    ]);
    expect(rowsOf(agendaTable('Next 7 days'))).toEqual([
      ['03/03/2026', 'AR-2026-0042 R.T.L.', 'Hearing', 'RTC Branch 10, Cebu City'],
      ['03/05/2026', 'AR-2026-0041 B.N.S.', 'Goal target · Safety', 'I want to feel safe at night'],
    ]);
    await expectNoAxeViolations();

    await user.click(screen.getByRole('link', { name: 'AR-2026-0041 B.N.S.' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' })).toBeVisible();
    expect(bridge.inputsOf('children.get')).toEqual([{ id: CHILD_IDS.jun }]);
  });

  it('shows the true count past one page, and pages through the rest', async () => {
    const bridge = casesBridge().ok('dashboard.agenda', (input) =>
      input.section === 'overdue'
        ? agendaPage(
            [
              agendaItem({
                id: `0190a000-0000-7000-8000-${String(input.offset).padStart(12, '0')}`,
              }),
            ],
            { total: 407 },
          )
        : agendaPage(),
    );
    const { user } = renderApp(bridge, { route: '/today' });
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Overdue 407 items' }),
    ).toBeVisible();
    const pager = screen.getByRole('navigation', { name: 'Overdue: pages' });
    expect(within(pager).getByRole('status')).toHaveTextContent('Showing 1–50 of 407.');
    expect(within(pager).getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(within(pager).getByRole('button', { name: 'Next page' }));
    expect(await within(pager).findByText('Showing 51–100 of 407.')).toBeVisible();
    expect(
      bridge
        .inputsOf('dashboard.agenda')
        .filter((i) => i.section === 'overdue')
        .at(-1),
    ).toMatchObject({ offset: 50, limit: 50 });
    await expectNoAxeViolations();
  });

  it('filters by shelter and kind, and groups by child with each group’s whole count', async () => {
    const bridge = casesBridge().ok('dashboard.agenda', (input: AgendaInput) =>
      input.section === 'overdue' && input.groupBy === 'child'
        ? agendaPage([OVERDUE, { ...OVERDUE, id: OTHER_IDS.goal, title: 'Call the school' }], {
            total: 14,
            groupSizes: { [CHILD_IDS.maria]: 14 },
          })
        : agendaPage(),
    );
    const { user } = renderApp(bridge, { route: '/today' });
    const filters = await screen.findByRole('form', { name: 'Filter the list' });
    await within(filters).findByRole('option', { name: 'Bahay Pag-asa' });
    await user.selectOptions(within(filters).getByLabelText('Shelter'), 'Bahay Pag-asa');
    await user.selectOptions(within(filters).getByLabelText('Kind'), 'Tasks');
    await user.selectOptions(within(filters).getByLabelText('Group by'), 'Child');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Overdue 14 items' }),
    ).toBeVisible();
    expect(bridge.inputsOf('dashboard.agenda').at(-1)).toMatchObject({
      shelterId: OTHER_IDS.shelter,
      kind: 'task',
      groupBy: 'child',
      offset: 0,
    });
    const table = agendaTable('Overdue');
    expect(within(table).getByRole('rowheader')).toHaveTextContent(
      'AR-2026-0042 R.T.L. · 14 items',
    );
    expect(
      rowsOf(table)
        .slice(1)
        .map((row) => row[3]),
    ).toEqual(['Enrol in Grade 6', 'Call the school']);
    await expectNoAxeViolations();
  });

  it('lists a child whose legal name is not known yet', async () => {
    const missingName = agendaItem({
      childId: CHILD_IDS.jun,
      caseCode: 'AR-2026-0041',
      alias: 'K.P.',
      kind: 'legalName',
      category: null,
      id: CHILD_IDS.jun,
      title: '',
      date: '2026-02-26',
    });
    const bridge = casesBridge().ok('dashboard.agenda', (input) =>
      agendaPage(input.section === 'overdue' ? [missingName] : []),
    );
    renderApp(bridge, { route: '/' });
    await screen.findByRole('heading', { level: 2, name: 'Overdue 1 item' });
    expect(rowsOf(agendaTable('Overdue'))).toEqual([
      ['02/26/2026 4 days overdue', 'AR-2026-0041 K.P.', 'Legal name not yet known', ''],
    ]);
  });

  it('says calmly when nothing is due', async () => {
    renderApp(casesBridge(), { route: '/today' });
    expect(await screen.findByText('Nothing is overdue.')).toBeVisible();
    expect(await screen.findByText('Nothing is due in the next 7 days.')).toBeVisible();
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
