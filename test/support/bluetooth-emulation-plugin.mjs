// A @web/test-runner plugin that lets in-browser tests drive Chromium's own Web Bluetooth stack:
// an emulated adapter and footpod (CDP BluetoothEmulation, on the browser target), answers to the
// device chooser (CDP DeviceAccess, on the page) and real clicks. Tests reach it through
// executeServerCommand('bt-…', payload); test/support/emulated-footpod.ts wraps every command.
// See /work/shared/ble-emulation.md for what Chromium does and why each step is here.

const BASE_UUID_TAIL = '-0000-1000-8000-00805f9b34fb';
const uuid = (short) => `${short.toString(16).padStart(8, '0')}${BASE_UUID_TAIL}`;
const hex = (short) => short.toString(16).padStart(4, '0');

const RSC_SERVICE = 0x1814;
const RSC_MEASUREMENT = 0x2a53;
const RSC_FEATURE = 0x2a54;
const SENSOR_LOCATION = 0x2a5d;
const SC_CONTROL_POINT = 0x2a55;
const BATTERY_SERVICE = 0x180f;
const BATTERY_LEVEL = 0x2a19;
const CCCD = 0x2902;
const DEVICE_INFORMATION = 0x180a;
const DEVICE_INFORMATION_STRINGS = { manufacturerName: 0x2a29, modelNumber: 0x2a24, firmwareRevision: 0x2a26 };

// How the emulated pod answers each SC Control Point op code: a response value (RSC spec), or
// 'never' for a pod that takes the write and stays silent.
const CONTROL_POINT_ANSWERS = { success: 1, 'not-supported': 2, 'invalid-parameter': 3, failed: 4, never: null };

// HCI "Connection Timeout": what a pod out of range gives; Chrome reports a NetworkError.
const DEFAULT_CONNECTION_FAILURE = 0x08;
// ATT "Unlikely Error", for a measurement read the test queued no bytes for.
const ATT_UNLIKELY_ERROR = 0x0e;

const defaults = {
  name: 'Emulated footpod',
  address: '0A:0B:0C:0D:0E:0F',
  feature: [0x07, 0x00],
  sensorLocation: 2,
  battery: 87,
  adapter: 'powered-on',
  keepPairings: false,
  // { manufacturerName?, modelNumber?, firmwareRevision? } strings, or null for no 0x180A service.
  deviceInformation: null,
  // Op code (1-4) → a key of CONTROL_POINT_ANSWERS; op codes left out answer 'success'.
  controlPointAnswers: {},
  // What a successful Request Supported Sensor Locations lists.
  supportedLocations: [1, 2, 3],
};

/**
 * Only one emulated adapter exists per browser, and test files run side by side in one browser,
 * so a session holds this lease from bt-setup to bt-teardown (or until its page moves on).
 */
class AdapterLease {
  holder = null;
  waiters = [];

