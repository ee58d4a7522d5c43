// The browser harness itself, over real HTTP: who may talk to it, what it serves, and how.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CONTENT_SECURITY_POLICY, injectBridge } from '../../electron/harness/server';
import { expectOk, harnessCall, startTestHarness, type TestHarness } from '../support/harness';
import { makeTempDir, removeDir } from '../support/temp';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const SECRET = 'OUTSIDE-THE-RENDERER-SECRET';
const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Fixture</title>
    <script type="module" crossorigin src="./assets/app.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/app.css">
  </head>
  <body><main><h1>Fixture</h1></main></body>
</html>`;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let fixtureDir: string;
let harness: TestHarness;
let port: number;

/** A request exactly as written: no URL normalisation, any Host header. */
function raw(
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
  },
  address = '127.0.0.1',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: address,
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function call(body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw({
    method: 'POST',
    path: '/__harness/call',
    headers: { 'content-type': 'application/json', 'x-aruga-token': harness.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: 'forbidden' } };
const INVALID = { ok: false, error: { code: 'VALIDATION', message: 'validation' } };

beforeAll(async () => {
  fixtureDir = await makeTempDir('renderer-fixture');
  const root = path.join(fixtureDir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), INDEX_HTML);
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("fixture");\n');
  await writeFile(path.join(root, 'assets', 'app.css'), 'body { color: #223; }\n');
  await writeFile(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(path.join(fixtureDir, 'secret.txt'), SECRET);
  await symlink(path.join(fixtureDir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  harness = await startTestHarness({ rendererDir: root });
  port = Number(new URL(harness.url).port);
});

afterAll(async () => {
  await harness?.dispose();
  if (fixtureDir) await removeDir(fixtureDir);
});

describe('binding', () => {
  it('listens on 127.0.0.1 only, at the URL it reports', async () => {
    expect(harness.url).toBe(`http://127.0.0.1:${port}/`);
    expect(harness.token).toMatch(/^[0-9a-f]{64}$/);
    expect((await raw({ path: '/' })).status).toBe(200);

    // Other loopback and interface addresses must refuse the connection.
    const others = [
      '127.0.0.2',
      '::1',
      ...Object.values(os.networkInterfaces())
        .flat()
        .filter(
          (info) => info !== undefined && info.family === 'IPv4' && info.address !== '127.0.0.1',
        )
        .map((info) => info!.address),
    ];
    for (const address of others) {
      await expect(connect(address)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
  });

  it('picks a different port and token on every start', async () => {
    const other = await startTestHarness({ rendererDir: path.join(fixtureDir, 'renderer') });
    try {
      expect(other.url).not.toBe(harness.url);
      expect(other.token).not.toBe(harness.token);
    } finally {
      await other.dispose();
    }
    await expect(connect('127.0.0.1', Number(new URL(other.url).port))).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});

function connect(address: string, toPort = port): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port: toPort });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

