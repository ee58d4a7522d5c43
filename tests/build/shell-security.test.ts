// Static checks of the Electron shell's source against the shell's security checklist. The shell
// cannot run here, so these read electron/main and electron/preload with the TypeScript parser.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as HARNESS_CSP } from '../../electron/harness/server';
import { securityHeaders } from '../../electron/main/app-origin';
import { PROJECT_ROOT } from './support/index';

interface Source {
  file: string;
  text: string;
  ast: ts.SourceFile;
}

function sourcesIn(folder: string): Source[] {
  const dir = path.join(PROJECT_ROOT, folder);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => {
      const file = path.join(folder, name);
      const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
      return { file, text, ast: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true) };
    });
}

function nodesOf(sources: Source[]): { node: ts.Node; source: Source }[] {
  const found: { node: ts.Node; source: Source }[] = [];
  for (const source of sources) {
    const visit = (node: ts.Node): void => {
      found.push({ node, source });
      ts.forEachChild(node, visit);
    };
    visit(source.ast);
  }
  return found;
}

const main = sourcesIn('electron/main');
const preload = sourcesIn('electron/preload');
const shellNodes = nodesOf([...main, ...preload]);

function propertyName(node: ts.ObjectLiteralElementLike): string | null {
  if (!node.name) return null;
  if (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) return node.name.text;
  return null;
}

/** Every `webPreferences: {...}` in the main process, as name → source text of the value. */
function webPreferencesBlocks(): { where: string; props: Map<string, string>; spreads: number }[] {
  return shellNodes
    .filter(({ node }) => ts.isPropertyAssignment(node) && propertyName(node) === 'webPreferences')
    .map(({ node, source }) => {
      const { initializer } = node as ts.PropertyAssignment;
      const where = `${source.file}:${source.ast.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (!ts.isObjectLiteralExpression(initializer)) throw new Error(`${where}: not a literal`);
      const props = new Map<string, string>();
      let spreads = 0;
      for (const element of initializer.properties) {
        if (ts.isSpreadAssignment(element)) spreads += 1;
        else if (ts.isPropertyAssignment(element)) {
          props.set(propertyName(element) ?? '?', element.initializer.getText());
        } else props.set(propertyName(element) ?? '?', '<shorthand>');
      }
      return { where, props, spreads };
    });
}

describe('BrowserWindow webPreferences', () => {
  const blocks = webPreferencesBlocks();

  it('every BrowserWindow is created with an inline webPreferences literal', () => {
    const windows = shellNodes.filter(
      ({ node }) => ts.isNewExpression(node) && node.expression.getText() === 'BrowserWindow',
    );
    expect(windows.length).toBeGreaterThanOrEqual(1); // the app window
    for (const { node } of windows) {
      const [options] = (node as ts.NewExpression).arguments ?? [];
      expect(options && ts.isObjectLiteralExpression(options)).toBe(true);
      const names = (options as ts.ObjectLiteralExpression).properties.map(propertyName);
      expect(names).toContain('webPreferences');
    }
    expect(blocks).toHaveLength(windows.length);
  });

  it('isolates, sandboxes and keeps Node out of every page', () => {
    for (const { where, props, spreads } of blocks) {
      expect(spreads, `${where}: spread in webPreferences`).toBe(0);
      expect(props.get('contextIsolation'), `${where}: contextIsolation`).toBe('true');
      expect(props.get('sandbox'), `${where}: sandbox`).toBe('true');
      expect(props.get('nodeIntegration'), `${where}: nodeIntegration`).toBe('false');
      expect(props.get('webSecurity'), `${where}: webSecurity`).toBe('true');
    }
  });

  it('turns on nothing experimental or unsafe', () => {
    const mustBeFalseIfPresent = [
      'experimentalFeatures',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'allowRunningInsecureContent',
      'webviewTag',
    ];
    for (const { where, props } of blocks) {
      expect(props.has('enableBlinkFeatures'), `${where}: enableBlinkFeatures`).toBe(false);
      for (const name of mustBeFalseIfPresent) {
        if (props.has(name)) expect(props.get(name), `${where}: ${name}`).toBe('false');
      }
    }
  });

  it('offers DevTools only in unpackaged development builds', () => {
    for (const { where, props } of blocks) {
      expect(['false', '!app.isPackaged'], `${where}: devTools`).toContain(props.get('devTools'));
    }
    expect(blocks.some(({ props }) => props.get('devTools') === '!app.isPackaged')).toBe(true);
  });
});

describe('shell source', () => {
  const identifiers = shellNodes
    .filter(({ node }) => ts.isIdentifier(node) || ts.isStringLiteral(node))
    .map(({ node }) => (node as ts.Identifier | ts.StringLiteral).text);

  it.each(['openExternal', 'enableBlinkFeatures', 'BrowserView', 'WebContentsView', 'webview'])(
    'never uses %s',
    (name) => {
      expect(identifiers).not.toContain(name);
    },
  );

  it('never loads file:// or remote pages into a window', () => {
    const loads = shellNodes.filter(
      ({ node }) =>
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ['loadURL', 'loadFile'].includes(node.expression.name.text),
    );
    expect(loads.length).toBeGreaterThan(0);
    for (const { node } of loads) {
      const call = node as ts.CallExpression;
      expect((call.expression as ts.PropertyAccessExpression).name.text).toBe('loadURL');
      expect([
        'APP_ENTRY_URL',
        '`data:text/html;charset=utf-8,${encodeURIComponent(html)}`',
      ]).toContain(call.arguments[0]?.getText());
    }
  });

  it('registers exactly two IPC handlers, aruga:call and aruga:output, and no other channel', () => {
    const ipcCalls = shellNodes
      .filter(
        ({ node }) =>
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          node.expression.expression.getText() === 'ipcMain',
      )
      .map(({ node }) => {
        const call = node as ts.CallExpression;
        const method = (call.expression as ts.PropertyAccessExpression).name.text;
        return `${method}(${call.arguments[0]?.getText() ?? ''})`;
      });
    expect(ipcCalls.filter((c) => !c.startsWith('removeAllListeners('))).toEqual([
      'handle(IPC_CHANNEL_CALL)',
      'handle(IPC_CHANNEL_OUTPUT)',
    ]);
  });

  it('runs as a single instance and denies permissions in every session it configures', () => {
    const calls = new Set(
      shellNodes
        .filter(({ node }) => ts.isCallExpression(node))
        .map(({ node }) => (node as ts.CallExpression).expression.getText()),
    );
    expect(calls).toContain('app.requestSingleInstanceLock');
    expect(calls).toContain('ses.setPermissionRequestHandler');
    expect(calls).toContain('ses.setPermissionCheckHandler');
    expect(calls).toContain('lockDownSession');
    expect(calls).toContain('contents.setWindowOpenHandler');
  });
});

describe('Content-Security-Policy of app://', () => {
  const headers = securityHeaders();
  const csp = headers['content-security-policy'] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );

  it('is exactly the strict policy', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('allows no inline code, no eval and no remote source', () => {
    const forbidden = /unsafe-|^\*$|^https?:|^wss?:|^blob:|^filesystem:/;
    for (const [name, sources] of directives) {
      for (const source of sources) expect(forbidden.test(source), `${name} ${source}`).toBe(false);
    }
  });

  it('is the policy the browser harness sends, so end-to-end tests run under it', () => {
    expect(HARNESS_CSP).toBe(csp);
  });

  it('comes with nosniff', () => {
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});
