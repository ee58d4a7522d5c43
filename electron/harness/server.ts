// The browser harness: the real backend in Node and the built renderer, served on
// 127.0.0.1 with a per-run token, so Chromium can run Aruga where Electron cannot. Development and
// testing only: never packaged (electron-builder.yml excludes it; a build test checks that).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  parseOutputRequest,
  OUTPUT_MAX_BYTES,
  type OutputRequest,
  type OutputResult,
} from '../../shared/bridge';
import type { AppErrorShape, Envelope } from '../../shared/errors';
import type { BackendApi, BackendOptions } from '../backend/api';
import { startBackendWorker } from '../host/backend-host';
import {
  BRIDGE_PATH,
  CALL_PATH,
  EVENTS_PATH,
  OUTPUT_PATH,
  SOCKET_PATH,
  TOKEN_HEADER,
  bridgeScript,
} from './bridge-script';
import { contentTypeFor, resolveStaticFile } from './static-files';

/** The same policy the Electron shell sends with the app:// protocol. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  // Stops other sites from loading bridge.js (and its token) as a cross-origin script.
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this much discarded upload the connection is cut instead of drained. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;
const HEARTBEAT_MS = 20_000;
/**
 * Closing Electron's window locks the vault; the harness's equivalent is the last page's lock-event
 * stream going away. A reload reconnects well within this grace, so it does not lock.
 */
const DEFAULT_LOCK_AFTER_LAST_PAGE_MS = 2_000;
const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export interface HarnessOptions {
  /** Folder holding the vault; created by the backend if needed. */
  dataFolder: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Extra backend options, e.g. a cheaper KDF for tests. */
  backend?: Omit<BackendOptions, 'dataFolder'>;
  /** The built renderer; defaults to dist/renderer. */
  rendererDir?: string;
  /** Passed through to startBackendWorker. */
  workerFile?: string;
  /** How long after the last page disconnects the vault locks (default 2 s). */
  lockAfterLastPageMs?: number;
  /**
   * What stands in for Electron's print window and save dialog: the end-to-end tests print the
   * document with Chromium's page.pdf. Without it, nothing leaves ({ done: false }).
   */
  output?: (request: OutputRequest) => Promise<OutputResult>;
}