describe('the call endpoint', () => {
  it('answers app.status with the backend envelope', async () => {
    const response = await call({ name: 'app.status', input: {} });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const envelope = JSON.parse(response.body);
    expect(envelope).toMatchObject({ ok: true, value: { state: 'setup', session: null } });
  });

  it('passes backend errors through as envelopes', async () => {
    const unknown = JSON.parse((await call({ name: 'no.such', input: {} })).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const invalid = JSON.parse((await call({ name: 'app.status', input: { extra: 1 } })).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a missing or wrong token', async () => {
    const body = JSON.stringify({ name: 'app.status', input: {} });
    const headers = { 'content-type': 'application/json' };
    const missing = await raw({ method: 'POST', path: '/__harness/call', headers, body });
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body)).toEqual(FORBIDDEN);
    const wrongToken = harness.token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const wrong = await call({ name: 'app.status', input: {} }, { 'x-aruga-token': wrongToken });
    expect(wrong.status).toBe(403);
    const short = await call({ name: 'app.status', input: {} }, { 'x-aruga-token': 'abc' });
    expect(short.status).toBe(403);
  });

  it('refuses a foreign Origin and cross-site fetches, even with the token', async () => {
    for (const origin of ['http://evil.example', 'http://localhost:' + port, 'null']) {
      const response = await call({ name: 'app.status', input: {} }, { origin });
      expect(response.status, origin).toBe(403);
    }
    const crossSite = await call(
      { name: 'app.status', input: {} },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const sameOrigin = await call(
      { name: 'app.status', input: {} },
      { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
    );
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses any Host but 127.0.0.1:port (DNS rebinding)', async () => {
    for (const host of ['localhost:' + port, 'evil.example', `evil.example:${port}`, '127.0.0.1']) {
      const page = await raw({ path: '/', headers: { host } });
      expect(page.status, host).toBe(403);
      const api = await call({ name: 'app.status', input: {} }, { host });
      expect(api.status, host).toBe(403);
    }
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const big = JSON.stringify({ name: 'app.status', input: { pad: 'x'.repeat(1024 * 1024) } });
    const response = await call(big);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual(INVALID);
    // Just under the limit still reaches the backend (which rejects the extra key).
    const fits = await call(
      JSON.stringify({ name: 'app.status', input: { pad: 'x'.repeat(1000 * 1000) } }),
    );
    expect(fits.status).toBe(200);
  });

  it('answers malformed requests with a 400 envelope and no stack trace', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['{not json', {}],
      ['[1,2]', {}],
      ['{"input":{}}', {}],
      ['{"name":42}', {}],
      [JSON.stringify({ name: 'app.status', input: {} }), { 'content-type': 'text/plain' }],
    ];
    for (const [body, headers] of cases) {
      const response = await call(body, headers);
      expect(response.status, body).toBe(400);
      expect(JSON.parse(response.body)).toEqual(INVALID);
    }
    const get = await raw({ path: '/__harness/call', headers: { 'x-aruga-token': harness.token } });
    expect(get.status).toBe(405);
    expect(get.body).not.toMatch(/\bat .*\(|\.ts:\d|node:/);
  });

  it('answers input nested thousands of levels deep with a VALIDATION envelope, and keeps answering', async () => {
    // Valid JSON that structured cloning into the worker cannot copy.
    for (const levels of [100, 5_000, 50_000]) {
      const body = `{"name":"app.status","input":${'['.repeat(levels)}${']'.repeat(levels)}}`;
      const response = await call(body);
      expect({ levels, status: response.status }).toEqual({ levels, status: 200 });
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    const after = await call({ name: 'app.status', input: {} });
    expect(JSON.parse(after.body)).toMatchObject({ ok: true, value: { state: 'setup' } });
  });
});

describe('the call socket', () => {
  /** Opens the page's call socket with these headers and query; resolves once open or refused. */
  function openSocket(
    query: string,
    headers: Record<string, string> = {},
  ): Promise<{ ws: WebSocket | null; refused: boolean }> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/__harness/socket${query}`, {
        headers: { origin: `http://127.0.0.1:${port}`, ...headers },
      });
      ws.once('open', () => resolve({ ws, refused: false }));
      ws.once('unexpected-response', (_req, res) => {
        expect(res.statusCode).toBe(403);
        ws.terminate();
        resolve({ ws: null, refused: true });
      });
      ws.once('error', () => resolve({ ws: null, refused: true }));
    });
  }
  const token = () => `?token=${harness.token}`;

  function ask(ws: WebSocket, message: string): Promise<unknown> {
    return new Promise((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(String(data))));
      ws.send(message);
    });
  }

  it('answers each call with its id and the backend envelope, as the call endpoint does', async () => {
    const { ws } = await openSocket(token());
    try {
      for (const [id, name] of [
        [7, 'app.status'],
        [8, 'no.such'],
      ] as const) {
        const expected = JSON.parse((await call({ name, input: {} })).body) as unknown;
        expect(await ask(ws!, JSON.stringify({ id, name, input: {} }))).toEqual({
          id,
          envelope: expected,
        });
      }
    } finally {
      ws!.close();
    }
  });

  it('refuses a missing or wrong token, a foreign Origin, a cross-site open and another Host', async () => {
    expect((await openSocket('')).refused).toBe(true);
    expect((await openSocket(`?token=${'0'.repeat(64)}`)).refused).toBe(true);
    expect((await openSocket(token(), { origin: 'http://evil.example' })).refused).toBe(true);
    expect((await openSocket(token(), { 'sec-fetch-site': 'cross-site' })).refused).toBe(true);
    expect((await openSocket(token(), { host: `localhost:${port}` })).refused).toBe(true);
    expect((await openSocket(token())).refused).toBe(false);
  });

  it('closes on a message that is not a call, and keeps serving new sockets', async () => {
    for (const bad of ['not json', '{"name":"app.status"}', '{"id":"x","name":"app.status"}']) {
      const { ws } = await openSocket(token());
      const closed = new Promise<number>((resolve) => ws!.once('close', (code) => resolve(code)));
      ws!.send(bad);
      expect(await closed).toBe(1007);
    }
    const { ws } = await openSocket(token());
    expect(await ask(ws!, JSON.stringify({ id: 1, name: 'app.status', input: {} }))).toEqual(
      expect.objectContaining({ id: 1 }),
    );
    ws!.close();
  });
});

