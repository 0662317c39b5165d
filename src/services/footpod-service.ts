// Which footpod is feeding the app, and the live session it feeds. Pages call pair(),
// simulate(), reconnectRemembered() and disconnect(); they listen for 'change' (source, state,
// info, a command's progress), 'sample' (a new reading) and 'channels' (the strap's or treadmill's
// values changed, with or without a pod reading). command() sends the Settings page's
// footpod commands (reset distance, calibrate, sensor location) to the pod in use. The code that
// sends them (the pod's SC Control Point) is not in the first load: it loads when the Settings
// page first wants `details` or a command is sent, and 'change' fires once it is there.

import { featureAllows, parseRscFeature, type RscFeature } from '../ble/rsc.js';
import type { FootpodCommand, FootpodCommandKind, FootpodDetails } from '../sources/footpod-details.js';
import type { ControlPointOutcome, FootpodControlPoint } from '../sources/footpod-control-point.js';
import { type FootpodSource, MeasurementEvent, POWER_EVENT } from '../sources/footpod-source.js';
import type { PaceAim } from '../sources/run-profile.js';
import { WebBluetoothFootpod } from '../sources/web-bluetooth-footpod.js';
import type { RunningStatus } from '../session/gait.js';
import { LiveSession } from '../session/live-session.js';
import { sameZones } from '../session/zones.js';
import type { SettingsService } from './settings-service.js';

type PowerIngest = typeof import('../session/power-ingest.js');

/**
 * What the simulators follow instead of their 60-minute plan while a program run is on; null from
 * either: the plan.
 */
export interface SimulatedPace {
  /** The runner's aim this second: the simulated pod's, asked once a second (the runner moves on with each ask). */
  runner: (elapsedS: number) => PaceAim | null;
  /** The belt under that runner now, for a simulated treadmill or strap: asking moves nothing on. */
  belt: (elapsedS: number) => PaceAim | null;
}

export interface FootpodFactories {
  bluetooth: () => WebBluetoothFootpod;
  /** May load the simulator on demand: it is not part of the first load. */
  simulator: () => FootpodSource | Promise<FootpodSource>;
}

const defaultFactories = (settings: SettingsService, runGoingOn: () => boolean, pace: (elapsedS: number) => PaceAim | null): FootpodFactories => ({
  // The pod remembered by its id; without one (paired before ids were kept) the first device the
  // browser lists that is not the treadmill or the strap.
  bluetooth: () =>
    new WebBluetoothFootpod(undefined, {
      rememberedId: () => settings.settings.sensors.footpodId,
      otherIds: () => [settings.settings.sensors.treadmillId, settings.settings.sensors.heartRateId].filter((id) => id !== null),
      // During a run the pod may sleep for longer than the retries last: the run waits for it.
      keepTrying: runGoingOn,
    }),
  simulator: async () => new (await import('../sources/simulated-footpod.js')).SimulatedFootpod({ pace }),
});

/** What the pod's RSC Feature bits let it be asked, before the control point's code has loaded. */
function offersOf(raw: DataView | null): FootpodDetails['offers'] {
  let feature: RscFeature | null = null;
  try {
    feature = raw ? parseRscFeature(raw) : null;
  } catch {
    // A malformed value offers nothing, as the control point would refuse it too.
  }
  return { resetDistance: featureAllows(feature, 1), calibrate: featureAllows(feature, 2), locations: featureAllows(feature, 3) };
}

/** Whether the pod fills in the walking/running bit; null while its feature bits are unknown or unreadable. */
function runningStatusOf(raw: DataView | null): RunningStatus {
  try {
    if (raw) return parseRscFeature(raw).walkingRunningStatusSupported ? 'reported' : 'not-reported';
  } catch {
    // A malformed value says nothing about the bit: the pod is taken at its word.
  }
  return null;
}

const noOffers: FootpodDetails['offers'] = { resetDistance: false, calibrate: false, locations: false };

const commandOf: Readonly<Record<number, FootpodCommandKind>> = {
  1: 'reset-distance',
  2: 'calibrate',
  3: 'set-location',
  4: 'list-locations',
};

