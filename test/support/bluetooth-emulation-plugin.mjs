// A @web/test-runner plugin that lets in-browser tests drive Chromium's own Web Bluetooth stack:
// an emulated adapter with a footpod and, on request, treadmills and heart-rate straps (CDP
// BluetoothEmulation, on the browser target), answers to the device chooser (CDP DeviceAccess,
// on the page) and real clicks. Tests reach it through executeServerCommand('bt-…', payload);
// test/support/emulated-footpod.ts and emulated-sensors.ts wrap every command. Commands about
// one device take its `address` (or `name`); without either they mean the bt-setup footpod.
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
const FITNESS_MACHINE_SERVICE = 0x1826;
const FITNESS_MACHINE_FEATURE = 0x2acc;
const TREADMILL_DATA = 0x2acd;
const SUPPORTED_SPEED_RANGE = 0x2ad4;
const SUPPORTED_INCLINATION_RANGE = 0x2ad5;
const FITNESS_MACHINE_CONTROL_POINT = 0x2ad9;
const FITNESS_MACHINE_STATUS = 0x2ada;
const HEART_RATE_SERVICE = 0x180d;
const HEART_RATE_MEASUREMENT = 0x2a37;
const BODY_SENSOR_LOCATION = 0x2a38;

// How the emulated pod answers each SC Control Point op code: a response value (RSC spec), or
// 'never' for a pod that takes the write and stays silent.
const CONTROL_POINT_ANSWERS = { success: 1, 'not-supported': 2, 'invalid-parameter': 3, failed: 4, never: null };

// How the emulated treadmill answers a Fitness Machine Control Point op code: 'success', a result
// code (FTMS 4.16.2.22: 2 not supported, 3 invalid parameter, 4 failed, 5 control not permitted),
// or 'never' for a treadmill that takes the write and stays silent.
const FTMS_SUCCESS = 0x01;

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

/** One emulated device: what it is, its database's ids, and what the test queued for it. */
class Peripheral {
  measurements = [];
  indications = [];
  // Fitness Machine Status values the test queued, delivered as the answers to reads of 0x2ADA.
  statuses = [];
  failConnections = 0;
  failureCode = DEFAULT_CONNECTION_FAILURE;
  // GATT operations wait here while the database is rebuilt after a simulated disconnection.
  databaseReady = Promise.resolve();

  /** @param {'footpod' | 'treadmill' | 'heart-rate'} kind */
  constructor(kind, config) {
    this.kind = kind;
    this.config = config;
    this.address = config.address;
    this.name = config.name;
  }

  /** The services the device advertises and the chooser filters on. */
  get advertisedServices() {
    if (this.kind === 'footpod') return [uuid(RSC_SERVICE)];
    if (this.kind === 'heart-rate') return [uuid(HEART_RATE_SERVICE)];
    return this.config.alsoRsc ? [uuid(FITNESS_MACHINE_SERVICE), uuid(RSC_SERVICE)] : [uuid(FITNESS_MACHINE_SERVICE)];
  }
}

/** The emulated adapter and every device in range, for one test session's page. */
class Rig {
  log = [];
  errors = [];
  // { action: 'select' | 'cancel', address: string | null } for the next chooser, or null.
  chooserAnswer = null;
  openPrompts = new Map();
  answeredPrompts = new Set();
  /** @type {Map<string, Peripheral>} by address */
  peripherals = new Map();
  /** The bt-setup footpod, the default target of every per-device command; null without an adapter. */
  footpod = null;
  // Ids Chromium gave the characteristics and descriptors → { peripheral, short }.
  characteristics = new Map();
  descriptors = new Map();
  disposed = false;