describe('static files', () => {
  it('sends the strict CSP and safe headers on every response', async () => {
    const paths = ['/', '/index.html', '/assets/app.js', '/__harness/bridge.js', '/missing'];
    for (const p of paths) {
      const response = await raw({ path: p });
      expect(response.headers['content-security-policy'], p).toBe(EXPECTED_CSP);
      expect(response.headers['x-content-type-options'], p).toBe('nosniff');
      expect(response.headers['cache-control'], p).toBe('no-store');
    }
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
  });

  it('serves files with their content types and 404s the rest', async () => {
    const types: Record<string, RegExp> = {
      '/': /^text\/html; charset=utf-8$/,
      '/assets/app.js': /^text\/javascript/,
      '/assets/app.css': /^text\/css/,
      '/assets/font.woff2': /^font\/woff2$/,
    };
    for (const [p, type] of Object.entries(types)) {
      const response = await raw({ path: p });
      expect(response.status, p).toBe(200);
      expect(response.headers['content-type'], p).toMatch(type);
    }
    expect((await raw({ path: '/assets/app.js' })).body).toContain('fixture');
    for (const p of ['/nope.html', '/assets', '/assets/', '/__harness/other']) {
      expect((await raw({ path: p })).status, p).toBe(404);
    }
    expect((await raw({ path: '/assets/app.js', method: 'POST' })).status).toBe(405);
    const head = await raw({ path: '/assets/app.js', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('never serves anything outside the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/assets/link.txt',
      '/assets/app.js%00.html',
      '/%E0%A4%A',
      '//etc/passwd',
    ];
    for (const p of attempts) {
      const response = await raw({ path: p });
      expect([400, 404], p).toContain(response.status);
      expect(response.body, p).not.toContain(SECRET);
      expect(response.body, p).not.toContain('root:');
    }
    expect((await raw({ path: 'secret.txt' })).status).toBe(400);
  });

  it('injects the bridge before the app module script', async () => {
    const html = (await raw({ path: '/' })).body;
    const bridge = html.indexOf('<script src="/__harness/bridge.js"></script>');
    expect(bridge).toBeGreaterThan(-1);
    expect(bridge).toBeLessThan(html.indexOf('<script type="module"'));
    expect(html.match(/__harness\/bridge\.js/g)).toHaveLength(1);
    expect(html).not.toContain(harness.token);
  });

  it('serves bridge.js with this run token and only to same-origin pages', async () => {
    const script = await raw({ path: '/__harness/bridge.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toContain(JSON.stringify(harness.token));
    expect(script.headers['cross-origin-resource-policy']).toBe('same-origin');
    const crossSite = await raw({
      path: '/__harness/bridge.js',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).not.toContain(harness.token);
  });

  it('injectBridge falls back to </head> and refuses HTML without a head', () => {
    expect(injectBridge('<html><head></head></html>')).toBe(
      '<html><head><script src="/__harness/bridge.js"></script>\n</head></html>',
    );
    expect(() => injectBridge('<p>no head</p>')).toThrow();
  });
});

describe('lock events', () => {
  it('refuses the event stream without the token', async () => {
    expect((await raw({ path: '/__harness/events' })).status).toBe(403);
    expect((await raw({ path: '/__harness/events?token=00' })).status).toBe(403);
  });

  it('streams backend lock events as server-sent events', async () => {
    const events = openEventStream(`/__harness/events?token=${harness.token}`);
    try {
      await events.connected;
      const created = expectOk(
        await harnessCall(harness, 'vault.create', {
          adminDisplayName: 'Harness Admin',
          adminUsername: 'harness.admin',
          adminPassword: 'correct horse battery staple 42',
          timeZone: 'Asia/Manila',
        }),
      );
      expect(created.session.role).toBe('admin');
      expectOk(await harnessCall(harness, 'session.lock', { reason: 'manual' }));
      expect(await events.next()).toEqual({ type: 'locked', reason: 'manual' });
      const status = expectOk(await harnessCall(harness, 'app.status', {}));
      expect(status.state).toBe('locked');
    } finally {
      events.close();
    }
  });
});

/** A minimal server-sent-events reader over node:http. */
function openEventStream(pathWithQuery: string) {
  const queue: unknown[] = [];
  const waiters: Array<(event: unknown) => void> = [];
  let buffer = '';
  let request!: http.ClientRequest;
  const connected = new Promise<void>((resolve, reject) => {
    request = http.get({ host: '127.0.0.1', port, path: pathWithQuery }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.startsWith(': connected')) resolve();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (!data) continue;
          const event: unknown = JSON.parse(data);
          const waiter = waiters.shift();
          if (waiter) waiter(event);
          else queue.push(event);
        }
      });
    });
    request.on('error', reject);
  });
  return {
    connected,
    next: (): Promise<unknown> =>
      queue.length > 0
        ? Promise.resolve(queue.shift())
        : new Promise((resolve) => waiters.push(resolve)),
    close: () => request.destroy(),
  };
}

