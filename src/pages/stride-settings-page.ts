import { LitElement, css, html, nothing } from 'lit';
import { filePickerStyles, touchTargetStyles } from '../components/form-control-styles.js';
import { busyButtonStyles } from '../components/busy-button-styles.js';
import type { AppServices } from '../services/services.js';
import { zoneClasses } from '../components/zone-classes.js';
import { downloadFile } from '../components/download-file.js';
import { EventController } from '../components/event-controller.js';
import { describePersistence, describeUsage } from './storage-words.js';
import '../components/stride-calibration-settings.js';
import '../components/stride-coach-settings.js';
import '../components/stride-footpod-details.js';
import '../components/stride-import-progress.js';
import '../components/stride-runs-export-status.js';
import type { ZipFormat } from '../export/runs-zip.js';
import '../components/stride-section-links.js';
import '../components/stride-backup-folder.js';
import { folderServiceOf } from '../services/folder-service.js';
import { MyWorkouts } from '../services/my-workouts.js';
import { workoutSettingsSection } from './settings-workouts.js';
import type { PageSection } from '../components/stride-section-links.js';
import type { FootpodCommand } from '../components/stride-footpod-details.js';
import type { CoachSettings } from '../session/coach-settings.js';
import type { CadenceUnit, CadenceUnitOverride } from '../session/cadence-unit.js';
import type { CalibrationPoint } from '../session/calibration.js';
import { type KnownFootpod, calibrationOf, withAutoCalibrationLock, withCalibration, withOverride } from '../session/known-footpods.js';
import { type ThemeChoice, autoPauseChoices, themeChoices } from '../session/settings.js';
import { type SmoothingSeconds, smoothingChoices } from '../session/smoothing.js';
import type { DistanceUnit } from '../session/units.js';
import { type CadenceZones, type ZoneId, checkCadenceZones, defaultCadenceZones } from '../session/zones.js';

const detectedLabels: Readonly<Record<CadenceUnit | 'none', string>> = {
  none: 'not detected yet',
  steps: 'sends steps (both feet)',
  strides: 'sends strides (one foot), doubled to steps',
};
const themeLabels: Readonly<Record<ThemeChoice, string>> = {
  system: 'Same as this device',
  light: 'Light (bright gym)',
  dark: 'Dark',
};
const overrideLabels: Readonly<Record<CadenceUnitOverride, string>> = {
  auto: 'Automatic',
  steps: 'Steps',
  strides: 'Strides',
};

/** The page's sections, in the order of the list at its top (and of one column on a phone). */
const settingsSections: readonly PageSection[] = [
  { id: 'zones', title: 'Cadence zones' },
  { id: 'display', title: 'Units and colours' },
  { id: 'recording', title: 'Recording' },
  { id: 'footpod', title: 'Footpod' },
  { id: 'coach', title: 'Coach and metronome' },
  { id: 'workouts', title: 'Treadmill workouts' },
  { id: 'data', title: 'Your data' },
];

/** Cadence zones, units and smoothing. Saved as soon as a valid change is made. */
export class StrideSettingsPage extends LitElement {
  static override properties = {
    services: { attribute: false },
    zoneProblem: { state: true },
    saved: { state: true },
  };
  declare services: AppServices | null;
  declare zoneProblem: string | null;
  declare saved: boolean;

  readonly #settings = new EventController(this, ['change']);
  readonly #data = new EventController(this, ['change']);
  /** How many runs "Export all" would write. */
  readonly #history = new EventController(this, ['change']);
  readonly #footpod = new EventController(this, ['change']);
  /** A treadmill connecting says its ranges, the workout maximums' defaults. */
  readonly #sensors = new EventController(this, ['change']);
  /** The workout settings, read from the workout store when the page opens (not in AppSettings: only a workout needs them). */
  readonly #workouts = new MyWorkouts();

