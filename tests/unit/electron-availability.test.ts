import { describe, expect, it } from 'vitest';
import {
  installFailureReason,
  missingDisplayReason,
} from '../../electron/tools/electron-availability';

// What Electron's install script printed on this offline build machine.
const OFFLINE_STDERR = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at async FetchDownloader.download (node_modules/@electron/get/dist/FetchDownloader.js:46:30)`;

describe('why npm start cannot use Electron', () => {
  it('names a missing network when the download fails', () => {
    expect(
      installFailureReason({
        status: 1,
        timedOut: false,
        stderr: OFFLINE_STDERR,
        nodeVersion: 'v22.12.0',
      }),
    ).toBe('the Electron binary could not be downloaded: no network');
  });

  it('names a download that never answered', () => {
    expect(
      installFailureReason({ status: null, timedOut: true, stderr: '', nodeVersion: 'v22.12.0' }),
    ).toContain('no answer from the network');
  });

  it("names the Node version when Electron's installer refuses it", () => {
    expect(
      installFailureReason({
        status: 1,
        timedOut: false,
        stderr: 'SyntaxError: something newer',
        nodeVersion: 'v20.19.0',
      }),
    ).toBe('the Electron installer needs Node 22.12 or later (this is v20.19.0)');
  });

  it('otherwise quotes the last line the installer printed, on one line', () => {
    const reason = installFailureReason({
      status: 1,
      timedOut: false,
      stderr: 'first\nError: EACCES: permission denied, mkdir dist\n',
      nodeVersion: 'v22.14.0',
    });
    expect(reason).toBe(
      'the Electron binary could not be installed: Error: EACCES: permission denied, mkdir dist',
    );
    expect(reason).not.toContain('\n');
  });

  it('names a missing display on Linux only', () => {
    expect(missingDisplayReason('linux', {})).toBe('there is no display to open a window on');
    expect(missingDisplayReason('linux', { DISPLAY: ':0' })).toBeNull();
    expect(missingDisplayReason('win32', {})).toBeNull();
  });
});
