// One look on every screen: what a new user notices before reading a word. Every text link of the
// main region in the app's teal (never the browser's blue or purple), no button outside a table
// whose label breaks over two lines, no button hidden past the edge of a table that scrolls
// sideways, the steps before the app (set-up, sign-in, a forced password change) on the same
// centred card, and bed cards that share a room's whole row.
import type { Page } from 'playwright-core';

/** One line per inconsistency on the page as it is laid out now. */
export function inconsistencies(page: Page): Promise<string[]> {
  return page.locator(':root').evaluate((root) => {
    const doc = root.ownerDocument;
    const view = doc.defaultView!;
    type Element = NonNullable<ReturnType<typeof doc.querySelector>>;
    const problems: string[] = [];
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return (
        box.width > 0 && box.height > 0 && view.getComputedStyle(element).visibility === 'visible'
      );
    };
    const name = (element: Element) =>
      (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40) || element.tagName;
    // The theme's link colours, resolved the way the browser resolves a link's own colour.
    const probe = doc.createElement('span');
    doc.body.append(probe);
    const resolve = (variable: string) => {
      probe.style.color = `var(${variable})`;
      return view.getComputedStyle(probe).color;
    };
    const linkColours = new Set([resolve('--primary'), resolve('--primary-dark')]);
    probe.remove();

    // The navigation's links and the skip link are styled as menu items, not as text links.
    for (const link of doc.querySelectorAll('main a[href]:not(.button-link)')) {
      if (!shown(link)) continue;
      const colour = view.getComputedStyle(link).color;
      if (!linkColours.has(colour))
        problems.push(`link "${name(link)}" is ${colour}, not the app's link colour`);
    }

    // In a table a long label may wrap (a Cebuano word in a narrow column) rather than push the
    // table past the window; the row's buttons then lie whole beside or below each other.
    for (const button of doc.querySelectorAll('button, .button-link')) {
      if (!shown(button) || button.closest('td')) continue;
      const range = doc.createRange();
      range.selectNodeContents(button);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.bottom)));
      if (lines.size > 1)
        problems.push(`the label of "${name(button)}" breaks over ${lines.size} lines`);
    }

    const scrollers = [...doc.querySelectorAll('main *')].filter(
      (box) =>
        ['auto', 'scroll'].includes(view.getComputedStyle(box).overflowX) &&
        box.scrollWidth > box.clientWidth + 1,
    );
    for (const scroller of scrollers) {
      const edge = scroller.getBoundingClientRect();
      for (const control of scroller.querySelectorAll('button, a[href]')) {
        const box = control.getBoundingClientRect();
        if (shown(control) && (box.right > edge.right + 1 || box.left < edge.left - 1)) {
          problems.push(
            `"${name(control)}" is hidden past the edge of a box that scrolls sideways`,
          );
        }
      }
    }

    // A step before the app has no navigation: its heading sits on a card in the middle.
    const heading = doc.querySelector('h1');
    if (heading && !doc.querySelector('nav') && shown(heading)) {
      const card = heading.parentElement!.getBoundingClientRect();
      const width = doc.documentElement.clientWidth;
      const offCentre = Math.abs((card.left + card.right) / 2 - width / 2);
      if (offCentre > 2 || card.width > 0.7 * width) {
        problems.push(`"${name(heading)}" is not on a centred card`);
      }
    }

    for (const grid of doc.querySelectorAll('.bed-grid')) {
      const cards = [...grid.children].filter(shown);
      if (cards.length === 0) continue;
      const style = view.getComputedStyle(grid);
      const edge = grid.getBoundingClientRect().right - parseFloat(style.paddingRight);
      const right = Math.max(...cards.map((card) => card.getBoundingClientRect().right));
      if (edge - right > 2) {
        problems.push(`a room's bed cards leave ${Math.round(edge - right)}px of its row empty`);
      }
    }
    return [...new Set(problems)];
  });
}

/** Throws naming each inconsistency on `screen`. */
export async function expectConsistentLook(page: Page, screen: string): Promise<void> {
  const problems = await inconsistencies(page);
  if (problems.length > 0) {
    throw new Error(`Inconsistent look on "${screen}":\n  ${problems.join('\n  ')}`);
  }
}
