import { LitElement, css, html, nothing } from 'lit';
import { touchTargetStyles } from '../components/form-control-styles.js';
import type { AppServices } from '../services/services.js';
import { type ExtraSensor, extraSensors } from '../services/sensor-service.js';
import { EventController } from '../components/event-controller.js';
import '../components/stride-guided-calibration.js';
import '../components/stride-metric-tile.js';
import '../components/stride-sensor-panel.js';
import { describeCurve } from '../session/calibration.js';
import { describeChange } from '../session/calibration-points.js';
import { calibrationOf } from '../session/known-footpods.js';
import type { LatestChannels } from '../session/live-reading.js';
import { speedPerHour, speedUnitLabel, type DistanceUnit } from '../session/units.js';

const sensorValue = (sensor: ExtraSensor, channels: LatestChannels | null, unit: DistanceUnit): string | null => {
  if (!channels) return null;
  if (sensor === 'heart-rate') return channels.heartRate === null ? null : `${Math.round(channels.heartRate)} bpm`;
  if (channels.treadmillSpeedMps === null) return null;
  const speed = `${speedPerHour(channels.treadmillSpeedMps, unit).toFixed(1)} ${speedUnitLabel[unit]}`;
  return channels.inclinePercent === null ? speed : `${speed} · ${channels.inclinePercent.toFixed(1)} %`;
};

/**
 * The live page's part for the sensors beside the footpod and for calibrating the pod: pairing a
 * treadmill and a heart-rate strap, where speed and distance come from, the guided check against
 * the belt, and what the treadmill is teaching. Loaded only when the runner asks for it (or one of
 * these sensors was paired before), so a footpod-only first load stays small.
 */
export class StrideLiveSensors extends LitElement {
  static override properties = { services: { attribute: false } };
  declare services: AppServices | null;

  readonly #sensors = new EventController(this, ['change']);
  readonly #footpod = new EventController(this, ['change', 'sample']);
  readonly #calibration = new EventController(this, ['change']);
  readonly #settings = new EventController(this, ['change']);

  constructor() {
    super();
    this.services = null;
  }

