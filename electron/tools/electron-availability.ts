// Why Electron cannot run here, in words for the one line `npm start` prints before it falls back
// to the browser harness.

/** Electron's own tooling (its installer, electron-builder, @electron/fuses) declares Node 22.12+. */
export const ELECTRON_TOOLING_NODE = [22, 12] as const;

const NETWORK_ERRORS =
  /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo/;

export function nodeAtLeast(version: string, [major, minor]: readonly [number, number]): boolean {
  const [m = 0, n = 0] = version.replace(/^v/, '').split('.').map(Number);
  return m > major || (m === major && n >= minor);
}

export interface InstallAttempt {
  /** Exit status of Electron's install script; null when it was stopped. */
  status: number | null;
  timedOut: boolean;
  stderr: string;
  nodeVersion: string;
}

/** One short reason from a failed run of Electron's install script. */
export function installFailureReason(attempt: InstallAttempt): string {
  if (attempt.timedOut)
    return 'the Electron binary could not be downloaded: no answer from the network';
  if (NETWORK_ERRORS.test(attempt.stderr))
    return 'the Electron binary could not be downloaded: no network';
  if (!nodeAtLeast(attempt.nodeVersion, ELECTRON_TOOLING_NODE))
    return `the Electron installer needs Node ${ELECTRON_TOOLING_NODE.join('.')} or later (this is ${attempt.nodeVersion})`;
  const lastLine = attempt.stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1);
  return `the Electron binary could not be installed${lastLine ? `: ${lastLine}` : ''}`;
}

/** Electron needs a display on Linux; Windows and macOS always have one. */
export function missingDisplayReason(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): string | null {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'there is no display to open a window on';
}
