import { LitElement, css, html, nothing } from 'lit';
import { loadPart } from '../components/load-part.js';
import { touchTargetStyles } from '../components/form-control-styles.js';
import { Router } from '@vaadin/router';
import type { AppServices } from '../services/services.js';
import { zoneColors } from '../charts/zone-colors.js';
import { downloadFile } from '../components/download-file.js';
import { EventController } from '../components/event-controller.js';
import { type BluetoothReach } from '../components/stride-connection-panel.js';
import '../components/stride-connection-panel.js';
import { enterFullscreen } from '../components/fullscreen.js';
import { KeyboardShortcuts } from '../components/keyboard-shortcuts.js';
import '../components/stride-metronome-button.js';
import '../components/stride-mute-button.js';
import '../components/stride-recording-controls.js';
import '../components/stride-metric-tile.js';
import '../components/stride-zone-bar.js';
import '../components/stride-sensors-section.js';
import type { SensorsToggleDetail } from '../components/stride-sensors-section.js';
import { type SmoothingSeconds, smoothingChoices } from '../session/smoothing.js';
import {
  formatDistanceIn,
  formatDuration,
  formatPace,
  paceSeconds,
  paceUnitLabel,
  speedPerHour,
  speedUnitLabel,
} from '../session/units.js';
import { shownZone, wholeSteps } from '../session/shown-cadence.js';
import { zoneLabels } from '../session/zones.js';
import { liveFigures } from '../session/live-figures.js';
import { shownHeartRate } from '../session/shown-heart-rate.js';
import { figureScope, timeName, zoneTimesHeading } from './live-figures-words.js';
import { sensorsStatusOf } from './sensors-status-words.js';
import { BluetoothRecheck } from './bluetooth-recheck.js';
import type { ExportFormat } from '../export/download-name.js';

const FIVE_MINUTES_S = 300;
const exportFormats: readonly ExportFormat[] = ['fit', 'tcx', 'csv'];

/**
 * The live page, in the order a runner needs it mid-run: the footpod's connection line, the cadence
 * (large, with its zone), pace, time and distance, the run's controls; then the other figures, the
 * time in zones, the Sensors section (closed to one status line unless the runner left it open)
 * and the charts.
 */
export class StrideLivePage extends LitElement {
  static override properties = {
    services: { attribute: false },
    wholeRun: { state: true },
  };
  declare services: AppServices | null;
  declare wholeRun: boolean;

  readonly #footpod = new EventController(this, ['change', 'sample', 'channels']);
  readonly #settings = new EventController(this, ['change']);
  readonly #recording = new EventController(this, ['change']);
  readonly #coach = new EventController(this, ['change']);
  readonly #finish = new EventController(this, ['change']);
  readonly #sensors = new EventController(this, ['change']);
  readonly #program = new EventController(this, ['change']);
  readonly #bluetoothRecheck = new BluetoothRecheck(this, () => this.services?.footpod ?? null);
  constructor() {
    super();
    new KeyboardShortcuts(this, {
      ' ': () => this.services?.recording.toggle(),
      l: () => this.services?.recording.lap(),
      m: () => {
        // A program run armed or going on has the metronome: none in a test, the program's in a session.
        if (!this.services?.program.active) void this.services?.coach.toggleMetronome();
      },
      f: () => this.#openTreadmillScreen(),
      c: () => this.#dismissCheckIn(),
      Enter: () => this.#dismissCheckIn(),
    });
    this.services = null;
    this.wholeRun = false;
  }

