// Component tests: jsdom + Testing Library, with the real i18n catalogue.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { initI18n } from '../../renderer/i18n';

initI18n();

// findBy/waitFor wait up to 5 s rather than 1 s: on a busy two-core machine a render can take
// longer than a second, and a passing test never waits the whole time.
configure({ asyncUtilTimeout: 5000 });

// jsdom has <dialog> but not its modal API; this stands in for the browser's.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
    const first = this.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]');
    first?.focus();
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

beforeEach(() => {
  // Each test starts at the app's root route.
  window.location.hash = '';
});

afterEach(() => {
  cleanup();
});
