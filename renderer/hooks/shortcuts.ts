// The keyboard shortcuts: one list, read both by the key handlers and by the cheat-sheet, so the
// cheat-sheet says exactly what the keys do.

export type ShortcutId = 'quickHide' | 'cheatSheet';

export interface Shortcut {
  id: ShortcutId;
  /** The keys as the cheat-sheet shows them, pressed together. */
  keys: readonly string[];
  /** Works while typing in a field and inside a dialog too. */
  always: boolean;
  matches(event: KeyboardEvent): boolean;
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.altKey && !event.metaKey;

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'quickHide',
    keys: ['Ctrl', 'Shift', 'L'],
    always: true,
    // By the physical key too, so it works whatever the keyboard layout.
    matches: (event) =>
      event.ctrlKey && event.shiftKey && (event.code === 'KeyL' || event.key.toLowerCase() === 'l'),
  },
  {
    id: 'cheatSheet',
    keys: ['?'],
    always: false,
    matches: (event) => plain(event) && event.key === '?',
  },
];

/** Typing in a field (or an editable region): a plain key there is text, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(target.type);
}

/** Whether `event` triggers the shortcut `id` where it happened. */
export function isShortcut(id: ShortcutId, event: KeyboardEvent): boolean {
  const shortcut = SHORTCUTS.find((s) => s.id === id);
  if (!shortcut?.matches(event)) return false;
  if (shortcut.always) return true;
  return !isTyping(event.target) && document.querySelector('dialog[open]') === null;
}
