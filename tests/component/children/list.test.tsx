import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, renderApp } from '../support/render';
import {
  CHILD_IDS,
  LEGAL_NAME,
  OTHER_IDS,
  PREFERRED_NAME,
  casesBridge,
  listRow,
} from '../support/children';

async function childrenTable() {
  return screen.findByRole('table', { name: 'Children in your care, by case code and alias' });
}

describe('children list', () => {
  it('shows case code, alias, age, status, shelter and caseworker — never a name', async () => {
    const bridge = casesBridge();
    renderApp(bridge, { route: '/cases' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Children' })).toBeVisible();
    const table = await childrenTable();
    await within(table).findByRole('link', { name: 'AR-2026-0042' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Case code', 'Alias', 'Age', 'Status', 'Shelter', 'Caseworker']);
    const maria = within(table).getByRole('link', { name: 'AR-2026-0042' }).closest('tr')!;
    expect(
      within(maria)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['AR-2026-0042', 'R.T.L.', '12', 'In care', 'Bahay Pag-asa', 'Bayani Cruz']);
    const jun = within(table).getByRole('link', { name: 'AR-2026-0041' }).closest('tr')!;
    expect(
      within(jun)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['AR-2026-0041', 'B.N.S.', '9 (est.)', 'Intake', 'Not placed', 'Not assigned']);
    expect(screen.getByText('Showing 1–2 of 2 children.')).toBeVisible();
    // The list never loads the audited case file, so no name can reach it.
    expect(bridge.countOf('children.get')).toBe(0);
    expect(document.body).not.toHaveTextContent(LEGAL_NAME);
    expect(document.body).not.toHaveTextContent(PREFERRED_NAME);
    await expectNoAxeViolations();
  });

  it('opens the case file from the keyboard: Tab to the case code, Enter', async () => {
    const bridge = casesBridge();
    const { user } = renderApp(bridge, { route: '/cases' });
    const link = await within(await childrenTable()).findByRole('link', { name: 'AR-2026-0041' });
    link.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' })).toBeVisible();
    expect(window.location.hash).toBe(`#/cases/${CHILD_IDS.jun}`);
    expect(bridge.inputsOf('children.get')).toEqual([{ id: CHILD_IDS.jun }]);
  });

  it('sends the search text as typed (the backend folds accents) and starts from the first page', async () => {
    const bridge = casesBridge();
    const { user } = renderApp(bridge, { route: '/cases' });
    await within(await childrenTable()).findByRole('link', { name: 'AR-2026-0042' });
    bridge.ok('children.search', (input) => ({
      rows: input.text === 'nino' ? [listRow({ caseCode: 'AR-2026-0007', alias: 'N.S.' })] : [],
      total: input.text === 'nino' ? 1 : 0,
    }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'nino');
    // The search runs once typing pauses.
    expect(
      await screen.findByRole('link', { name: 'AR-2026-0007' }, { timeout: 3000 }),
    ).toBeVisible();
    expect(bridge.inputsOf('children.search').at(-1)).toEqual({
      text: 'nino',
      limit: 50,
      offset: 0,
    });
  });

  it('filters by status, shelter and caseworker, and pages with offset and limit', async () => {
    const bridge = casesBridge().ok('children.search', (input) => ({
      rows: [listRow({ caseCode: `AR-2026-${String(input.offset ?? 0).padStart(4, '0')}` })],
      total: 120,
    }));
    const { user } = renderApp(bridge, { route: '/cases' });
    await screen.findByText('Showing 1–50 of 120 children.');
    const search = screen.getByRole('search', { name: 'Find a child' });
    await user.selectOptions(within(search).getByLabelText('Status'), 'Aftercare monitoring');
    await user.selectOptions(within(search).getByLabelText('Shelter'), 'Bahay Pag-asa');
    await user.selectOptions(within(search).getByLabelText('Caseworker'), 'Luningning Santos');
    await waitFor(() =>
      expect(bridge.inputsOf('children.search').at(-1)).toEqual({
        status: 'aftercare',
        shelterId: OTHER_IDS.shelter,
        caseworkerId: OTHER_IDS.coordinator,
        limit: 50,
        offset: 0,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Showing 51–100 of 120 children.')).toBeVisible();
    expect(bridge.inputsOf('children.search').at(-1)).toMatchObject({ offset: 50, limit: 50 });
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();

    // Clearing goes back to the unfiltered first page (still cached from the first load).
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('Showing 1–50 of 120 children.')).toBeVisible();
    expect(within(search).getByLabelText('Status')).toHaveValue('');
    expect(within(search).getByLabelText('Shelter')).toHaveValue('');
    expect(within(search).getByLabelText('Caseworker')).toHaveValue('');
  });

  it('keeps the search when coming back from a case file', async () => {
    const bridge = casesBridge();
    const { user } = renderApp(bridge, { route: '/cases' });
    await within(await childrenTable()).findByRole('link', { name: 'AR-2026-0042' });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'AR-2026{Enter}');
    await user.click(screen.getByRole('link', { name: 'AR-2026-0042' }));
    await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
    await user.click(screen.getByRole('link', { name: 'Back to children' }));
    expect(await screen.findByRole('searchbox', { name: 'Search' })).toHaveValue('AR-2026');
    expect(bridge.inputsOf('children.search').at(-1)).toMatchObject({ text: 'AR-2026' });
  });

  it('is the caseworker home: Today first, then Children, in the navigation', async () => {
    renderApp(casesBridge(), { route: '/' });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links.slice(0, 2)).toEqual(['Today', 'Children']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  });
});