export class FootpodService extends EventTarget {
  readonly bluetooth: WebBluetoothFootpod;
  /** Set while a run is being recorded: re-pairing then continues the same live session. */
  holdSession = false;
  /** What the simulators follow instead of their own run: set by the program, for its runs. */
  simulatedPace: SimulatedPace | null = null;
  #source: FootpodSource | null = null;
  #session: LiveSession | null = null;
  #remembered: { name: string | null } | null = null;
  readonly #factories: FootpodFactories;
  #lastCommand: FootpodDetails['outcome'] = null;
  // The control points whose 'change' this service hears, so one loaded twice is heard once.
  readonly #listened = new WeakSet<FootpodControlPoint>();

  readonly #onChange = (): void => {
    this.dispatchEvent(new Event('change'));
  };
  /** The pod's link went: its power goes with it at once, as a treadmill's values do, not carried into the rows after a reconnect. */
  readonly #onState = (event: Event): void => {
    const source = this.#source;
    if (source !== null && event.target === source && source.state !== 'connected') this.#session?.forgetSensor('power');
    this.#onChange();
  };
  /** The pod's feature bits may arrive after it connects: the session learns from them what its walking bit is worth. */
  readonly #onInfo = (): void => {
    this.#session?.useRunningStatus(runningStatusOf(this.#source?.info.feature ?? null));
    this.#onChange();
  };
  readonly #onMeasurement = (event: Event): void => {
    if (event instanceof MeasurementEvent) this.#session?.ingest(event.view, event.timeMs);
  };
  #power: Promise<PowerIngest> | null = null;
  #powerLoaded: PowerIngest | null = null;
  /**
   * The parser loads with the first power reading, so a pod without power never fetches it; readings
   * keep their order meanwhile. Once loaded each reading is taken at once, before the pod's next row:
   * a batch of rows (a throttled tab catching up) each carries the power sent with it.
   */
  readonly #onPower = (event: Event): void => {
    const session = this.#session;
    if (!(event instanceof MeasurementEvent) || !session) return;
    if (this.#powerLoaded) return this.#powerLoaded.ingestPower(session, event.view);
    (this.#power ??= import('../session/power-ingest.js').then((power) => (this.#powerLoaded = power))).then(
      (power) => power.ingestPower(session, event.view),
      // A chunk that did not arrive (offline, a new deploy) may arrive with the next reading.
      () => (this.#power = null),
    );
  };
  readonly #onSample = (): void => {
    this.dispatchEvent(new Event('sample'));
  };
  /** The strap's or treadmill's values changed, pod row or not: the screens show them as they stand. */
  readonly #onChannels = (): void => {
    this.dispatchEvent(new Event('channels'));
  };

  constructor(
    private readonly settings: SettingsService,
    factories: Partial<FootpodFactories> = {},
  ) {
    super();
    this.#factories = { ...defaultFactories(settings, () => this.holdSession, (s) => this.simulatedPace?.runner(s) ?? null), ...factories };
    this.bluetooth = this.#factories.bluetooth();
    this.bluetooth.addEventListener('statechange', this.#onState);
    settings.addEventListener('change', () => {
      const zones = settings.settings.zones;
      if (this.#session && !sameZones(this.#session.zones, zones)) this.#session.setZones(zones);
    });
  }

  get source(): FootpodSource | null {
    return this.#source;
  }
  get session(): LiveSession | null {
    return this.#session;
  }
  /** A footpod this browser already paired with, offered after a reload without the chooser. */
  get remembered(): { name: string | null } | null {
    return this.#remembered;
  }

  async findRemembered(): Promise<void> {
    this.#remembered = await this.bluetooth.findRemembered();
    this.#onChange();
  }

  /** Opens the browser's chooser: call straight from a click, before any await. */
  pair(): Promise<void> {
    this.#use(this.bluetooth);
    return this.bluetooth.connect();
  }

  reconnectRemembered(): Promise<void> {
    this.#use(this.bluetooth);
    return this.bluetooth.connectRemembered();
  }

  async simulate(): Promise<void> {
    const simulator = await this.#factories.simulator();
    this.#use(simulator);
    return simulator.connect();
  }

  disconnect(): void {
    this.#source?.disconnect();
  }

  /**
   * What the pod in use offers, for the Settings page; null unless one is connected. The offers
   * come from the feature bits at once; asking starts loading the commands' code.
   */
  get details(): FootpodDetails | null {
    const source = this.#source;
    if (!source || source.state !== 'connected') return null;
    void this.#controlPointOf(source).catch(() => undefined);
    return {
      info: source.info,
      offers: source.loadControlPoint ? offersOf(source.info.feature) : noOffers,
      pending: commandOf[source.controlPoint?.pending ?? 0] ?? null,
      outcome: this.#lastCommand,
    };
  }

  /** Sends one command to the pod in use; never rejects, and the outcome stays in `details`. */
  async command(command: FootpodCommand): Promise<ControlPointOutcome> {
    const source = this.#source;
    if (source?.state !== 'connected' || !source.loadControlPoint) return { ok: false, message: 'Connect a footpod first.' };
    let controlPoint: FootpodControlPoint;
    try {
      controlPoint = await this.#controlPointOf(source);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const outcome = { ok: false, message: `Could not load the footpod commands (${reason}). Try again.` };
      if (source === this.#source) {
        this.#lastCommand = { kind: command.kind, outcome };
        this.#onChange();
      }
      return outcome;
    }
    const sent =
      command.kind === 'reset-distance' ? controlPoint.setCumulativeDistance(0)
      : command.kind === 'calibrate' ? controlPoint.startCalibration()
      : command.kind === 'set-location' ? controlPoint.updateSensorLocation(command.location)
      : controlPoint.requestSupportedLocations();
    const outcome = await sent;
    // An answer from a pod the runner has since replaced is no news about the pod in use.
    if (source === this.#source) {
      this.#lastCommand = { kind: command.kind, outcome };
      this.#onChange();
    }
    return outcome;
  }

  /**
   * The source's control point, loading it on first use; once loaded, its progress is news ('change')
   * while the source is the one in use. Rejects when the source has none or its code did not load.
   */
  async #controlPointOf(source: FootpodSource): Promise<FootpodControlPoint> {
    if (source.controlPoint) return source.controlPoint;
    if (!source.loadControlPoint) throw new Error('This footpod takes no commands.');
    const controlPoint = await source.loadControlPoint();
    if (source === this.#source && !this.#listened.has(controlPoint)) {
      this.#listened.add(controlPoint);
      controlPoint.addEventListener('change', this.#onChange);
      this.#onChange();
    }
    return controlPoint;
  }

  /** A new start is a new live session; a reconnect of the same source keeps the session going. */
  #use(source: FootpodSource): void {
    const fresh = this.#source !== source || this.#source.state === 'disconnected' || this.#source.state === 'idle';
    if (fresh && !(this.holdSession && this.#session)) {
      this.#session?.removeEventListener('sample', this.#onSample);
      this.#session?.removeEventListener('problem', this.#onChange);
      this.#session?.removeEventListener('channels', this.#onChannels);
      this.#session = new LiveSession(this.settings.settings.zones, () => performance.now());
      this.#session.addEventListener('sample', this.#onSample);
      this.#session.addEventListener('problem', this.#onChange);
      this.#session.addEventListener('channels', this.#onChannels);
    } else {
      this.#session?.newSource();
    }
    if (this.#source !== source) {
      if (this.#source) {
        this.#source.disconnect();
        this.#detach(this.#source);
      }
      this.#source = source;
      this.#lastCommand = null;
      if (source.controlPoint) {
        this.#listened.add(source.controlPoint);
        source.controlPoint.addEventListener('change', this.#onChange);
      }
      if (source !== this.bluetooth) source.addEventListener('statechange', this.#onState);
      source.addEventListener('info', this.#onInfo);
      source.addEventListener(MeasurementEvent.type, this.#onMeasurement);
      source.addEventListener(POWER_EVENT, this.#onPower);
    }
    this.#onInfo();
  }

  #detach(source: FootpodSource): void {
    if (source !== this.bluetooth) source.removeEventListener('statechange', this.#onState);
    source.removeEventListener('info', this.#onInfo);
    if (source.controlPoint) {
      this.#listened.delete(source.controlPoint);
      source.controlPoint.removeEventListener('change', this.#onChange);
    }
    source.removeEventListener(MeasurementEvent.type, this.#onMeasurement);
    source.removeEventListener(POWER_EVENT, this.#onPower);
  }
}