describe('command line', () => {
  const cli = path.resolve('electron/harness/cli.ts');
  const tsx = path.resolve('node_modules/.bin/tsx');

  function run(args: string[]) {
    const child = spawn(tsx, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    return { child, exited, out: () => stdout, err: () => stderr };
  }

  it('refuses to start without --data', async () => {
    const cli = run(['--port', '0']);
    expect(await cli.exited).toBe(2);
    expect(cli.err()).toMatch(/--data/);
    expect(cli.out()).toBe('');
  });

  it('prints exactly the ready line and stops cleanly on SIGTERM', async () => {
    expect(existsSync('dist/renderer/index.html'), 'run `npx vite build` first').toBe(true);
    const dataFolder = await makeTempDir('cli-data');
    try {
      const cli = run(['--data', dataFolder, '--port', '0']);
      await expect.poll(cli.out, { timeout: 30_000 }).toMatch(/\n$/);
      const match = /^Aruga harness ready at (http:\/\/127\.0\.0\.1:(\d+)\/)\n$/.exec(cli.out());
      expect(match, cli.out() + cli.err()).not.toBeNull();
      const status = await fetch(new URL('/', match![1]));
      expect(status.status).toBe(200);
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
      await expect(connect('127.0.0.1', Number(match![2]))).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
    } finally {
      await removeDir(dataFolder);
    }
  });
});