  static override styles = [css`
    :host { display: grid; gap: 0.75rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    select, input { font: inherit; min-height: 44px; }
    select { padding: 0.35rem 0.75rem; border-radius: 6px; border: 1px solid var(--border);
      background: var(--surface-2); color: inherit; }
    .note { margin: 0; color: var(--muted); }
    #simulate-sensors { justify-self: start; min-height: 44px; font: inherit; padding: 0.35rem 0.75rem; border-radius: 6px;
      border: 1px solid var(--border); background: var(--surface-2); color: inherit; cursor: pointer; }
    label.lock { display: inline-flex; gap: 0.5rem; align-items: center; min-height: 44px; }
  `, touchTargetStyles];

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('services')) return;
    this.#sensors.target = this.services?.sensors ?? null;
    this.#footpod.target = this.services?.footpod ?? null;
    this.#calibration.target = this.services?.calibration ?? null;
    this.#settings.target = this.services?.settings ?? null;
    // The pair buttons open the chooser inside the click only once the sensor code is here.
    void this.services?.sensors.prepare();
  }

  protected override render() {
    if (!this.services) return nothing;
    const { sensors, footpod, calibration, settings } = this.services;
    const unit = settings.settings.distanceUnit;
    const channels = footpod.session?.latestChannels ?? null;
    const treadmill = sensors.source('treadmill');
    const treadmillConnected = treadmill?.state === 'connected';
    const podConnected = footpod.source?.state === 'connected';
    const pod = calibration.pod;
    const learning = calibration.learning;
    const learnedChange = learning?.lastChange ? describeChange(learning.lastChange, unit) : null;
    const guided = calibration.guided;
    const rows = extraSensors.map((sensor) => {
      const source = sensors.source(sensor);
      const remembered = sensors.remembered(sensor);
      return {
        sensor,
        state: source?.state ?? 'idle',
        deviceName: source?.info.deviceName ?? null,
        rememberedName: remembered ? (remembered.name ?? '') : null,
        message: source?.message ?? null,
        value: source?.state === 'connected' ? sensorValue(sensor, channels, unit) : null,
      };
    });
    return html`
      <stride-sensor-panel .sensors=${rows} .bluetoothAvailable=${footpod.bluetooth.supported}
        @sensor-pair=${(e: CustomEvent<{ sensor: ExtraSensor }>) => void sensors.pair(e.detail.sensor)}
        @sensor-reconnect=${(e: CustomEvent<{ sensor: ExtraSensor }>) => void sensors.reconnectRemembered(e.detail.sensor)}
        @sensor-disconnect=${(e: CustomEvent<{ sensor: ExtraSensor }>) => sensors.disconnect(e.detail.sensor)}
      ></stride-sensor-panel>
      ${footpod.source?.kind === 'simulator' && !sensors.simulating
        ? html`<button id="simulate-sensors" @click=${() => void sensors.simulate()}>Add a simulated treadmill and strap</button>`
        : nothing}
      ${treadmillConnected || settings.settings.speedFrom === 'treadmill'
        ? html`<div class="row">
            <label>Speed and distance from
              <select id="speed-from" @change=${(e: Event) => this.#setSpeedFrom(e)}>
                <option value="footpod" ?selected=${settings.settings.speedFrom === 'footpod'}>Footpod (calibrated)</option>
                <option value="treadmill" ?selected=${settings.settings.speedFrom === 'treadmill'}>Treadmill</option>
              </select>
            </label>
            <span class="note">Cadence and stride always come from the footpod.</span>
          </div>`
        : nothing}
      ${podConnected
        ? html`<p class="note" id="calibration-now">Footpod calibration: ${describeCurve(calibrationOf(pod), unit)}</p>`
        : nothing}
      ${treadmillConnected && podConnected && calibration.podId
        ? html`<div class="row" id="auto-calibration">
            <span>${learning?.lastPoint
              ? `Learning from the treadmill: ${(learning.lastPoint.factor * 100).toFixed(1)} % at ${speedPerHour(learning.lastPoint.podSpeedMps, unit).toFixed(1)} ${speedUnitLabel[unit]}`
              : 'Learning from the treadmill over steady stretches of 30 s.'}${learning?.lastPoint?.walking ? ' walking' : ''}</span>
            ${learnedChange ? html`<span id="learned-change">${learnedChange}</span>` : nothing}
            <label class="lock"><input type="checkbox" id="lock-calibration" .checked=${pod?.autoCalibrationLocked ?? false}
              @change=${(e: Event) => void calibration.setAutoLocked(calibration.podId!, (e.target as HTMLInputElement).checked)} />
              Keep the current factor (stop learning)</label>
          </div>`
        : nothing}
      <stride-guided-calibration .phase=${guided.phase} .elapsedS=${guided.elapsedS} .neededS=${guided.neededS}
        .unit=${unit} .result=${guided.result} .disabled=${!podConnected}
        @calibration-start=${() => void calibration.startGuided()}
        @calibration-finish=${(e: CustomEvent<{ beltSpeedMps: number }>) => calibration.finishGuided(e.detail.beltSpeedMps)}
        @calibration-cancel=${() => calibration.cancelGuided()}
      ></stride-guided-calibration>
    `;
  }

  #setSpeedFrom(event: Event): void {
    const value = (event.target as HTMLSelectElement).value === 'treadmill' ? 'treadmill' : 'footpod';
    void this.services?.settings.update({ speedFrom: value });
  }
}
customElements.define('stride-live-sensors', StrideLiveSensors);

declare global {
  interface HTMLElementTagNameMap {
    'stride-live-sensors': StrideLiveSensors;
  }
}
