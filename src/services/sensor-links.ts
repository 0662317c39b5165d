// What SensorService loads on first use: the treadmill's and the strap's sources (real or
// simulated), their remembered devices, and the forwarding of their bytes into the footpod's live
// session. Apart from the service so none of it is in the first load.
//
// Events: 'change' (a sensor's state, info or remembered device changed).

import { MeasurementEvent } from '../sources/footpod-source.js';
import type { SensorSource } from '../sources/sensor-source.js';
import { type ExtraSensor, type PairableSensor, type SensorLoaders, extraSensors, rememberDeviceId } from './extra-sensors.js';
import type { FootpodService } from './footpod-service.js';
import type { SettingsService } from './settings-service.js';

const defaultLoaders: SensorLoaders = {
  treadmill: async (options) => new (await import('../sources/web-bluetooth-treadmill.js')).WebBluetoothTreadmill(undefined, options),
  'heart-rate': async (options) => new (await import('../sources/web-bluetooth-heart-rate.js')).WebBluetoothHeartRate(undefined, options),
};

const settingsKey = { treadmill: 'treadmillId', 'heart-rate': 'heartRateId' } as const;

export class SensorLinks extends EventTarget {
  readonly #sources: Partial<Record<ExtraSensor, PairableSensor>> = {};
  /** A simulated treadmill or strap, when the runner tries them without hardware; used instead of the real one. */
  readonly #simulated: Partial<Record<ExtraSensor, SensorSource>> = {};
  readonly #loading: Partial<Record<ExtraSensor, Promise<PairableSensor>>> = {};
  readonly #remembered: Partial<Record<ExtraSensor, { name: string | null } | null>> = {};
  readonly #loaders: SensorLoaders;
  /** The parsers for these sensors' bytes, loaded with them. */
  #ingest: typeof import('../session/sensor-ingest.js') | null = null;

  readonly #connected: Partial<Record<ExtraSensor, boolean>> = {};

