// The page's calls over the harness bridge, read off its call socket's frames through the
// DevTools protocol: what the window was sent, not only what it showed. Frames are seen from the
// moment a watch starts, on a socket opened before it too.
import type { CDPSession, Page } from 'playwright-core';

export interface BridgeCall {
  name: string;
  input: unknown;
  /** The answer's envelope, as the page received it (JSON text). */
  body: string;
}

export interface BridgeCallWatch {
  /** Every call answered since the watch began, in the order the answers arrived. */
  calls: BridgeCall[];
  /** The next answer to a call that `matches`, from now on. */
  answered(matches: (call: { name: string; input: unknown }) => boolean): Promise<BridgeCall>;
  /** Resolves once every call sent so far has its answer. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

interface Frame {
  response: { payloadData: string };
}

export async function watchBridgeCalls(page: Page): Promise<BridgeCallWatch> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const sent = new Map<number, { name: string; input: unknown }>();
  const calls: BridgeCall[] = [];
  const waiting = new Set<{
    matches: (call: { name: string; input: unknown }) => boolean;
    resolve: (call: BridgeCall) => void;
  }>();
  const idle: (() => void)[] = [];
  const parse = (frame: Frame) => {
    try {
      return JSON.parse(frame.response.payloadData) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  cdp.on('Network.webSocketFrameSent', (frame: Frame) => {
    const message = parse(frame);
    if (message && typeof message.id === 'number' && typeof message.name === 'string')
      sent.set(message.id, { name: message.name, input: message.input });
  });
  cdp.on('Network.webSocketFrameReceived', (frame: Frame) => {
    const message = parse(frame);
    const request = typeof message?.id === 'number' ? sent.get(message.id) : undefined;
    if (!request) return;
    sent.delete(message!.id as number);
    const call = { ...request, body: JSON.stringify(message!.envelope) };
    calls.push(call);
    if (sent.size === 0) for (const done of idle.splice(0)) done();
    for (const waiter of waiting) {
      if (!waiter.matches(request)) continue;
      waiting.delete(waiter);
      waiter.resolve(call);
    }
  });
  return {
    calls,
    answered: (matches) => new Promise((resolve) => waiting.add({ matches, resolve })),
    settled: () => (sent.size === 0 ? Promise.resolve() : new Promise((done) => idle.push(done))),
    stop: () => cdp.detach().catch(() => undefined),
  };
}

/**
 * Arms a wait for the answer to the page's next call named `name`; await `.answer` after the
 * action that makes the call. (An object, so awaiting the arming does not await the answer.)
 */
export async function nextAnswer(
  page: Page,
  name: string,
): Promise<{ answer: Promise<BridgeCall> }> {
  const watch = await watchBridgeCalls(page);
  const answer = watch.answered((call) => call.name === name);
  void answer.then(() => watch.stop());
  return { answer };
}
