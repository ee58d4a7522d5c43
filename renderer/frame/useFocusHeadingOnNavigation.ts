// After every navigation inside the frame, focus moves to the new screen's main heading, so a
// screen-reader user hears where they are and a keyboard user starts from the top of the screen.
// A screen may render its heading only once its data has come: wait for it, briefly.
import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** How long a screen may take to render its heading before focus is left where it is. */
const HEADING_WAIT_MS = 5_000;

/** Moves focus to the first h1 in `main` whenever the route's path changes (not its query). */
export function useFocusHeadingOnNavigation(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    // The first screen after sign-in or unlock keeps the browser's own starting point.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const container = main.current;
    if (!container) return;
    // A screen may first render a placeholder heading and then replace it: while focus has not
    // gone anywhere else (it falls back to the body when its element is removed), follow it.
    let focused: HTMLElement | null = null;
    const focusHeading = () => {
      const heading = container.querySelector('h1');
      if (!heading || heading === document.activeElement) return;
      const active = document.activeElement;
      if (focused && active !== null && active !== document.body) return;
      // A dialog opened meanwhile keeps focus.
      if (active?.closest('dialog[open]')) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      focused = heading;
    };
    focusHeading();
    const observer = new MutationObserver(focusHeading);
    observer.observe(container, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [pathname, main]);
}
