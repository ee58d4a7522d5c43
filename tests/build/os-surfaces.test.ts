// What the operating system shows of Aruga (title bar, taskbar, notifications, recent
// documents) never carries a name: the window title guard, run with a stand-in window, and the
// sources checked for the OS calls that would put anything there.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { saveDialogOptions } from '../../electron/main/save-dialog';
import { APP_TITLE, guardWindowTitle } from '../../electron/main/window-title';

type TitleListener = (event: { preventDefault(): void }, title: string, explicit: boolean) => void;

function standInWindow() {
  let listener: TitleListener | undefined;
  const window = {
    on: vi.fn((name: string, registered: TitleListener) => {
      if (name === 'page-title-updated') listener = registered;
      return window;
    }),
    setTitle: vi.fn(),
  };
  /** The page's title changes; what the OS title bar then shows (undefined: the page's own). */
  const pageTitle = (title: string, explicit: boolean): string | undefined => {
    const event = { preventDefault: vi.fn() };
    window.setTitle.mockClear();
    listener?.(event, title, explicit);
    if (event.preventDefault.mock.calls.length === 0) return title;
    return window.setTitle.mock.calls.at(-1)?.[0] as string | undefined;
  };
  return { window, pageTitle };
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the window title the OS shows', () => {
  const { window, pageTitle } = standInWindow();
  guardWindowTitle(window as never);

  it("keeps the title the page set (a screen's name)", () => {
    expect(pageTitle('Case file — Aruga', true)).toBe('Case file — Aruga');
  });

  it("shows only the app's name for an empty title or one Chromium made from the URL", () => {
    expect(pageTitle('', true)).toBe(APP_TITLE);
    expect(pageTitle('app://aruga/index.html#/cases/0190a5d4-6c1e', false)).toBe(APP_TITLE);
  });
});

describe("a report's save dialog", () => {
  it('keeps the saved file out of Recent items and the jump list', () => {
    expect(saveDialogOptions('placement-report-2026-07-01-2026-09-30.pdf')).toEqual({
      defaultPath: 'placement-report-2026-07-01-2026-09-30.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['dontAddToRecent'],
    });
  });

  it('proposes only a neutral name, whatever it was handed', () => {
    expect(saveDialogOptions('AR-2026-0042-MC.csv')).toMatchObject({
      defaultPath: 'report.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });
});

describe('the sources', () => {
  it('never add recent documents or jump-list entries, show notifications, badges or taskbar text', async () => {
    const files = [...(await sourceFiles('electron')), ...(await sourceFiles('renderer'))];
    const forbidden =
      /addRecentDocument|setJumpList|setUserTasks|new Notification\(|setOverlayIcon|setThumbnailToolTip|setBadgeCount|setRepresentedFilename|setProgressBar/;
    const offending: string[] = [];
    for (const file of files) {
      if (forbidden.test(await readFile(file, 'utf8'))) offending.push(file);
    }
    expect(offending).toEqual([]);
  });
});