export interface Harness {
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** This run's token (64 hex characters). */
  token: string;
  /** The running backend, for tests that simulate shell events (e.g. an OS lock). */
  backend: BackendApi;
  /** Closes the server, its event streams and the backend. Safe to call twice. */
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const root = await rendererRoot(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const token = randomBytes(32).toString('hex');
  const backend = await startBackendWorker(
    { ...options.backend, dataFolder: options.dataFolder },
    ...(options.workerFile === undefined ? [] : [options.workerFile]),
  );

  const streams = new PageStreams(backend, options.lockAfterLastPageMs);
  let host = '';
  const server = http.createServer((req, res) => {
    handle({ req, res, host, token, root, backend, streams, output: options.output }).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'internal');
      else res.destroy();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  server.on('upgrade', (req, socket, head) => {
    if (!mayOpenCallSocket(req, host, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveCalls(ws, backend));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await backend.close();
    throw error;
  }
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}/`,
    token,
    backend,
    close() {
      closing ??= (async () => {
        streams.endAll();
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await backend.close();
      })();
      return closing;
    },
  };
}

async function rendererRoot(dir: string): Promise<string> {
  try {
    const root = await realpath(dir);
    await readFile(path.join(root, 'index.html'));
    return root;
  } catch {
    throw new Error(`No built renderer in ${dir}: run "npm run build:renderer" first.`);
  }
}

interface Context {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  /** "127.0.0.1:PORT", the only Host and origin accepted. */
  host: string;
  token: string;
  root: string;
  backend: BackendApi;
  streams: PageStreams;
  output: HarnessOptions['output'];
}

async function handle(ctx: Context): Promise<void> {
  const { req, res, host } = ctx;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);

  // DNS-rebinding guard: a page on another name that resolves to 127.0.0.1 sends its own Host.
  if (req.headers.host !== host) return sendError(res, 403, 'FORBIDDEN', 'forbidden');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return sendError(res, 403, 'FORBIDDEN', 'forbidden');
  }
  const target = req.url ?? '';
  if (!target.startsWith('/')) return sendError(res, 400, 'VALIDATION', 'validation');
  const url = new URL(`http://${host}${target}`);

  if (url.pathname.startsWith('/__harness/')) {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return sendError(res, 403, 'FORBIDDEN', 'forbidden');
    }
    if (url.pathname === CALL_PATH) return handleCall(ctx);
    if (url.pathname === EVENTS_PATH) return handleEvents(ctx, url);
    if (url.pathname === OUTPUT_PATH) return handleOutput(ctx);
    if (url.pathname === BRIDGE_PATH) {
      if (!isGetOrHead(req)) return sendError(res, 405, 'VALIDATION', 'validation');
      return send(res, 200, 'text/javascript; charset=utf-8', bridgeScript(ctx.token));
    }
    return sendError(res, 404, 'NOT_FOUND', 'notFound');
  }
  return handleStatic(ctx, url.pathname);
}

async function handleCall({ req, res, token, backend }: Context): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'VALIDATION', 'validation');
  if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
    return sendError(res, 403, 'FORBIDDEN', 'forbidden');
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_DRAIN_BYTES) {
    res.setHeader('Connection', 'close');
    return sendError(res, 413, 'VALIDATION', 'validation');
  }
  const body = await readBody(req);
  if (body === 'tooLarge') return sendError(res, 413, 'VALIDATION', 'validation');
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return sendError(res, 400, 'VALIDATION', 'validation');
  }
  const request = parseCall(body);
  if (request === null) return sendError(res, 400, 'VALIDATION', 'validation');
  const envelope = await backend.call(request.name, request.input);
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope));
}

/**
 * The page's call socket is opened with the same guards as a call: this host, this origin (a
 * browser always sends one on a WebSocket), same-origin fetch metadata, and the run's token.
 */
function mayOpenCallSocket(req: http.IncomingMessage, host: string, token: string): boolean {
  if (req.headers.host !== host || req.headers.origin !== `http://${host}`) return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const url = new URL(`http://${host}${req.url ?? ''}`);
  return (
    url.pathname === SOCKET_PATH && tokenMatches(url.searchParams.get('token') ?? undefined, token)
  );
}

/** Each message is one call, `{ id, name, input }`, answered with `{ id, envelope }`. */
function serveCalls(ws: WebSocket, backend: BackendApi): void {
  ws.on('message', (data, isBinary) => {
    const request = isBinary ? null : parseSocketCall(data.toString());
    if (request === null) {
      ws.close(1007, 'validation');
      return;
    }
    void backend.call(request.name, request.input).then((envelope) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: request.id, envelope }));
    });
  });
}

function parseSocketCall(text: string): { id: number; name: string; input: unknown } | null {
  const parsed = parseJson(text);
  const call = callOf(parsed);
  const id = (parsed as { id?: unknown } | null)?.id;
  return call !== null && Number.isSafeInteger(id) ? { id: id as number, ...call } : null;
}

async function handleOutput({ req, res, token, output }: Context): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'VALIDATION', 'validation');
  if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
    return sendError(res, 403, 'FORBIDDEN', 'forbidden');
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_DRAIN_BYTES) {
    res.setHeader('Connection', 'close');
    return sendError(res, 413, 'VALIDATION', 'validation');
  }
  const body = await readBody(req, OUTPUT_MAX_BYTES);
  if (body === 'tooLarge') return sendError(res, 413, 'VALIDATION', 'validation');
  let request: OutputRequest | null = null;
  try {
    request = parseOutputRequest(JSON.parse(body.toString('utf8')));
  } catch {
    request = null;
  }
  if (request === null) return sendError(res, 400, 'VALIDATION', 'validation');
  const result: OutputResult = output
    ? await output(request).catch(() => ({ done: false }))
    : { done: false };
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
}