  acquire(owner, timeoutMs) {
    if (this.holder === null || this.holder === owner) {
      this.holder = owner;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = { owner, resolve, timer: undefined };
      waiter.timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`bt-setup waited ${timeoutMs} ms for another test file to release the emulated Bluetooth adapter`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  release(owner) {
    this.waiters = this.waiters.filter((w) => w.owner !== owner || (clearTimeout(w.timer), false));
    if (this.holder !== owner) return;
    const next = this.waiters.shift();
    this.holder = next ? next.owner : null;
    if (next) {
      clearTimeout(next.timer);
      next.resolve();
    }
  }
}

function bytesFrom(value, what) {
  if (!Array.isArray(value) || !value.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    throw new Error(`${what} must be an array of bytes (integers 0-255), not ${JSON.stringify(value)}`);
  }
  return value;
}
const base64 = (bytes) => Buffer.from(bytes).toString('base64');
const bytesOf = (data) => (data ? [...Buffer.from(data, 'base64')] : undefined);

/** One emulated footpod for one test session's page. */
class Rig {
  log = [];
  errors = [];
  measurements = [];
  indications = [];
  failConnections = 0;
  failureCode = DEFAULT_CONNECTION_FAILURE;
  chooserAnswer = null;
  openPrompts = new Map();
  answeredPrompts = new Set();
  characteristics = new Map();
  descriptors = new Map();
  // GATT operations wait here while the database is rebuilt after a simulated disconnection.
  databaseReady = Promise.resolve();
  disposed = false;

  constructor(page, config) {
    this.page = page;
    this.config = config;
    this.startedAt = Date.now();
  }

  record(entry) {
    this.log.push({ atMs: Date.now() - this.startedAt, ...entry });
  }

  /** CDP calls made from event handlers: a failure is recorded, never thrown into the runner. */
  async quietly(what, call) {
    try {
      return await call();
    } catch (error) {
      if (!this.disposed) this.errors.push(`${what}: ${error.message}`);
      return undefined;
    }
  }

  async start() {
    const { config, page } = this;
    this.bt = await page.browser().target().createCDPSession();
    this.deviceAccess = await page.createCDPSession();
    // A session that ended without bt-teardown may have left emulation on; start from scratch.
    await this.bt.send('BluetoothEmulation.disable').catch(() => undefined);
    await this.bt.send('BluetoothEmulation.enable', { state: config.adapter, leSupported: true });
    this.bt.on('BluetoothEmulation.gattOperationReceived', (event) => void this.onGattOperation(event));
    this.bt.on('BluetoothEmulation.characteristicOperationReceived', (event) => void this.onCharacteristicOperation(event));
    this.bt.on('BluetoothEmulation.descriptorOperationReceived', (event) => void this.onDescriptorOperation(event));
    if (config.adapter !== 'absent') {
      await this.bt.send('BluetoothEmulation.simulatePreconnectedPeripheral', {
        address: config.address,
        name: config.name,
        manufacturerData: [],
        knownServiceUuids: [uuid(RSC_SERVICE)],
      });
      // Chrome keeps a pairing per origin across emulation sessions; a test starts unpaired.
      if (!config.keepPairings) await this.forgetPairings();
      await this.buildDatabase();
    }
    await this.deviceAccess.send('DeviceAccess.enable');
    this.deviceAccess.on('DeviceAccess.deviceRequestPrompted', (event) => void this.onPrompt(event));
  }

  async forgetPairings() {
    await this.page.evaluate(async () => {
      const bluetooth = navigator.bluetooth;
      for (const device of (await bluetooth?.getDevices?.()) ?? []) await device.forget();
    });
  }

  /** The footpod's services; Chromium's fake peripheral drops them on every disconnection. */
  async buildDatabase() {
    const { bt, config } = this;
    this.characteristics.clear();
    this.descriptors.clear();
    const add = async (serviceId, short, properties) => {
      const { characteristicId } = await bt.send('BluetoothEmulation.addCharacteristic', {
        serviceId,
        characteristicUuid: uuid(short),
        properties,
      });
      this.characteristics.set(characteristicId, short);
      if (properties.notify || properties.indicate) {
        // Without the CCCD, startNotifications() fails with "GATT Error: Not supported."
        const { descriptorId } = await bt.send('BluetoothEmulation.addDescriptor', {
          characteristicId,
          descriptorUuid: uuid(CCCD),
        });
        this.descriptors.set(descriptorId, short);
      }
    };
    const address = config.address;
    const { serviceId: rsc } = await bt.send('BluetoothEmulation.addService', { address, serviceUuid: uuid(RSC_SERVICE) });
    await add(rsc, RSC_MEASUREMENT, { notify: true, read: true });
    await add(rsc, RSC_FEATURE, { read: true });
    if (config.sensorLocation !== null) await add(rsc, SENSOR_LOCATION, { read: true });
    // `read` too: the plugin delivers each indication as the answer to a read (see ble-emulation.md).
    await add(rsc, SC_CONTROL_POINT, { write: true, indicate: true, read: true });
    if (config.battery !== null) {
      const { serviceId } = await bt.send('BluetoothEmulation.addService', { address, serviceUuid: uuid(BATTERY_SERVICE) });
      await add(serviceId, BATTERY_LEVEL, { read: true, notify: true });
    }
    if (config.deviceInformation !== null) {
      const { serviceId } = await bt.send('BluetoothEmulation.addService', { address, serviceUuid: uuid(DEVICE_INFORMATION) });
      for (const [field, short] of Object.entries(DEVICE_INFORMATION_STRINGS)) {
        if (typeof config.deviceInformation[field] === 'string') await add(serviceId, short, { read: true });
      }
    }
  }

  async onGattOperation({ address, type }) {
    await this.databaseReady;
    let code = 0;
    if (type === 'connection' && this.failConnections > 0) {
      this.failConnections--;
      code = this.failureCode;
    }
    this.record({ op: type, target: address, code });
    await this.quietly(`answering ${type}`, () =>
      this.bt.send('BluetoothEmulation.simulateGATTOperationResponse', { address, type, code }),
    );
  }

  readAnswer(short) {
    const { config } = this;
    if (short === RSC_FEATURE) return config.feature;
    if (short === SENSOR_LOCATION) return [config.sensorLocation];
    if (short === BATTERY_LEVEL) return [config.battery];
    if (short === RSC_MEASUREMENT) return this.measurements.shift();
    if (short === SC_CONTROL_POINT) return this.indications.shift();
    for (const [field, code] of Object.entries(DEVICE_INFORMATION_STRINGS)) {
      if (short === code) return [...Buffer.from(config.deviceInformation[field], 'utf8')];
    }
    return [];
  }

  async onCharacteristicOperation({ characteristicId, type, data }) {
    const short = this.characteristics.get(characteristicId);
    const target = short === undefined ? characteristicId : hex(short);
    const answer = { characteristicId, type, code: 0 };
    if (type === 'read') {
      const bytes = short === undefined ? [] : this.readAnswer(short);
      if (bytes === undefined) answer.code = ATT_UNLIKELY_ERROR;
      else answer.data = base64(bytes);
      this.record({ op: type, target, code: answer.code, bytes });
    } else {
      this.record({ op: type, target, code: 0, bytes: bytesOf(data) });
    }
    await this.quietly(`answering ${type} of ${target}`, () =>
      this.bt.send('BluetoothEmulation.simulateCharacteristicOperationResponse', answer),
    );
    if (type === 'write' && short === SC_CONTROL_POINT) await this.answerControlPoint(bytesOf(data) ?? []);
  }

  /** The pod's indication for a request on 0x2A55, as configured per op code; none for 'never'. */
  async answerControlPoint(request) {
    const opCode = request[0];
    const value = CONTROL_POINT_ANSWERS[this.config.controlPointAnswers[opCode] ?? 'success'];
    if (value === null || opCode === undefined) return;
    const locations = opCode === 4 && value === 1 ? this.config.supportedLocations : [];
    const bytes = [0x10, opCode, value, ...locations];
    this.indications.push(bytes);
    this.record({ op: 'indication', target: hex(SC_CONTROL_POINT), code: 0, bytes });
    // No CDP command pushes a value; a read from the page is answered with it, and Chromium fires
    // 'characteristicvaluechanged' on the characteristic object the app listens to.
    await this.quietly('delivering a control point indication', () =>
      this.page.evaluate(async (service, characteristic) => {
        const device = (await navigator.bluetooth.getDevices())[0];
        try {
          await (await (await device.gatt.getPrimaryService(service)).getCharacteristic(characteristic)).readValue();
        } catch {
          // The link went meanwhile; the app's own timeout or link-lost handling takes over.
        }
      }, uuid(RSC_SERVICE), uuid(SC_CONTROL_POINT)),
    );
  }

  async onDescriptorOperation({ descriptorId, type, data }) {
    const short = this.descriptors.get(descriptorId);
    const target = `${short === undefined ? '?' : hex(short)}/${hex(CCCD)}`;
    this.record({ op: `descriptor-${type}`, target, code: 0, bytes: bytesOf(data) });
    const answer = { descriptorId, type, code: 0, ...(type === 'read' ? { data: base64([0, 0]) } : {}) };
    await this.quietly(`answering descriptor ${type}`, () =>
      this.bt.send('BluetoothEmulation.simulateDescriptorOperationResponse', answer),
    );
  }

  // Chromium sends deviceRequestPrompted more than once for one chooser; answering it twice
  // closes the page, so each prompt id is answered at most once.
  async onPrompt({ id, devices }) {
    if (this.answeredPrompts.has(id)) return;
    if (!this.openPrompts.has(id)) this.record({ op: 'chooser-opened', target: id, devices: devices.map((d) => d.id) });
    this.openPrompts.set(id, devices);
    await this.answerPrompts();
  }

  async answerPrompts() {
    const action = this.chooserAnswer;
    if (action === null) return;
    for (const [id, devices] of this.openPrompts) {
      const device = devices.find((d) => d.id === this.config.address) ?? devices[0];
      // The footpod may show up in a later event for the same prompt.
      if (action === 'select' && !device) continue;
      this.openPrompts.delete(id);
      this.answeredPrompts.add(id);
      this.chooserAnswer = null;
      this.record({ op: `chooser-${action}`, target: id, ...(device && action === 'select' ? { device: device.id } : {}) });
      await this.quietly(`answering chooser ${id}`, () =>
        action === 'select'
          ? this.deviceAccess.send('DeviceAccess.selectPrompt', { id, deviceId: device.id })
          : this.deviceAccess.send('DeviceAccess.cancelPrompt', { id }),
      );
      return;
    }
  }

  async dropLink() {
    let ready;
    this.databaseReady = new Promise((resolve) => (ready = resolve));
    try {
      this.record({ op: 'link-dropped', target: this.config.address });
      await this.bt.send('BluetoothEmulation.simulateGATTDisconnection', { address: this.config.address });
      await this.buildDatabase();
    } finally {
      ready();
    }
  }

  async advertise(rssi) {
    // Leaving out appearance, txPower or manufacturerData crashes Chromium 156's browser process.
    await this.bt.send('BluetoothEmulation.simulateAdvertisement', {
      entry: {
        deviceAddress: this.config.address,
        rssi,
        scanRecord: { name: this.config.name, uuids: [uuid(RSC_SERVICE)], appearance: 0, txPower: 0, manufacturerData: [] },
      },
    });
    this.record({ op: 'advertised', target: this.config.address });
  }

  async dispose() {
    if (this.disposed) return;
    this.disposed = true;
    await this.bt?.send('BluetoothEmulation.disable').catch(() => undefined);
    await this.deviceAccess?.send('DeviceAccess.disable').catch(() => undefined);
    await this.bt?.detach().catch(() => undefined);
    await this.deviceAccess?.detach().catch(() => undefined);
  }
}

function setupConfig(payload = {}) {
  const config = { ...defaults, ...payload };
  config.address = String(config.address).toUpperCase();
  // A lower-case address leaves Chrome's chooser empty.
  if (!/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(config.address)) {
    throw new Error(`bt-setup address must look like 0A:0B:0C:0D:0E:0F, not ${payload.address}`);
  }
  if (!['powered-on', 'powered-off', 'absent'].includes(config.adapter)) {
    throw new Error(`bt-setup adapter must be 'powered-on', 'powered-off' or 'absent', not ${config.adapter}`);
  }
  bytesFrom(config.feature, 'feature');
  if (config.sensorLocation !== null) bytesFrom([config.sensorLocation], 'sensorLocation');
  if (config.battery !== null) bytesFrom([config.battery], 'battery');
  bytesFrom(config.supportedLocations, 'supportedLocations');
  for (const [opCode, answer] of Object.entries(config.controlPointAnswers)) {
    if (!(answer in CONTROL_POINT_ANSWERS)) {
      throw new Error(`controlPointAnswers[${opCode}] must be one of ${Object.keys(CONTROL_POINT_ANSWERS).join(', ')}, not ${answer}`);
    }
  }
  if (config.deviceInformation !== null && typeof config.deviceInformation !== 'object') {
    throw new Error('deviceInformation must be null or { manufacturerName?, modelNumber?, firmwareRevision? }');
  }
  return config;
}

/**
 * @param {{ leaseTimeoutMs?: number }} [options] how long bt-setup waits for another test file
 *   to finish with the one emulated adapter.
 */
export function bluetoothEmulationPlugin({ leaseTimeoutMs = 60_000 } = {}) {
  const rigs = new Map();
  const leases = new WeakMap();
  const leaseFor = (browser) => {
    if (!leases.has(browser)) leases.set(browser, new AdapterLease());
    return leases.get(browser);
  };

  const pageOf = (session) => {
    if (session.browser.type !== 'puppeteer' || typeof session.browser.getPage !== 'function') {
      throw new Error('The bt-… commands need the Chrome launcher (@web/test-runner-chrome)');
    }
    return session.browser.getPage(session.id);
  };

  const end = async (sessionId) => {
    const rig = rigs.get(sessionId);
    if (!rig) return;
    rigs.delete(sessionId);
    rig.page.off('framenavigated', rig.onNavigated);
    rig.page.off('close', rig.onClosed);
    await rig.dispose();
    leaseFor(rig.page.browser()).release(sessionId);
  };

  const rigOf = (session, command) => {
    const rig = rigs.get(session.id);
    if (!rig) throw new Error(`${command} needs bt-setup first`);
    return rig;
  };

  const setup = async (session, payload) => {
    const config = setupConfig(payload);
    const page = pageOf(session);
    if (rigs.has(session.id)) await end(session.id);
    await leaseFor(page.browser()).acquire(session.id, leaseTimeoutMs);
    const rig = new Rig(page, config);
    // The runner moves a finished session's page to about:blank; the rig ends with it. (Other
    // main-frame navigations can be a router's pushState within the same test page.)
    rig.onNavigated = (frame) => {
      if (frame === page.mainFrame() && frame.url() === 'about:blank') void end(session.id);
    };
    rig.onClosed = () => void end(session.id);
    rigs.set(session.id, rig);
    page.on('framenavigated', rig.onNavigated);
    page.on('close', rig.onClosed);
    try {
      // Watching advertisements and the chooser want the visible tab; see bt-click.
      await page.bringToFront();
      await rig.start();
    } catch (error) {
      await end(session.id);
      throw error;
    }
    return { address: config.address };
  };

  const commands = {
    'bt-setup': (session, payload) => setup(session, payload),
    'bt-teardown': async (session) => {
      const rig = rigs.get(session.id);
      await end(session.id);
      return { errors: rig ? rig.errors : [] };
    },
    'bt-chooser': async (session, { action } = {}) => {
      if (action !== 'select' && action !== 'cancel') throw new Error(`bt-chooser action must be 'select' or 'cancel'`);
      const rig = rigOf(session, 'bt-chooser');
      rig.chooserAnswer = action;
      await rig.answerPrompts();
      return { ok: true };
    },
    'bt-click': async (session, { selector } = {}) => {
      if (typeof selector !== 'string') throw new Error('bt-click needs a selector');
      const page = pageOf(session);
      // Test files can share one browser, and puppeteer's click() on a background tab takes the
      // whole of Chromium 156 down ("Target closed"), Bluetooth or not; Chrome also opens the
      // device chooser only for the tab in front.
      await page.bringToFront();
      // A real mouse click through CDP, so the page gets a user activation; `>>>` pierces shadow roots.
      await page.click(selector);
      return { ok: true };
    },
    // Grants or denies a permission for the test page's origin, as the runner would in Chrome's
    // site settings (e.g. 'screen-wake-lock'), through the DevTools protocol.
    'page-permission': async (session, { permission, setting } = {}) => {
      if (typeof permission?.name !== 'string' || !['granted', 'denied', 'prompt'].includes(setting)) {
        throw new Error('page-permission needs a permission descriptor and a setting (granted, denied or prompt)');
      }
      const page = pageOf(session);
      // A browser-wide command: sent to the browser's own target, for the page's browser context.
      const cdp = await page.browser().target().createCDPSession();
      try {
        const browserContextId = page.browserContext().id;
        await cdp.send('Browser.setPermission', {
          permission,
          setting,
          origin: new URL(page.url()).origin,
          ...(browserContextId ? { browserContextId } : {}),
        });
      } finally {
        await cdp.detach();
      }
      return { ok: true };
    },
    // The page in front: only a visible page may hold a wake lock or play without throttling.
    'page-front': async (session) => {
      await pageOf(session).bringToFront();
      return { ok: true };
    },
    'bt-queue-measurement': (session, { bytes } = {}) => {
      rigOf(session, 'bt-queue-measurement').measurements.push(bytesFrom(bytes, 'bytes'));
      return { ok: true };
    },
    'bt-disconnect': async (session) => {
      await rigOf(session, 'bt-disconnect').dropLink();
      return { ok: true };
    },
    'bt-fail-connections': (session, { count, code = DEFAULT_CONNECTION_FAILURE } = {}) => {
      if (!Number.isInteger(count) || count < 0) throw new Error('bt-fail-connections needs a count ≥ 0');
      if (!Number.isInteger(code) || code <= 0 || code > 0xff) throw new Error('bt-fail-connections code must be an HCI error 1-255');
      const rig = rigOf(session, 'bt-fail-connections');
      rig.failConnections = count;
      rig.failureCode = code;
      return { ok: true };
    },
    'bt-adapter': async (session, { state } = {}) => {
      if (!['powered-on', 'powered-off', 'absent'].includes(state)) throw new Error(`bt-adapter state ${state} is not a central state`);
      const rig = rigOf(session, 'bt-adapter');
      await rig.bt.send('BluetoothEmulation.setSimulatedCentralState', { state });
      rig.record({ op: 'adapter', target: state });
      return { ok: true };
    },
    'bt-advertise': async (session, { rssi = -50 } = {}) => {
      await rigOf(session, 'bt-advertise').advertise(rssi);
      return { ok: true };
    },
    'bt-log': (session) => {
      const rig = rigOf(session, 'bt-log');
      return { entries: rig.log, errors: rig.errors };
    },
  };

  return {
    name: 'bluetooth-emulation',
    async executeCommand({ command, payload, session }) {
      const run = commands[command];
      if (!run) return undefined;
      return run(session, payload ?? {});
    },
    async serverStop() {
      await Promise.all([...rigs.keys()].map((id) => end(id)));
    },
  };
}
