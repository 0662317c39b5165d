// The sensors that can join the footpod in a run: a smart treadmill (FTMS) and a heart-rate strap.
// Each has its own chooser, its own state and its own remembered device; what they measure goes
// into the footpod's live session, which merges it into the run's one timeline. This front stays
// small: everything else (sensor-links.ts) loads when the runner first asks for these sensors, or
// when one was paired before, never with the first page.
//
// Events: 'change' (a sensor's state, info or remembered device changed).

import type { SensorSource } from '../sources/sensor-source.js';
import { type ExtraSensor, rememberDeviceId, type SensorLoaders } from './extra-sensors.js';
import type { FootpodService } from './footpod-service.js';
import type { SensorLinks } from './sensor-links.js';
import type { SettingsService } from './settings-service.js';

// The pages and tests name these through the service; they live below it and its links.
export { type ExtraSensor, extraSensors, type PairableSensor, type SensorLoaders, type SensorOptions } from './extra-sensors.js';

export class SensorService extends EventTarget {
  #links: SensorLinks | null = null;
  #loading: Promise<SensorLinks> | null = null;

  constructor(
    private readonly footpod: FootpodService,
    private readonly settings: SettingsService,
    private readonly loaders: Partial<SensorLoaders> = {},
  ) {
    super();
    footpod.addEventListener('change', () => this.#rememberFootpod());
    // A pod that connected before the stored settings were read is remembered once they are.
    settings.addEventListener('change', () => this.#rememberFootpod());
  }

  /** The sensor in use (the simulated one while simulating), once its code has loaded; null before. */
  source(sensor: ExtraSensor): SensorSource | null {
    return this.#links?.source(sensor) ?? null;
  }

  /** True while a simulated treadmill and strap stand in for real ones. */
  get simulating(): boolean {
    return this.#links?.simulating ?? false;
  }

  /** A sensor this browser paired before, offered for reconnecting without the chooser. */
  remembered(sensor: ExtraSensor): { name: string | null } | null {
    return this.#links?.remembered(sensor) ?? null;
  }

  /** True when a sensor was paired on an earlier visit, so the page shows the sensors at once. */
  get anyRemembered(): boolean {
    const ids = this.settings.settings.sensors;
    return ids.treadmillId !== null || ids.heartRateId !== null;
  }

  /** Loads both sensors and looks for remembered devices; call before showing the pair buttons. */
  async prepare(): Promise<void> {
    await (await this.#load()).prepare();
  }

  /** Opens the browser's chooser for this sensor: call from a click (prepare first, so nothing loads in between). */
  async pair(sensor: ExtraSensor): Promise<void> {
    return (this.#links ?? (await this.#load())).pair(sensor);
  }

  async reconnectRemembered(sensor: ExtraSensor): Promise<void> {
    return (await this.#load()).reconnectRemembered(sensor);
  }

  disconnect(sensor: ExtraSensor): void {
    this.#links?.disconnect(sensor);
  }

  /** A simulated treadmill and strap beside the simulated footpod, so the whole app shows without hardware. */
  async simulate(): Promise<void> {
    return (await this.#load()).simulate();
  }

  #load(): Promise<SensorLinks> {
    this.#loading ??= import('./sensor-links.js').then(({ SensorLinks }) => {
      const links = new SensorLinks(this.footpod, this.settings, this.loaders);
      links.addEventListener('change', () => this.dispatchEvent(new Event('change')));
      this.#links = links;
      return links;
    });
    return this.#loading;
  }

  /** The footpod's device is remembered too, so its reconnect never picks the strap or the treadmill. */
  #rememberFootpod(): void {
    const source = this.footpod.source;
    if (source?.kind === 'bluetooth' && source.state === 'connected') rememberDeviceId(this.settings, 'footpodId', source.info.deviceId);
  }
}