function handleEvents({ req, res, token, backend, streams }: Context, url: URL): void {
  if (!isGetOrHead(req)) return sendError(res, 405, 'VALIDATION', 'validation');
  if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
    return sendError(res, 403, 'FORBIDDEN', 'forbidden');
  }
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
  // Writing after end() would raise an unhandled 'error' on the response.
  const write = (text: string) => {
    if (!res.writableEnded && !res.destroyed) res.write(text);
  };
  write(': connected\n\n');
  const unsubscribe = backend.onEvent((event) => write(`data: ${JSON.stringify(event)}\n\n`));
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS).unref();
  streams.add(res);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    streams.delete(res);
  });
}

/** The open lock-event streams, one per page; locks the vault when the last one is gone. */
class PageStreams {
  private readonly open = new Set<http.ServerResponse>();
  private lockTimer: NodeJS.Timeout | null = null;
  private ended = false;

  constructor(
    private readonly backend: BackendApi,
    private readonly lockAfterMs = DEFAULT_LOCK_AFTER_LAST_PAGE_MS,
  ) {}

  add(stream: http.ServerResponse): void {
    this.cancelLock();
    this.open.add(stream);
  }

  delete(stream: http.ServerResponse): void {
    if (!this.open.delete(stream) || this.open.size > 0 || this.ended) return;
    this.lockTimer = setTimeout(() => {
      this.lockTimer = null;
      void this.backend.lock('system');
    }, this.lockAfterMs);
    this.lockTimer.unref();
  }

  /** The harness is closing: end every stream, and lock through close() rather than the timer. */
  endAll(): void {
    this.ended = true;
    this.cancelLock();
    for (const stream of this.open) stream.end();
  }

  private cancelLock(): void {
    if (this.lockTimer) clearTimeout(this.lockTimer);
    this.lockTimer = null;
  }
}

async function handleStatic({ req, res, root }: Context, pathname: string): Promise<void> {
  if (!isGetOrHead(req)) return sendError(res, 405, 'VALIDATION', 'validation');
  const file = await resolveStaticFile(root, pathname);
  if (file === null) return sendError(res, 404, 'NOT_FOUND', 'notFound');
  const bytes = await readFile(file);
  if (file === path.join(root, 'index.html')) {
    return send(res, 200, contentTypeFor(file), injectBridge(bytes.toString('utf8')));
  }
  send(res, 200, contentTypeFor(file), bytes);
}

/** Puts the bridge before the app's module script, so `window.aruga` exists when the app starts. */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const moduleScript = /<script\b[^>]*\btype\s*=\s*["']?module\b/i.exec(html);
  if (moduleScript) {
    return `${html.slice(0, moduleScript.index)}${tag}\n    ${html.slice(moduleScript.index)}`;
  }
  const headEnd = html.search(/<\/head>/i);
  if (headEnd === -1) throw new Error('index.html has no <head>');
  return `${html.slice(0, headEnd)}${tag}\n${html.slice(headEnd)}`;
}

function parseCall(body: Buffer): { name: string; input: unknown } | null {
  return callOf(parseJson(body.toString('utf8')));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function callOf(parsed: unknown): { name: string; input: unknown } | null {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { name, input } = parsed as Record<string, unknown>;
  return typeof name === 'string' ? { name, input } : null;
}

/** The body, or 'tooLarge' once past `limit` (the rest is drained so the 413 arrives). */
function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => resolve(size > limit ? 'tooLarge' : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isGetOrHead(req: http.IncomingMessage): boolean {
  return req.method === 'GET' || req.method === 'HEAD';
}

function send(
  res: http.ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': bytes.length });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

/** Errors are envelopes with a safe i18n key: never a stack trace or a path. */
function sendError(
  res: http.ServerResponse,
  status: number,
  code: AppErrorShape['code'],
  message: string,
): void {
  const envelope: Envelope<never> = { ok: false, error: { code, message } };
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(envelope));
}