  constructor() {
    super();
    this.services = null;
    this.zoneProblem = null;
    this.saved = false;
    new EventController(this, ['change'], this.#workouts);
  }

  static override styles = [css`
    :host { display: block; padding: 1rem; max-width: 40rem; }
    /* min-width 0: a fieldset is as wide as its widest content by default, wider than a phone. */
    fieldset { border: 1px solid var(--border); border-radius: 8px; margin: 0 0 1rem; padding: 0.75rem 1rem; min-width: 0; }
    legend { font-weight: 600; padding: 0 0.25rem; }
    .zone { display: grid; grid-template-columns: 1rem 9rem auto; align-items: center; gap: 0.5rem; margin: 0.4rem 0; }
    .swatch { width: 1rem; height: 1rem; border-radius: 3px; }
    input, select, button { font: inherit; padding: 0.3rem 0.5rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; }
    input[type='number'] { width: 5rem; }
    .problem { color: var(--warn-text); }
    .ok { color: var(--ok-text); }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    label.file { display: inline-flex; flex-direction: column; gap: 0.25rem; margin: 0.5rem 1rem 0 0; max-width: calc(100% - 1rem); }
    ul { padding-left: 1.2rem; }
    .hint { color: var(--muted); font-size: 0.9rem; }
    ul.pods { list-style: none; padding: 0; margin: 0; }
    .pod { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5rem 1rem; padding: 0.5rem 0; border-top: 1px solid var(--border); }
    .who { display: grid; min-width: 0; }
    .pod stride-calibration-settings { flex-basis: 100%; }
    .pod-name { font-weight: 600; overflow-wrap: anywhere; }
    section { scroll-margin-top: 1rem; }
    section:focus { outline: none; }
    section:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    /* Desktop: two columns (the coach, the tallest part, and your data on the right), so the page is about half as long. */
    @media (min-width: 1100px) {
      :host { max-width: 76rem; }
      .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 1.5rem; align-items: start; }
    }
    ${zoneClasses}
  `, touchTargetStyles, filePickerStyles, busyButtonStyles];

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services')) {
      this.#settings.target = this.services?.settings ?? null;
      this.#data.target = this.services?.data ?? null;
      this.#history.target = this.services?.history ?? null;
      void this.services?.history.load();
      this.#footpod.target = this.services?.footpod ?? null;
      this.#sensors.target = this.services?.sensors ?? null;
      void this.services?.data.refreshUsage();
      void this.#workouts.load();
    }
  }

  protected override render() {
    if (!this.services) return nothing;
    const { zones, distanceUnit, smoothingS, autoStart, autoPauseAfterS, theme } = this.services.settings.settings;
    const problem = this.zoneProblem ?? this.services.settings.problem;
    const zoneInput = (key: keyof CadenceZones, label: string, zone: ZoneId) => html`
      <label class="zone">
        <span class="swatch zone-${zone}"></span>
        <span>${label}</span>
        <input type="number" id=${key} name=${key} min="30" max="300" step="1" .value=${String(zones[key])}
          @change=${() => this.#saveZones()} />
      </label>`;

    return html`
      <h1>Settings</h1>
      <stride-section-links label="Settings sections" .sections=${settingsSections}></stride-section-links>
      <div class="columns"><div class="column">
      <section id="zones" tabindex="-1" aria-label="Cadence zones">
      <fieldset>
        <legend>Cadence zones (steps/min)</legend>
        <p class="hint">Coaching starts from 170–180 steps/min. Move the target a few steps at a time: small steps, big change.</p>
        ${zoneInput('buildingFrom', 'Building from', 'building')}
        ${zoneInput('targetFrom', 'Target from', 'target')}
        ${zoneInput('targetTo', 'Target up to', 'high')}
        <button id="reset-zones" @click=${() => this.#resetZones()}>Reset to 160 / 170 / 180</button>
        ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
        ${this.saved && !problem ? html`<p class="hint" role="status">Saved.</p>` : nothing}
      </fieldset>
      </section>
      <section id="display" tabindex="-1" aria-label="Display">
      <fieldset>
        <legend>Units</legend>
        ${(['km', 'mi'] as const).map(
          (unit) => html`<label><input type="radio" name="unit" value=${unit} .checked=${unit === distanceUnit}
            @change=${() => this.#save({ distanceUnit: unit as DistanceUnit })} />
            ${unit === 'km' ? 'Kilometres (min/km)' : 'Miles (min/mi)'}</label> `,
        )}
      </fieldset>
      <fieldset id="theme">
        <legend>Colours</legend>
        ${themeChoices.map(
          (choice) => html`<label><input type="radio" name="theme" value=${choice} .checked=${choice === theme}
            @change=${() => this.#save({ theme: choice })} />
            ${themeLabels[choice]}</label> `,
        )}
      </fieldset>
      <fieldset>
        <legend>Smoothing of displayed cadence and pace</legend>
        <select id="smoothing" aria-label="Smoothing" @change=${(e: Event) =>
          this.#save({ smoothingS: Number((e.target as HTMLSelectElement).value) as SmoothingSeconds })}>
          ${smoothingChoices.map((s) => html`<option value=${s} ?selected=${s === smoothingS}>${s === 0 ? 'Instant' : `${s} s average`}</option>`)}
        </select>
        <p class="hint">Recorded values are never smoothed.</p>
      </fieldset>
      </section>
      <section id="recording" tabindex="-1" aria-label="Recording">
      <fieldset>
        <legend>Recording</legend>
        <label><input type="checkbox" id="auto-start" .checked=${autoStart}
          @change=${(e: Event) => this.#save({ autoStart: (e.target as HTMLInputElement).checked })} />
          Start recording when I start running</label>
        <p>
          <label>Pause when walking or standing for
            <select id="auto-pause" @change=${(e: Event) => this.#save({ autoPauseAfterS: Number((e.target as HTMLSelectElement).value) })}>
              ${autoPauseChoices.map((s) => html`<option value=${s} ?selected=${s === autoPauseAfterS}>${s === 0 ? 'never (off)' : `${s} s`}</option>`)}
            </select>
          </label>
        </p>
        <p class="hint">Keyboard on the live page: space starts or pauses, L marks a lap.</p>
      </fieldset>
      </section>
      <section id="footpod" tabindex="-1" aria-label="Footpod">
      <stride-footpod-details .details=${this.services.footpod.details}
        @footpod-command=${(e: CustomEvent<FootpodCommand>) => void this.services?.footpod.command(e.detail)}></stride-footpod-details>
      ${this.#renderFootpods()}
      </section>
      </div><div class="column">
      <section id="coach" tabindex="-1" aria-label="Coach">
      <stride-coach-settings .settings=${this.services.settings.settings.coach}
        .middleOfTarget=${Math.round((zones.targetFrom + zones.targetTo) / 2)}
        @preview-metronome=${() => void this.services?.coach.previewMetronome()}
        @coach-change=${(e: CustomEvent<CoachSettings>) => this.#save({ coach: e.detail })}></stride-coach-settings>
      </section>
      <section id="workouts" tabindex="-1" aria-label="Treadmill workouts">${workoutSettingsSection(this.services, this.#workouts)}</section>
      <section id="data" tabindex="-1" aria-label="Your data">${this.#renderData()}</section>
      </div></div>
    `;
  }

  #renderFootpods() {
    const pods = this.services!.settings.settings.footpods;
    const row = (pod: KnownFootpod) => {
      const name = pod.name ?? 'Unnamed footpod';
      return html`<li class="pod" data-pod=${pod.id}>
        <span class="who">
          <span class="pod-name">${name}</span>
          <span class="hint detected">${detectedLabels[pod.detected ?? 'none']}</span>
        </span>
        <label>Cadence is
          <select class="override" aria-label=${`Cadence of ${name}`} @change=${(e: Event) =>
            this.#save({ footpods: withOverride(pods, pod.id, (e.target as HTMLSelectElement).value as CadenceUnitOverride) })}>
            ${(['auto', 'steps', 'strides'] as const).map(
              (choice) => html`<option value=${choice} ?selected=${choice === pod.override}>${overrideLabels[choice]}</option>`,
            )}
          </select>
        </label>
        <stride-calibration-settings class="calibration" .podName=${pod.name} .curve=${calibrationOf(pod)}
          .autoLocked=${pod.autoCalibrationLocked ?? false} .autoAvailable=${this.services!.sensors.source('treadmill')?.state === 'connected'}
          .unit=${this.services!.settings.settings.distanceUnit}
          @calibration-change=${(e: CustomEvent<{ curve: CalibrationPoint[] }>) =>
            this.#save({ footpods: withCalibration(pods, pod.id, e.detail.curve) })}
          @auto-lock-change=${(e: CustomEvent<{ locked: boolean }>) =>
            this.#save({ footpods: withAutoCalibrationLock(pods, pod.id, e.detail.locked) })}
        ></stride-calibration-settings>
      </li>`;
    };
    return html`<fieldset id="footpods">
      <legend>Footpods</legend>
      <p class="hint">Stridewise always shows steps per minute. Some pods count strides (one foot) and send half
        that; Stridewise notices and doubles them. Choose Steps or Strides if it guessed wrong.</p>
      <p class="hint">Calibration scales a pod's speed and distance to match the belt. Set it here, with the check
        against the belt on the live page, or from a finished run's page.</p>
      ${pods.length === 0 ? html`<p>No footpod connected yet.</p>` : html`<ul class="pods">${pods.map(row)}</ul>`}
    </fieldset>`;
  }

  #renderData() {
    const data = this.services!.data;
    return html`<fieldset>
      <legend>Your data</legend>
      <p id="usage">${data.usage === undefined ? 'Checking storage…' : describeUsage(data.usage)}</p>
      <p id="persistence">${describePersistence(data.persistence)}</p>
      <p>
        <label class="file">Import runs from a watch (FIT or TCX)
          <input type="file" id="import" multiple accept=".fit,.tcx,application/vnd.ant.fit,application/vnd.garmin.tcx+xml"
            @change=${(e: Event) => void this.#import(e)} /></label>
      </p>
      ${data.importProgress
        ? html`<stride-import-progress .fileName=${data.importProgress.fileName} .percent=${data.importProgress.percent}></stride-import-progress>`
        : nothing}
      <p>
        <button id="backup" @click=${() => void this.#backup()}>Download a backup of everything</button>
        <label class="file">Restore from a backup
          <input type="file" id="restore" accept=".json,application/json" @change=${(e: Event) => void this.#restore(e)} /></label>
      </p>
      ${this.#renderExportAll()}
      <div role="status">
        ${data.outcomes.length
          ? html`<ul id="outcomes">
              ${data.outcomes.map((o) => html`<li class=${o.ok ? 'ok' : 'problem'}><strong>${o.fileName}</strong>: ${o.message}</li>`)}
            </ul>`
          : nothing}
      </div>
      <stride-backup-folder .folder=${folderServiceOf(this.services!)}></stride-backup-folder>
    </fieldset>`;
  }

  /**
   * "Export all 42 runs as FIT zip" (a run being recorded is not counted, and the hint says so). With
   * none stored, or a list that cannot be read, the buttons are off and the hint says why. While a
   * zip is written they refuse with aria-disabled, so the one pressed keeps the focus.
   */
  #renderExportAll() {
    const { data, history } = this.services!;
    const count = history.sessions.filter((s) => !history.isRecordingNow(s.id)).length;
    const recording = history.sessions.length - count;
    const busy = data.runsExport?.writing === true;
    const problem = history.problem;
    const none = history.loaded && problem === null && count === 0;
    const off = none || problem !== null || !history.loaded;
    const label = (format: ZipFormat) => {
      const as = `as ${format.toUpperCase()} zip`;
      if (none) return `Nothing to export ${as}`;
      return history.loaded && problem === null ? `Export all ${count} run${count === 1 ? '' : 's'} ${as}` : `Export all runs ${as}`;
    };
    const button = (format: ZipFormat) => html`<button id=${`export-all-${format}`} ?disabled=${off} aria-disabled=${busy ? 'true' : nothing}
      aria-describedby="export-all-hint" @click=${() => void this.#exportAll(format)}>${label(format)}</button>`;
    const beingRecorded = recording === 0 ? '' : recording === 1 ? ' The run being recorded is not counted; export it once saved.' : ` The ${recording} runs being recorded are not counted; export them once saved.`;
    const hint = problem !== null
      ? html`<p class="problem" id="export-all-hint">${problem}</p>`
      : html`<p class="hint" id="export-all-hint">${none
        ? recording > 0
          ? `There is no saved run yet.${beingRecorded}`
          : 'There are no runs yet: record or import one, and it can leave here with the others as one zip.'
        : `One zip with a file per run, for a bulk upload to Strava, Garmin Connect or another service. To pick some, use Select on the History page.${beingRecorded}`}</p>`;
    return html`<div id="export-all">
      <p class="buttons">${button('fit')} ${button('tcx')}</p>
      ${hint}
      <stride-runs-export-status .state=${data.runsExport}></stride-runs-export-status>
    </div>`;
  }

  async #exportAll(format: ZipFormat): Promise<void> {
    if (this.services?.data.runsExport?.writing) return;
    const file = await this.services?.data.exportRuns(null, format);
    if (file) downloadFile(file.blob, file.fileName);
  }

  /** The last export's message belongs to this visit of the page. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services?.data.forgetRunsExport();
  }

  async #import(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    await this.services?.data.importFiles([...(input.files ?? [])]);
    input.value = '';
  }

  async #restore(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) await this.services?.data.restore(file);
    input.value = '';
  }

  async #backup(): Promise<void> {
    const backup = await this.services?.data.backup();
    if (!backup) return;
    downloadFile(backup.blob, backup.fileName);
  }

  #saveZones(): void {
    const read = (id: keyof CadenceZones) => Number(this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value);
    const zones: CadenceZones = { buildingFrom: read('buildingFrom'), targetFrom: read('targetFrom'), targetTo: read('targetTo') };
    this.zoneProblem = checkCadenceZones(zones);
    if (this.zoneProblem === null) void this.#save({ zones });
  }

  #resetZones(): void {
    this.zoneProblem = null;
    void this.#save({ zones: { ...defaultCadenceZones } });
  }

  async #save(change: Parameters<AppServices['settings']['update']>[0]): Promise<void> {
    await this.services?.settings.update(change);
    this.saved = true;
  }
}
customElements.define('stride-settings-page', StrideSettingsPage);

declare global {
  interface HTMLElementTagNameMap {
    'stride-settings-page': StrideSettingsPage;
  }
}
