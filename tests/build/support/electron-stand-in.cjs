// A stand-in for the `electron` module, preloaded with `node --require` into a child process
// that runs the bundled shell (dist/electron/main.cjs), because the Electron binary cannot be
// had here. It implements just the API the shell calls, records what the shell registers, and
// lets the parent test drive it over the child-process channel: invoke `aruga:call` as a frame,
// fetch from the app:// handler, fire power events, quit.
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { readFile } = require('node:fs/promises');
const { fileURLToPath } = require('node:url');

const send = (message) => process.send(message);
const recorded = {
  privilegedSchemes: [],
  protocolHandlers: {},
  ipcHandlers: {},
  powerEvents: new EventEmitter(),
  windows: [],
  menuCleared: false,
  sessionHardened: [],
};

class StandInWebContents extends EventEmitter {
  mainFrame = { frameTreeNodeId: 1, parent: null, url: '' };
  sent = [];
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new StandInWebContents();
    recorded.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  setContentProtection(enabled) {
    this.contentProtection = enabled;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: 1280, height: 800 };
  }
  show() {}
  focus() {}
  async loadURL(url) {
    this.webContents.mainFrame.url = url;
    // The shell's start-up is done once it loads its page: tell the test.
    setImmediate(() =>
      send({
        kind: 'ready',
        url,
        webPreferences: describe(this.options.webPreferences),
        contentProtection: this.contentProtection === true,
        privilegedSchemes: recorded.privilegedSchemes,
        protocolHandlers: Object.keys(recorded.protocolHandlers),
        ipcHandlers: Object.keys(recorded.ipcHandlers),
        // electron-store's sync channel for renderer-side stores: the shell removes it.
        ipcListeners: electron.ipcMain.eventNames(),
        powerEvents: recorded.powerEvents.eventNames(),
        webContentsEvents: this.webContents.eventNames(),
        menuCleared: recorded.menuCleared,
        sessionHardened: recorded.sessionHardened,
      }),
    );
  }
}

/** Functions become their names, so options cross the process boundary. */
function describe(value) {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'function' ? 'function' : v)));
}

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: true,
  whenReady: () => Promise.resolve(),
  requestSingleInstanceLock: () => true,
  getName: () => 'Aruga',
  getVersion: () => '0.0.0-stand-in',
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`stand-in: getPath(${name})`);
    return process.env.STAND_IN_USER_DATA;
  },
  quit: () => {
    let prevented = false;
    app.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      send({ kind: 'quit' });
      setImmediate(() => process.exit(0));
    }
  },
  exit: (code) => process.exit(code),
});

const session = {
  defaultSession: Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: () => recorded.sessionHardened.push('permissionRequest'),
    setPermissionCheckHandler: () => recorded.sessionHardened.push('permissionCheck'),
    setDevicePermissionHandler: () => recorded.sessionHardened.push('devicePermission'),
  }),
};

const electron = {
  app,
  BrowserWindow,
  session,
  dialog: {
    showErrorBox: (title, message) => send({ kind: 'error', title, message }),
  },
  Menu: { setApplicationMenu: (menu) => (recorded.menuCleared = menu === null) },
  powerMonitor: recorded.powerEvents,
  screen: { getAllDisplays: () => [] },
  ipcMain: Object.assign(new EventEmitter(), {
    handle: (channel, handler) => (recorded.ipcHandlers[channel] = handler),
  }),
  protocol: {
    registerSchemesAsPrivileged: (schemes) => recorded.privilegedSchemes.push(...describe(schemes)),
    handle: (scheme, handler) => (recorded.protocolHandlers[scheme] = handler),
  },
  net: {
    // Electron's net.fetch reads file: URLs; Node's fetch does not.
    fetch: async (url) => {
      const body = await readFile(fileURLToPath(url));
      const type = url.endsWith('.html') ? 'text/html' : 'application/octet-stream';
      return new Response(body, { status: 200, headers: { 'content-type': type } });
    },
  },
};

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};

function nested(levels) {
  let value = [];
  for (let level = 1; level < levels; level += 1) value = [value];
  return value;
}

process.on('message', async (message) => {
  const window = recorded.windows[0];
  switch (message.kind) {
    case 'invoke': {
      const frame = { frameTreeNodeId: 1, parent: null, url: message.frameUrl };
      const event = { sender: window.webContents, senderFrame: frame };
      const handler = recorded.ipcHandlers[message.channel];
      // Input nested deeper than the test process could serialise: built here, as a page could.
      const args = message.nestInput ? [message.args[0], nested(message.nestInput)] : message.args;
      send({ kind: 'invoked', result: await handler(event, ...args) });
      break;
    }
    case 'fetch': {
      const response = await recorded.protocolHandlers[message.scheme](new Request(message.url));
      send({
        kind: 'fetched',
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: (await response.text()).slice(0, 200),
      });
      break;
    }
    case 'power':
      recorded.powerEvents.emit(message.event);
      send({ kind: 'powered' });
      break;
    case 'close-window':
      window.emit('close');
      window.emit('closed');
      send({ kind: 'window-closed' });
      break;
    case 'quit':
      app.quit();
      break;
  }
});
