// Which footpod is feeding the app, and the live session it feeds. Pages call pair(),
// simulate(), reconnectRemembered() and disconnect(); they listen for 'change' (source, state,
// info, a command's progress) and 'sample' (a new reading). command() sends the Settings page's
// footpod commands (reset distance, calibrate, sensor location) to the pod in use.

import type { FootpodCommand, FootpodCommandKind, FootpodDetails } from '../sources/footpod-details.js';
import type { ControlPointOutcome } from '../sources/footpod-control-point.js';
import { type FootpodSource, MeasurementEvent } from '../sources/footpod-source.js';
import { WebBluetoothFootpod } from '../sources/web-bluetooth-footpod.js';
import { LiveSession } from '../session/live-session.js';
import { sameZones } from '../session/zones.js';
import type { SettingsService } from './settings-service.js';

export interface FootpodFactories {
  bluetooth: () => WebBluetoothFootpod;
  /** May load the simulator on demand: it is not part of the first load. */
  simulator: () => FootpodSource | Promise<FootpodSource>;
}

const defaultFactories = (settings: SettingsService): FootpodFactories => ({
  // The pod remembered by its id; without one (paired before ids were kept) the first device the
  // browser lists that is not the treadmill or the strap.
  bluetooth: () =>
    new WebBluetoothFootpod(undefined, {
      rememberedId: () => settings.settings.sensors.footpodId,
      otherIds: () => [settings.settings.sensors.treadmillId, settings.settings.sensors.heartRateId].filter((id) => id !== null),
    }),
  simulator: async () => new (await import('../sources/simulated-footpod.js')).SimulatedFootpod(),
});

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
  #source: FootpodSource | null = null;
  #session: LiveSession | null = null;
  #remembered: { name: string | null } | null = null;
  readonly #factories: FootpodFactories;
  #lastCommand: FootpodDetails['outcome'] = null;

  readonly #onChange = (): void => {
    this.dispatchEvent(new Event('change'));
  };
  readonly #onMeasurement = (event: Event): void => {
    if (event instanceof MeasurementEvent) this.#session?.ingest(event.view, event.timeMs);
  };
  readonly #onSample = (): void => {
    this.dispatchEvent(new Event('sample'));
  };

  constructor(
    private readonly settings: SettingsService,
    factories: Partial<FootpodFactories> = {},
  ) {
    super();
    this.#factories = { ...defaultFactories(settings), ...factories };
    this.bluetooth = this.#factories.bluetooth();
    this.bluetooth.addEventListener('statechange', this.#onChange);
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

  /** What the pod in use offers, for the Settings page; null unless one is connected. */
  get details(): FootpodDetails | null {
    const source = this.#source;
    if (!source || source.state !== 'connected') return null;
    const offers = (opCode: 1 | 2 | 3 | 4): boolean => source.controlPoint?.offers(opCode) ?? false;
    return {
      info: source.info,
      offers: { resetDistance: offers(1), calibrate: offers(2), locations: offers(3) },
      pending: commandOf[source.controlPoint?.pending ?? 0] ?? null,
      outcome: this.#lastCommand,
    };
  }

  /** Sends one command to the pod in use; never rejects, and the outcome stays in `details`. */
  async command(command: FootpodCommand): Promise<ControlPointOutcome> {
    const controlPoint = this.#source?.state === 'connected' ? this.#source.controlPoint : undefined;
    if (!controlPoint) return { ok: false, message: 'Connect a footpod first.' };
    const source = this.#source;
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

  /** A new start is a new live session; a reconnect of the same source keeps the session going. */
  #use(source: FootpodSource): void {
    const fresh = this.#source !== source || this.#source.state === 'disconnected' || this.#source.state === 'idle';
    if (fresh && !(this.holdSession && this.#session)) {
      this.#session?.removeEventListener('sample', this.#onSample);
      this.#session?.removeEventListener('problem', this.#onChange);
      this.#session = new LiveSession(this.settings.settings.zones);
      this.#session.addEventListener('sample', this.#onSample);
      this.#session.addEventListener('problem', this.#onChange);
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
      source.controlPoint?.addEventListener('change', this.#onChange);
      if (source !== this.bluetooth) source.addEventListener('statechange', this.#onChange);
      source.addEventListener('info', this.#onChange);
      source.addEventListener(MeasurementEvent.type, this.#onMeasurement);
    }
    this.#onChange();
  }

  #detach(source: FootpodSource): void {
    if (source !== this.bluetooth) source.removeEventListener('statechange', this.#onChange);
    source.removeEventListener('info', this.#onChange);
    source.controlPoint?.removeEventListener('change', this.#onChange);
    source.removeEventListener(MeasurementEvent.type, this.#onMeasurement);
  }
}