  constructor(page, config) {
    this.page = page;
    this.config = config;
    this.adapterState = config.adapter;
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
      this.footpod = await this.addPeripheral('footpod', config, { forgetPairings: !config.keepPairings });
    }
    await this.deviceAccess.send('DeviceAccess.enable');
    this.deviceAccess.on('DeviceAccess.deviceRequestPrompted', (event) => void this.onPrompt(event));
  }

  async addPeripheral(kind, config, { forgetPairings = false } = {}) {
    const peripheral = new Peripheral(kind, config);
    await this.bt.send('BluetoothEmulation.simulatePreconnectedPeripheral', {
      address: peripheral.address,
      name: peripheral.name,
      manufacturerData: [],
      knownServiceUuids: peripheral.advertisedServices,
    });
    this.peripherals.set(peripheral.address, peripheral);
    // Chrome keeps a pairing per origin across emulation sessions; a test starts unpaired.
    if (forgetPairings) await this.forgetPairings();
    await this.buildDatabase(peripheral);
    return peripheral;
  }

  /** The device a command names by address or by name; the footpod when it names none. */
  peripheralFor({ address, name } = {}, command) {
    let found;
    if (address !== undefined) found = this.peripherals.get(String(address).toUpperCase());
    else if (name !== undefined) found = [...this.peripherals.values()].find((p) => p.name === name);
    else found = this.footpod;
    if (!found) throw new Error(`${command}: no emulated device ${address ?? name ?? '(the footpod: the adapter is absent)'}`);
    return found;
  }

  async forgetPairings() {
    await this.page.evaluate(async () => {
      const bluetooth = navigator.bluetooth;
      for (const device of (await bluetooth?.getDevices?.()) ?? []) await device.forget();
    });
  }

  /** One device's services; Chromium's fake peripheral drops them on every disconnection. */
  async buildDatabase(peripheral) {
    const { bt } = this;
    const { address, config, kind } = peripheral;
    for (const map of [this.characteristics, this.descriptors]) {
      for (const [id, entry] of map) if (entry.peripheral === peripheral) map.delete(id);
    }
    const service = async (short) => (await bt.send('BluetoothEmulation.addService', { address, serviceUuid: uuid(short) })).serviceId;
    const add = async (serviceId, short, properties) => {
      const { characteristicId } = await bt.send('BluetoothEmulation.addCharacteristic', {
        serviceId,
        characteristicUuid: uuid(short),
        properties,
      });
      this.characteristics.set(characteristicId, { peripheral, short });
      if (properties.notify || properties.indicate) {
        // Without the CCCD, startNotifications() fails with "GATT Error: Not supported."
        const { descriptorId } = await bt.send('BluetoothEmulation.addDescriptor', {
          characteristicId,
          descriptorUuid: uuid(CCCD),
        });
        this.descriptors.set(descriptorId, { peripheral, short });
      }
    };
    if (kind === 'treadmill') {
      const ftms = await service(FITNESS_MACHINE_SERVICE);
      if (config.machineFeature !== null) await add(ftms, FITNESS_MACHINE_FEATURE, { read: true });
      // `read` too: the plugin delivers each notification as the answer to a read (see ble-emulation.md).
      await add(ftms, TREADMILL_DATA, { notify: true, read: true });
      if (config.speedRange !== null) await add(ftms, SUPPORTED_SPEED_RANGE, { read: true });
      if (config.inclineRange !== null) await add(ftms, SUPPORTED_INCLINATION_RANGE, { read: true });
      if (config.status) await add(ftms, FITNESS_MACHINE_STATUS, { notify: true, read: true });
      if (config.controlPoint) await add(ftms, FITNESS_MACHINE_CONTROL_POINT, { write: true, indicate: true, read: true });
    }
    if (kind === 'heart-rate') {
      const hr = await service(HEART_RATE_SERVICE);
      await add(hr, HEART_RATE_MEASUREMENT, { notify: true, read: true });
      await add(hr, BODY_SENSOR_LOCATION, { read: true });
    }
    if (kind === 'footpod' || config.alsoRsc) {
      const rsc = await service(RSC_SERVICE);
      await add(rsc, RSC_MEASUREMENT, { notify: true, read: true });
      await add(rsc, RSC_FEATURE, { read: true });
      if (kind === 'footpod') {
        if (config.sensorLocation !== null) await add(rsc, SENSOR_LOCATION, { read: true });
        await add(rsc, SC_CONTROL_POINT, { write: true, indicate: true, read: true });
      }
    }
    if (config.battery !== null) await add(await service(BATTERY_SERVICE), BATTERY_LEVEL, { read: true, notify: true });
    if (config.deviceInformation) {
      const serviceId = await service(DEVICE_INFORMATION);
      for (const [field, short] of Object.entries(DEVICE_INFORMATION_STRINGS)) {
        if (typeof config.deviceInformation[field] === 'string') await add(serviceId, short, { read: true });
      }
    }
  }

  async onGattOperation({ address, type }) {
    const peripheral = this.peripherals.get(address);
    await peripheral?.databaseReady;
    let code = 0;
    // Chromium's emulation still connects through a 'powered-off' adapter; a real one cannot.
    if (type === 'connection' && this.adapterState !== 'powered-on') {
      code = DEFAULT_CONNECTION_FAILURE;
    } else if (type === 'connection' && peripheral && peripheral.failConnections > 0) {
      peripheral.failConnections--;
      code = peripheral.failureCode;
    }
    this.record({ op: type, target: address, code });
    await this.quietly(`answering ${type}`, () =>
      this.bt.send('BluetoothEmulation.simulateGATTOperationResponse', { address, type, code }),
    );
  }

  readAnswer({ peripheral, short }) {
    const { config } = peripheral;
    if (short === RSC_MEASUREMENT || short === TREADMILL_DATA || short === HEART_RATE_MEASUREMENT) {
      return peripheral.measurements.shift();
    }
    if (short === RSC_FEATURE) return config.feature;
    if (short === SENSOR_LOCATION) return [config.sensorLocation];
    if (short === SC_CONTROL_POINT) return peripheral.indications.shift();
    if (short === FITNESS_MACHINE_FEATURE) return config.machineFeature;
    if (short === SUPPORTED_SPEED_RANGE) return config.speedRange;
    if (short === SUPPORTED_INCLINATION_RANGE) return config.inclineRange;
    if (short === FITNESS_MACHINE_STATUS) return peripheral.statuses.shift();
    if (short === FITNESS_MACHINE_CONTROL_POINT) return peripheral.indications.shift();
    if (short === BODY_SENSOR_LOCATION) return [config.bodySensorLocation];
    if (short === BATTERY_LEVEL) return [config.battery];
    for (const [field, code] of Object.entries(DEVICE_INFORMATION_STRINGS)) {
      if (short === code) return [...Buffer.from(config.deviceInformation[field], 'utf8')];
    }
    return [];
  }

  async onCharacteristicOperation({ characteristicId, type, data }) {
    const found = this.characteristics.get(characteristicId);
    const target = found === undefined ? characteristicId : hex(found.short);
    const address = found?.peripheral.address;
    const answer = { characteristicId, type, code: 0 };
    if (type === 'read') {
      const bytes = found === undefined ? [] : this.readAnswer(found);
      if (bytes === undefined) answer.code = ATT_UNLIKELY_ERROR;
      else answer.data = base64(bytes);
      this.record({ op: type, target, address, code: answer.code, bytes });
    } else {
      this.record({ op: type, target, address, code: 0, bytes: bytesOf(data) });
    }
    await this.quietly(`answering ${type} of ${target}`, () =>
      this.bt.send('BluetoothEmulation.simulateCharacteristicOperationResponse', answer),
    );
    if (type === 'write' && found?.short === SC_CONTROL_POINT) await this.answerControlPoint(found.peripheral, bytesOf(data) ?? []);
    if (type === 'write' && found?.short === FITNESS_MACHINE_CONTROL_POINT) await this.answerFtmsControlPoint(found.peripheral, bytesOf(data) ?? []);
  }

  /** The pod's indication for a request on 0x2A55, as configured per op code; none for 'never'. */
  async answerControlPoint(peripheral, request) {
    const opCode = request[0];
    const value = CONTROL_POINT_ANSWERS[peripheral.config.controlPointAnswers[opCode] ?? 'success'];
    if (value === null || opCode === undefined) return;
    const locations = opCode === 4 && value === 1 ? peripheral.config.supportedLocations : [];
    await this.indicate(peripheral, RSC_SERVICE, SC_CONTROL_POINT, [0x10, opCode, value, ...locations]);
  }

  /** The treadmill's indication for a request on 0x2AD9 (0x80, op code, result), as configured per op code; none for 'never'. */
  async answerFtmsControlPoint(peripheral, request) {
    const opCode = request[0];
    const answer = peripheral.config.ftmsAnswers[opCode] ?? 'success';
    if (answer === 'never' || opCode === undefined) return;
    await this.indicate(peripheral, FITNESS_MACHINE_SERVICE, FITNESS_MACHINE_CONTROL_POINT, [0x80, opCode, answer === 'success' ? FTMS_SUCCESS : answer]);
  }

  async indicate(peripheral, service, characteristic, bytes) {
    peripheral.indications.push(bytes);
    this.record({ op: 'indication', target: hex(characteristic), address: peripheral.address, code: 0, bytes });
    await this.deliver(peripheral, service, characteristic, 'a control point indication');
  }

  /**
   * No CDP command pushes a value; a read from the page is answered with the queued bytes, and
   * Chromium fires 'characteristicvaluechanged' on the characteristic object the app listens to.
   * The page cannot see addresses, so it finds the device by its name (distinct within a rig).
   */
  async deliver(peripheral, service, characteristic, what) {
    await this.quietly(`delivering ${what}`, () =>
      this.page.evaluate(
        async (name, service, characteristic) => {
          const devices = await navigator.bluetooth.getDevices();
          const device = devices.find((d) => d.name === name) ?? devices[0];
          try {
            await (await (await device.gatt.getPrimaryService(service)).getCharacteristic(characteristic)).readValue();
          } catch {
            // The link went meanwhile; the app's own timeout or link-lost handling takes over.
          }
        },
        peripheral.name,
        uuid(service),
        uuid(characteristic),
      ),
    );
  }

  async onDescriptorOperation({ descriptorId, type, data }) {
    const found = this.descriptors.get(descriptorId);
    const target = `${found === undefined ? '?' : hex(found.short)}/${hex(CCCD)}`;
    this.record({ op: `descriptor-${type}`, target, address: found?.peripheral.address, code: 0, bytes: bytesOf(data) });
    const answer = { descriptorId, type, code: 0, ...(type === 'read' ? { data: base64([0, 0]) } : {}) };
    await this.quietly(`answering descriptor ${type}`, () =>
      this.bt.send('BluetoothEmulation.simulateDescriptorOperationResponse', answer),
    );
  }

  // Chromium sends deviceRequestPrompted more than once for one chooser; answering it twice
  // closes the page, so each prompt id is answered at most once.
  async onPrompt({ id, devices }) {
    if (this.answeredPrompts.has(id)) return;
    // The entry lists every device the chooser showed before it was answered, as later events add them.
    const opened = this.log.find((e) => e.op === 'chooser-opened' && e.target === id);
    if (opened) opened.devices = [...new Set([...opened.devices, ...devices.map((d) => d.id)])];
    else this.record({ op: 'chooser-opened', target: id, devices: devices.map((d) => d.id) });
    this.openPrompts.set(id, devices);
    await this.answerPrompts();
  }

  async answerPrompts() {
    const answer = this.chooserAnswer;
    if (answer === null) return;
    const { action, address } = answer;
    for (const [id, devices] of this.openPrompts) {
      // A named address is waited for; otherwise the footpod, or else whatever the chooser lists.
      const device = address ? devices.find((d) => d.id === address) : (devices.find((d) => d.id === this.footpod?.address) ?? devices[0]);
      // The device may show up in a later event for the same prompt.
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

  async dropLink(peripheral) {
    let ready;
    peripheral.databaseReady = new Promise((resolve) => (ready = resolve));
    try {
      this.record({ op: 'link-dropped', target: peripheral.address });
      await this.bt.send('BluetoothEmulation.simulateGATTDisconnection', { address: peripheral.address });
      await this.buildDatabase(peripheral);
    } finally {
      ready();
    }
  }

  async advertise(peripheral, rssi) {
    // Leaving out appearance, txPower or manufacturerData crashes Chromium 156's browser process.
    await this.bt.send('BluetoothEmulation.simulateAdvertisement', {
      entry: {
        deviceAddress: peripheral.address,
        rssi,
        scanRecord: { name: peripheral.name, uuids: peripheral.advertisedServices, appearance: 0, txPower: 0, manufacturerData: [] },
      },
    });
    this.record({ op: 'advertised', target: peripheral.address });
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

const peripheralDefaults = {
  treadmill: {
    name: 'Emulated treadmill',
    address: '1A:1B:1C:1D:1E:1F',
    alsoRsc: false,
    battery: null,
    // Fitness Machine Features: average speed, total distance, inclination; target settings:
    // speed and inclination (FTMS 4.3.1).
    machineFeature: [0x0d, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00],
    // The RSC Feature of a treadmill that also offers RSC: total distance only.
    feature: [0x02, 0x00],
    // 1.00-20.00 km/h in 0.10 steps; 0.0-15.0 % in 0.5 steps. null: no such characteristic.
    speedRange: [0x64, 0x00, 0xd0, 0x07, 0x0a, 0x00],
    inclineRange: [0x00, 0x00, 0x96, 0x00, 0x05, 0x00],
    // Fitness Machine Control Point (0x2AD9) and Status (0x2ADA).
    controlPoint: true,
    status: true,
    // Op code → 'success', a result code 2-255, or 'never'; op codes left out succeed.
    ftmsAnswers: {},
  },
  'heart-rate': {
    name: 'Emulated strap',
    address: '2A:2B:2C:2D:2E:2F',
    battery: 64,
    bodySensorLocation: 1, // chest
  },
};

function validAddress(address, command) {
  const upper = String(address).toUpperCase();
  // A lower-case address leaves Chrome's chooser empty.
  if (!/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(upper)) throw new Error(`${command} address must look like 0A:0B:0C:0D:0E:0F, not ${address}`);
  return upper;
}

function peripheralConfig(payload) {
  const kind = payload.kind;
  if (!(kind in peripheralDefaults)) throw new Error(`bt-add-peripheral kind must be 'treadmill' or 'heart-rate', not ${kind}`);
  const config = { ...peripheralDefaults[kind], ...payload, kind, deviceInformation: null };
  config.address = validAddress(config.address, 'bt-add-peripheral');
  if (typeof config.name !== 'string' || config.name === '') throw new Error('bt-add-peripheral needs a name');
  if (config.battery !== null) bytesFrom([config.battery], 'battery');
  if (kind === 'treadmill') {
    for (const field of ['machineFeature', 'speedRange', 'inclineRange']) if (config[field] !== null) bytesFrom(config[field], field);
    for (const [opCode, answer] of Object.entries(config.ftmsAnswers)) {
      if (answer !== 'success' && answer !== 'never' && !(Number.isInteger(answer) && answer >= 2 && answer <= 255)) {
        throw new Error(`ftmsAnswers[${opCode}] must be 'success', 'never' or a result code 2-255, not ${answer}`);
      }
    }
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
    'bt-add-peripheral': async (session, payload = {}) => {
      const rig = rigOf(session, 'bt-add-peripheral');
      const config = peripheralConfig(payload);
      if (rig.peripherals.has(config.address)) throw new Error(`bt-add-peripheral: ${config.address} is in use already`);
      // The page finds a device by name (it cannot see addresses), so names stay distinct.
      if ([...rig.peripherals.values()].some((p) => p.name === config.name)) {
        throw new Error(`bt-add-peripheral: the name ${config.name} is in use already`);
      }
      await rig.addPeripheral(config.kind, config);
      return { address: config.address, name: config.name };
    },
    'bt-chooser': async (session, { action, address, name } = {}) => {
      if (action !== 'select' && action !== 'cancel') throw new Error(`bt-chooser action must be 'select' or 'cancel'`);
      const rig = rigOf(session, 'bt-chooser');
      const chosen = address !== undefined || name !== undefined ? rig.peripheralFor({ address, name }, 'bt-chooser').address : null;
      rig.chooserAnswer = { action, address: chosen };
      await rig.answerPrompts();
      return { ok: true };
    },
    'bt-click': async (session, { selector, x, y } = {}) => {
      const at = Number.isFinite(x) && Number.isFinite(y);
      if (typeof selector !== 'string' && !at) throw new Error('bt-click needs a selector, or x and y');
      const page = pageOf(session);
      // Test files can share one browser, and puppeteer's click() on a background tab takes the
      // whole of Chromium 156 down ("Target closed"), Bluetooth or not; Chrome also opens the
      // device chooser only for the tab in front.
      await page.bringToFront();
      // A real mouse click through CDP, so the page gets a user activation; `>>>` pierces shadow
      // roots. At x, y (viewport pixels) it lands in whatever frame is there, e.g. an iframe's app.
      if (at) await page.mouse.click(x, y);
      else await page.click(selector);
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
    // Queues the answer to the device's next measurement read; answers which device that is, so
    // the page can find it by name and make the read.
    'bt-queue-measurement': (session, { bytes, address, name } = {}) => {
      const peripheral = rigOf(session, 'bt-queue-measurement').peripheralFor({ address, name }, 'bt-queue-measurement');
      peripheral.measurements.push(bytesFrom(bytes, 'bytes'));
      return { ok: true, address: peripheral.address, name: peripheral.name, kind: peripheral.kind };
    },
    // Queues many measurements at once (a flood or a long run fed fast): the page then reads the
    // characteristic once per packet without a round trip to the test runner for each.
    'bt-queue-measurements': (session, { packets, address, name } = {}) => {
      if (!Array.isArray(packets)) throw new Error('bt-queue-measurements needs packets: an array of byte arrays');
      const peripheral = rigOf(session, 'bt-queue-measurements').peripheralFor({ address, name }, 'bt-queue-measurements');
      peripheral.measurements.push(...packets.map((bytes, i) => bytesFrom(bytes, `packets[${i}]`)));
      return { ok: true, address: peripheral.address, name: peripheral.name, kind: peripheral.kind };
    },
    // Queues a Fitness Machine Status value and has the page read 0x2ADA, which Chromium announces
    // to the app as a notification.
    'bt-send-status': async (session, { bytes, address, name } = {}) => {
      const rig = rigOf(session, 'bt-send-status');
      const peripheral = rig.peripheralFor({ address, name }, 'bt-send-status');
      if (peripheral.kind !== 'treadmill') throw new Error(`bt-send-status: ${peripheral.name} is not a treadmill`);
      peripheral.statuses.push(bytesFrom(bytes, 'bytes'));
      rig.record({ op: 'status', target: hex(FITNESS_MACHINE_STATUS), address: peripheral.address, code: 0, bytes });
      await rig.deliver(peripheral, FITNESS_MACHINE_SERVICE, FITNESS_MACHINE_STATUS, 'a status');
      return { ok: true };
    },
    // Changes how the treadmill answers its control point from now on, e.g. silent for speeds.
    'bt-ftms-answers': (session, { answers, address, name } = {}) => {
      const peripheral = rigOf(session, 'bt-ftms-answers').peripheralFor({ address, name }, 'bt-ftms-answers');
      if (peripheral.kind !== 'treadmill') throw new Error(`bt-ftms-answers: ${peripheral.name} is not a treadmill`);
      peripheral.config = peripheralConfig({ ...peripheral.config, ftmsAnswers: answers ?? {} });
      return { ok: true };
    },
    'bt-disconnect': async (session, { address, name } = {}) => {
      const rig = rigOf(session, 'bt-disconnect');
      await rig.dropLink(rig.peripheralFor({ address, name }, 'bt-disconnect'));
      return { ok: true };
    },
    'bt-fail-connections': (session, { count, code = DEFAULT_CONNECTION_FAILURE, address, name } = {}) => {
      if (!Number.isInteger(count) || count < 0) throw new Error('bt-fail-connections needs a count ≥ 0');
      if (!Number.isInteger(code) || code <= 0 || code > 0xff) throw new Error('bt-fail-connections code must be an HCI error 1-255');
      const peripheral = rigOf(session, 'bt-fail-connections').peripheralFor({ address, name }, 'bt-fail-connections');
      peripheral.failConnections = count;
      peripheral.failureCode = code;
      return { ok: true };
    },
    'bt-adapter': async (session, { state } = {}) => {
      if (!['powered-on', 'powered-off', 'absent'].includes(state)) throw new Error(`bt-adapter state ${state} is not a central state`);
      const rig = rigOf(session, 'bt-adapter');
      await rig.bt.send('BluetoothEmulation.setSimulatedCentralState', { state });
      rig.adapterState = state;
      rig.record({ op: 'adapter', target: state });
      return { ok: true };
    },
    'bt-advertise': async (session, { rssi = -50, address, name } = {}) => {
      const rig = rigOf(session, 'bt-advertise');
      await rig.advertise(rig.peripheralFor({ address, name }, 'bt-advertise'), rssi);
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