  readonly #onChange = (): void => {
    this.#followLinks();
    this.#rememberConnected();
    this.dispatchEvent(new Event('change'));
  };

  constructor(
    private readonly footpod: FootpodService,
    private readonly settings: SettingsService,
    loaders: Partial<SensorLoaders> = {},
  ) {
    super();
    this.#loaders = { ...defaultLoaders, ...loaders };
    // A sensor that connected before the stored settings were read is remembered once they are.
    settings.addEventListener('change', () => this.#rememberConnected());
  }

  /** The sensor in use (the simulated one while simulating), once its code has loaded; null before. */
  source(sensor: ExtraSensor): SensorSource | null {
    return this.#simulated[sensor] ?? this.#sources[sensor] ?? null;
  }

  /** True while a simulated treadmill and strap stand in for real ones. */
  get simulating(): boolean {
    return Object.keys(this.#simulated).length > 0;
  }

  /** A sensor this browser paired before, offered for reconnecting without the chooser. */
  remembered(sensor: ExtraSensor): { name: string | null } | null {
    return this.#remembered[sensor] ?? null;
  }

  /** Loads both sensors and looks for remembered devices; call before showing the pair buttons. */
  async prepare(): Promise<void> {
    await Promise.all(
      extraSensors.map(async (sensor) => {
        const source = await this.#load(sensor);
        this.#remembered[sensor] = this.settings.settings.sensors[settingsKey[sensor]] === null ? null : await source.findRemembered();
      }),
    );
    this.dispatchEvent(new Event('change'));
  }

  /** Opens the browser's chooser for this sensor: call from a click. */
  async pair(sensor: ExtraSensor): Promise<void> {
    this.#stopSimulating(sensor);
    // Loaded already when the pair button shows (prepare), so the chooser opens inside the click.
    const source = this.#sources[sensor] ?? (await this.#load(sensor));
    return source.connect();
  }

  async reconnectRemembered(sensor: ExtraSensor): Promise<void> {
    this.#stopSimulating(sensor);
    const source = this.#sources[sensor] ?? (await this.#load(sensor));
    return source.connectRemembered();
  }

  disconnect(sensor: ExtraSensor): void {
    this.source(sensor)?.disconnect();
  }

  /**
   * A simulated treadmill and strap beside the simulated footpod, so the whole app shows without
   * hardware. They start where the run is, and follow a program run's belt, so the belt and the
   * pod agree on the pace.
   */
  async simulate(): Promise<void> {
    const [{ SimulatedTreadmill }, { SimulatedHeartRate }] = await Promise.all([
      import('../sources/simulated-treadmill.js'),
      import('../sources/simulated-heart-rate.js'),
      this.#loadIngest(),
    ]);
    const startAtS = Math.floor(this.footpod.session?.elapsedS ?? 0);
    // During a program run, the program's belt: a test is judged on the treadmill's speed.
    const pace = (elapsedS: number) => this.footpod.simulatedPace?.belt(elapsedS) ?? null;
    const made = { treadmill: new SimulatedTreadmill({ startAtS, pace }), 'heart-rate': new SimulatedHeartRate({ startAtS, pace }) };
    for (const sensor of extraSensors) {
      this.#sources[sensor]?.disconnect();
      this.#stopSimulating(sensor);
      const source = made[sensor];
      this.#simulated[sensor] = source;
      this.#listen(sensor, source);
      void source.connect();
    }
    this.dispatchEvent(new Event('change'));
  }

  async #loadIngest(): Promise<void> {
    this.#ingest ??= await import('../session/sensor-ingest.js');
  }

  #stopSimulating(sensor: ExtraSensor): void {
    const simulated = this.#simulated[sensor];
    if (!simulated) return;
    simulated.disconnect();
    delete this.#simulated[sensor];
    this.dispatchEvent(new Event('change'));
  }

  #listen(sensor: ExtraSensor, source: SensorSource): void {
    source.addEventListener('statechange', this.#onChange);
    source.addEventListener('info', this.#onChange);
    source.addEventListener(MeasurementEvent.type, (event) => {
      if (this.source(sensor) === source) this.#forward(sensor, event);
    });
  }

  #load(sensor: ExtraSensor): Promise<PairableSensor> {
    return (this.#loading[sensor] ??= Promise.all([
      this.#loaders[sensor]({ rememberedId: () => this.settings.settings.sensors[settingsKey[sensor]] }),
      this.#loadIngest(),
    ]).then(([source]) => {
      this.#sources[sensor] = source;
      this.#listen(sensor, source);
      this.dispatchEvent(new Event('change'));
      return source;
    }));
  }

  /** Into the footpod's live session, which keeps the latest value of each channel for its rows. */
  #forward(sensor: ExtraSensor, event: Event): void {
    if (!(event instanceof MeasurementEvent)) return;
    const session = this.footpod.session;
    const ingest = this.#ingest;
    if (!session || !ingest) return;
    if (sensor === 'treadmill') ingest.ingestTreadmill(session, event.view, event.timeMs);
    else ingest.ingestHeartRate(session, event.view);
  }

  /**
   * A sensor that went away leaves no stale value in the next seconds; a treadmill that came back
   * counts its distance from its first reading again, like a re-paired pod.
   */
  #followLinks(): void {
    for (const sensor of extraSensors) {
      const connected = this.source(sensor)?.state === 'connected';
      if (connected === (this.#connected[sensor] ?? false)) continue;
      this.#connected[sensor] = connected;
      const session = this.footpod.session;
      if (!connected) session?.forgetSensor(sensor === 'treadmill' ? 'treadmill' : 'heartRate');
      else if (sensor === 'treadmill') session?.newTreadmillSource();
    }
  }

  /** A sensor connected for the first time (or another device of its kind) is the one remembered. */
  #rememberConnected(): void {
    for (const sensor of extraSensors) {
      const source = this.#sources[sensor];
      if (source?.state !== 'connected' || this.#simulated[sensor]) continue;
      if (rememberDeviceId(this.settings, settingsKey[sensor], source.info.deviceId)) this.#remembered[sensor] = { name: source.info.deviceName };
    }
  }
}