  // Comments stay out of the css literal, which ships as written. The page is a container, so the
  // figures are laid out by its own width. Tiles span three rows each (label, value, detail; see
  // stride-metric-tile), so their values line up. A phone: the cadence alone across the screen,
  // then pace and time, distance and time in target; wide: the five on one row, the cadence the
  // widest. No keyboard on a phone: the key hints would only cost the controls a row. Each part of
  // the page and each tile is isolated, so the browser records its painting apart and a figure that
  // changes each second repaints its own part rather than walking the whole page's.
  static override styles = [css`
    :host { display: grid; gap: 1rem; padding: 1rem; container-type: inline-size; }
    :host > *, .tiles > * { isolation: isolate; }
    .tiles { display: grid; gap: 0.75rem; grid-template-columns: repeat(2, minmax(0, 1fr)); }
    .lead #cadence, .lead #cadence-hidden { grid-column: 1 / -1; }
    @container (min-width: 36rem) {
      .lead { grid-template-columns: repeat(4, minmax(0, 1fr)); }
      .more { grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); }
    }
    @container (min-width: 60rem) {
      .lead { grid-template-columns: 1.5fr repeat(4, minmax(0, 1fr)); }
      .lead #cadence, .lead #cadence-hidden { grid-column: auto; }
    }
    #zone { font-weight: 700; color: var(--text); margin-right: 0.5em; }
    #zone .swatch { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 50%; margin-right: 0.35em; background: var(--tile-accent); }
    .recording { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    .recording button { padding: 0.5rem 1rem; border-radius: 8px; cursor: pointer; }
    kbd { font: inherit; font-size: 0.8em; border: 1px solid currentColor; border-radius: 4px; padding: 0 0.3em; margin-left: 0.3em; }
    @media (max-width: 32rem) { .recording kbd { display: none; } }
    .controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
    .controls button[aria-pressed='true'] { background: var(--border); }
    button, select { font: inherit; padding: 0.35rem 0.75rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; }
    .problem { margin: 0; color: var(--warn-text); }
    .note { margin: 0; color: var(--muted); }
    .note a { color: inherit; }
    .storage-problem { background: var(--alert-bg); color: var(--alert-text); border-radius: 10px; padding: 0.75rem 1rem; }
    .storage-problem p { margin: 0 0 0.5rem; }
    h2 { font-size: 1rem; margin: 0 0 0.25rem; color: var(--muted); font-weight: 600; }
    section { min-width: 0; }
    stride-live-chart:not(:defined) { display: block; min-height: 220px; }
  `, touchTargetStyles];

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) {
      this.#footpod.target = this.services?.footpod ?? null;
      this.#settings.target = this.services?.settings ?? null;
      this.#recording.target = this.services?.recording ?? null;
      this.#coach.target = this.services?.coach ?? null;
      this.#finish.target = this.services?.finish ?? null;
      this.#sensors.target = this.services?.sensors ?? null;
      this.#program.target = this.services?.program ?? null;
      this.#bluetoothRecheck.check();
    }
  }

  /** A program session is armed or running: the program drives the metronome, at the block's target. */
  #programMetronome(): number | null {
    const program = this.services?.program;
    const active = program?.active;
    if (active?.kind !== 'session') return null;
    return program!.program?.blocks.find((b) => b.number === active.block)?.targetSpm ?? null;
  }

  protected override render() {
    if (!this.services) return nothing;
    const { footpod, settings, recording, coach } = this.services;
    const unfinished = recording.unfinished[0] ?? null;
    // Needed only after a tab closed mid-run, so it loads then rather than with the first page.
    if (unfinished) loadPart(import('../components/stride-recovery-prompt.js'));
    // Likewise the check-in banner, drawn only once the coach has a check-in to show.
    if (coach.checkIn) loadPart(import('../components/stride-check-in.js'));
    // And the finish card, once a run is saved.
    if (this.services.finish.card) loadPart(import('../components/stride-finish-card.js'));
    // And the notice of a run in another tab, which stands in for the pairing until this tab takes over.
    if (recording.runElsewhere) loadPart(import('../components/stride-other-tab-notice.js'));
    // Charts (and uPlot, the largest part of the page) have nothing to draw before a pod sends
    // data, so they load once there is a session; lit hands the elements their properties then.
    if (footpod.session) loadPart(import('../components/stride-live-chart.js'));
    const sensorsOpen = settings.settings.liveSensorsOpen;
    if (sensorsOpen) loadPart(import('./stride-live-sensors.js'));
    const { distanceUnit: unit, smoothingS, zones } = settings.settings;
    const source = footpod.source ?? footpod.bluetooth;
    const session = footpod.session;
    const latest = session?.latest ?? null;
    const heartRate = shownHeartRate(session);
    // As the heart rate: the treadmill's incline as it stands, not the last pod row's.
    const incline = session?.latestChannels.inclinePercent ?? null;
    // Only a pod that sends power (0x2A63) has a tile for it.
    const power = session?.latestChannels.powerW ?? null;
    const shown = latest && session ? session.displayed(smoothingS) : null;
    const zone = shown ? shownZone(shown.cadence, zones) : null;
    const doubling = session?.cadenceUnit.applied === 'strides';
    const figures = liveFigures(session, recording.recorder);
    const distanceText = (metres: number) => formatDistanceIn(metres, unit);
    // A program test is cue-free: the cadence, its zone and anything that gives it away wait until the test is done.
    const testing = this.services.program.moment?.cueFree ?? this.services.program.active?.kind === 'test';
    const bluetooth: BluetoothReach = !footpod.bluetooth.supported ? 'unsupported' : footpod.bluetooth.state === 'unavailable' ? 'off' : 'ready';

    return html`
      ${recording.runElsewhere
        ? html`<stride-other-tab-notice .state=${recording.takeOverState} @take-over=${() => void recording.takeOver()}></stride-other-tab-notice>`
        : html`<stride-connection-panel
        .state=${source.state}
        .message=${source.message}
        .deviceName=${source.info.deviceName}
        .sourceKind=${footpod.source?.kind ?? null}
        .rememberedName=${footpod.remembered ? (footpod.remembered.name ?? '') : null}
        .bluetooth=${bluetooth}
        .bluetoothMessage=${footpod.bluetooth.message}
        @pair=${() => void footpod.pair()}
        @reconnect-remembered=${() => void footpod.reconnectRemembered()}
        @simulate=${() => void footpod.simulate()}
        @disconnect=${() => footpod.disconnect()}
        @check-bluetooth=${() => void footpod.bluetooth.checkAvailability()}
      ></stride-connection-panel>`}
      ${recording.handedOver && !recording.runElsewhere
        ? html`<p id="handed-over" class="note" role="status">Another tab took over: this run was saved and the footpod let go.</p>`
        : nothing}
      ${unfinished && recording.state !== 'recording' && recording.state !== 'paused'
        ? html`<stride-recovery-prompt .summary=${unfinished} unit=${unit}
            @resume-unfinished=${() => void recording.resumeUnfinished(unfinished.id)}
            @save-unfinished=${() => void recording.saveUnfinished(unfinished.id)}></stride-recovery-prompt>`
        : nothing}
      <!-- The run just stopped: what it was comes first, above the figures that now wait for the next one. -->
      ${this.services.finish.card ? html`<stride-finish-card .figures=${this.services.finish.card} unit=${unit}
          @dismiss=${() => this.services?.finish.dismiss()}></stride-finish-card>` : nothing}
      ${this.services.program.justFinished
        ? html`<p class="note" id="program-after" role="status"><a href="/program">${this.services.program.justFinished.kind === 'session'
            ? 'Program: two taps on how this session felt'
            : 'Program: your test result'}</a></p>`
        : nothing}

      <div class="tiles lead">
        ${testing
          ? html`<stride-metric-tile id="cadence-hidden" big label="Cadence" .value=${'Hidden'} .detail=${'Hidden during the test: shown when it is done'}></stride-metric-tile>`
          : html`<stride-metric-tile id="cadence" big label="Cadence" unit="steps/min"
          .value=${shown ? String(wholeSteps(shown.cadence)) : '–'}
          .accent=${zone ? zoneColors[zone] : 'transparent'}>
          <span slot="detail"><span id="zone">${zone ? html`<span class="swatch"></span>${zoneLabels[zone]}` : nothing}</span>target ${zones.targetFrom}–${zones.targetTo}</span>
        </stride-metric-tile>`}
        <stride-metric-tile id="pace" label="Pace" unit=${paceUnitLabel[unit]}
          .value=${shown ? formatPace(paceSeconds(shown.speedMps, unit)) : '–:––'}></stride-metric-tile>
        <stride-metric-tile id="elapsed" label=${timeName(figures)}
          .value=${formatDuration(figures.timeS)}
          .detail=${figureScope(figures, (lap) => formatDuration(lap.movingS), 'not recording')}></stride-metric-tile>
        <stride-metric-tile id="distance" label="Distance" unit=${unit}
          .value=${figures.distanceM === null ? '–' : distanceText(figures.distanceM)}
          .detail=${figures.distanceM === null ? '' : figureScope(figures, (lap) => distanceText(lap.distanceM))}></stride-metric-tile>
        ${testing ? nothing : html`<stride-metric-tile id="in-target" label="In target"
          .value=${formatDuration(figures.zoneTimes.target)}
          .detail=${figureScope(figures, (lap) => formatDuration(lap.zoneTimes.target))}></stride-metric-tile>`}
      </div>

      <div class="recording">
        <stride-recording-controls .state=${recording.state} .canRecord=${recording.canRecord}
          .autoPaused=${recording.autoPaused} .laps=${recording.laps}
          @start=${() => void recording.start()} @pause=${() => recording.pause()} @resume=${() => recording.resume()}
          @lap=${() => recording.lap()} @stop=${() => recording.stop()}></stride-recording-controls>
        <stride-mute-button .muted=${coach.muted} @toggle-mute=${() => void coach.setMuted(!coach.muted)}></stride-mute-button>
        <stride-metronome-button .on=${coach.metronomeOn} .rateSpm=${this.#programMetronome() ?? coach.metronomeRateSpm} .beat=${coach.metronomeBeat}
          ?disabled=${this.services.program.active?.kind === 'test'} ?program=${this.services.program.active?.kind === 'session'}
          @nudge-metronome=${(e: CustomEvent<1 | -1>) => coach.nudgeMetronome(e.detail)}
          @toggle-metronome=${() => void coach.toggleMetronome()}></stride-metronome-button>
        <button id="treadmill-screen" @click=${() => this.#openTreadmillScreen()}>Treadmill screen <kbd>F</kbd></button>
      </div>
      ${coach.checkIn
        ? html`<stride-check-in .prompt=${coach.checkIn} @dismiss=${() => coach.dismissCheckIn()}></stride-check-in>`
        : nothing}
      ${coach.wakeLockMessage ? html`<p class="problem" id="wake-lock">${coach.wakeLockMessage}</p>` : nothing}
      ${recording.problem
        ? html`<div class="storage-problem" role="alert">
            <p>${recording.problem}</p>
            ${exportFormats.map(
              (format) => html`<button class="export" data-format=${format} @click=${() => void this.#exportCurrent(format)}>
                Export this run (${format.toUpperCase()})</button>`,
            )}
          </div>`
        : nothing}
      ${doubling
        ? html`<p id="cadence-unit-note" class="note">${source.info.deviceName ?? 'This footpod'} sends strides (one foot);
            Stridewise doubles its cadence to steps/min. <a href="/settings">Change this in Settings.</a></p>`
        : nothing}
      ${session?.problem ? html`<p class="problem" role="status">${session.problem}</p>` : nothing}
      ${session?.skippedNote ? html`<p id="skipped" class="note">${session.skippedNote}</p>` : nothing}

      <div class="tiles more">
        <stride-metric-tile id="speed" label="Speed" unit=${speedUnitLabel[unit]}
          .value=${shown ? speedPerHour(shown.speedMps, unit).toFixed(1) : '–'}></stride-metric-tile>
        ${testing ? nothing : html`<stride-metric-tile id="stride" label="Stride length" unit="m"
          .value=${latest ? latest.strideLengthM.toFixed(2) : '–'}
          .detail=${latest?.strideDerived ? 'from speed and cadence' : ''}></stride-metric-tile>`}
        ${heartRate !== null
          ? html`<stride-metric-tile id="heart-rate" label="Heart rate" unit="bpm" .value=${String(heartRate)}></stride-metric-tile>`
          : nothing}
        ${incline !== null
          ? html`<stride-metric-tile id="incline" label="Incline" unit="%" .value=${incline.toFixed(1)}></stride-metric-tile>`
          : nothing}
        ${power !== null
          ? html`<stride-metric-tile id="power" label="Power" unit="W" .value=${String(Math.round(power))}></stride-metric-tile>`
          : nothing}
      </div>

      ${testing ? nothing : html`<section aria-labelledby="zones-heading">
        <h2 id="zones-heading">${zoneTimesHeading[figures.of]}</h2>
        <stride-zone-bar .zoneTimes=${{ ...figures.zoneTimes }}></stride-zone-bar>
      </section>`}

      <stride-sensors-section id="sensors" .open=${sensorsOpen} .status=${sensorsStatusOf(this.services)}
        @sensors-toggle=${(e: CustomEvent<SensorsToggleDetail>) => void settings.update({ liveSensorsOpen: e.detail.open })}>
        ${sensorsOpen ? html`<stride-live-sensors .services=${this.services}></stride-live-sensors>` : nothing}
      </stride-sensors-section>

      <div class="controls">
        <div role="group" aria-label="Chart range">
          <button id="last-5-min" aria-pressed=${String(!this.wholeRun)} @click=${() => (this.wholeRun = false)}>Last 5 min</button>
          <button id="whole-run" aria-pressed=${String(this.wholeRun)} @click=${() => (this.wholeRun = true)}>Whole run</button>
        </div>
        <label>Smoothing
          <select id="smoothing" @change=${(e: Event) => this.#setSmoothing(e)}>
            ${smoothingChoices.map(
              (s) => html`<option value=${s} ?selected=${s === smoothingS}>${s === 0 ? 'Instant' : `${s} s`}</option>`,
            )}
          </select>
        </label>
      </div>

      ${testing
        ? html`<p class="note" id="charts-hidden">Cadence and stride charts are hidden during the test.</p>`
        : html`<section aria-labelledby="cadence-heading">
        <h2 id="cadence-heading">Cadence</h2>
        <stride-live-chart id="cadence-chart" kind="cadence" .samples=${session?.samples ?? null}
          .revision=${session?.samples.length ?? 0} .windowS=${this.wholeRun ? 0 : FIVE_MINUTES_S}
          .zones=${zones}></stride-live-chart>
      </section>
      <section aria-labelledby="stride-heading">
        <h2 id="stride-heading">Stride length</h2>
        <stride-live-chart id="stride-chart" kind="stride" .samples=${session?.samples ?? null}
          .revision=${session?.samples.length ?? 0} .windowS=${this.wholeRun ? 0 : FIVE_MINUTES_S}
          .zones=${zones}></stride-live-chart>
      </section>`}
    `;
  }

  /** Saves the run so far as a file, for when the disk is full; the export code loads only now. */
  async #exportCurrent(format: ExportFormat): Promise<void> {
    const run = this.services?.recording.current();
    if (!run) return;
    const { exportRunFile } = await import('../services/export-run.js');
    const { blob, fileName } = await exportRunFile(run, format);
    downloadFile(blob, fileName);
  }

  /** From the button or F: fullscreen must be asked for inside that gesture, before the route changes. */
  #openTreadmillScreen(): void {
    enterFullscreen();
    Router.go('/treadmill');
  }

  /** False when there was no check-in, so Enter and C keep their usual meaning. */
  #dismissCheckIn(): boolean {
    const coach = this.services?.coach;
    if (!coach?.checkIn) return false;
    coach.dismissCheckIn();
    return true;
  }

  #setSmoothing(event: Event): void {
    const value = Number((event.target as HTMLSelectElement).value) as SmoothingSeconds;
    void this.services?.settings.update({ smoothingS: value });
  }
}
customElements.define('stride-live-page', StrideLivePage);

declare global {
  interface HTMLElementTagNameMap {
    'stride-live-page': StrideLivePage;
  }
}
