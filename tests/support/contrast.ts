// Every action control on a screen must be readable: the contrast of its text against its own
// background (or, where it has none, what shows through from behind it), WCAG's 4.5:1 for text.
// axe does not see this when a stylesheet later in the cascade repaints a control's background.
import type { Page } from 'playwright-core';

export const MIN_TEXT_CONTRAST = 4.5;

/** Buttons, and links styled as buttons: the actions a user must be able to see. */
const CONTROLS = 'button, .button-link, [role="button"], input[type="submit"]';

/** One line per visible control whose text contrast is under the minimum. */
export function unreadableControls(page: Page, minimum = MIN_TEXT_CONTRAST): Promise<string[]> {
  return page.locator(':root').evaluate(
    (root, { selector, minimum }) => {
      const view = root.ownerDocument.defaultView;
      type Rgba = [number, number, number, number];
      const parse = (value: string): Rgba => {
        const parts = (value.match(/[\d.]+/g) ?? []).map(Number);
        return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
      };
      const over = (top: Rgba, bottom: Rgba): Rgba => {
        const a = top[3];
        return [
          top[0] * a + bottom[0] * (1 - a),
          top[1] * a + bottom[1] * (1 - a),
          top[2] * a + bottom[2] * (1 - a),
          1,
        ];
      };
      /** The colour behind an element: its own background over its ancestors', down to white. */
      const backdrop = (element: { parentElement: unknown } | null): Rgba => {
        const layers: Rgba[] = [];
        for (let node = element; node; node = node.parentElement as typeof element) {
          const colour = parse(view.getComputedStyle(node).backgroundColor);
          if (colour[3] > 0) layers.push(colour);
          if (colour[3] >= 1) break;
        }
        return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
      };
      const luminance = ([r, g, b]: Rgba): number => {
        const channel = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const problems: string[] = [];
      for (const control of root.ownerDocument.querySelectorAll(selector)) {
        const box = control.getBoundingClientRect();
        const style = view.getComputedStyle(control);
        const text = String(control.textContent ?? control.value ?? '').trim();
        if (!text || box.width === 0 || box.height === 0 || style.visibility !== 'visible') {
          continue;
        }
        const background = backdrop(control);
        const foreground = over(parse(style.color), background);
        const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
        const ratio = (light! + 0.05) / (dark! + 0.05);
        if (ratio < minimum) {
          problems.push(
            `"${text.slice(0, 40)}": ${ratio.toFixed(2)}:1 (${style.color} on ${style.backgroundColor})`,
          );
        }
      }
      return problems;
    },
    { selector: CONTROLS, minimum },
  );
}

/** Throws naming each control on `screen` whose text cannot be read against its background. */
export async function expectReadableControls(page: Page, screen: string): Promise<void> {
  const problems = await unreadableControls(page);
  if (problems.length > 0) {
    throw new Error(
      `Unreadable controls on "${screen}" (text contrast under ${MIN_TEXT_CONTRAST}:1):\n  ` +
        problems.join('\n  '),
    );
  }
}
