import { LitElement, type PropertyValues, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AppServices } from '../services/services.js';
import { EventController } from '../components/event-controller.js';
import {
  formatAveragePace,
  formatCadence,
  formatDistance,
  formatRunningInTarget,
  formatSessionDate,
  sessionTitle,
} from '../components/session-format.js';
import '../components/stride-trend-strip.js';
import '../components/stride-undo-toast.js';
import '../components/stride-runs-export-bar.js';
import '../components/stride-runs-export-status.js';
import { downloadFile } from '../components/download-file.js';
import type { ZipFormat } from '../export/runs-zip.js';
import { cardLabel } from '../components/table-cards.js';
import { programMarkLabel } from '../components/program-format.js';
import { programMarkFrom } from '../session/program-mark.js';
import { type HistorySort, type HistorySortKey, firstDescending, sortSessions } from './history-sort.js';
import { historyStyles } from './history-styles.js';
import { type TrendPoint, cadenceTrend } from '../charts/cadence-trend.js';
import type { SessionSummary } from '../session/recorded-session.js';
import { type DistanceUnit, formatDuration, paceUnitLabel } from '../session/units.js';

/** The runner's own name for the rename box: a name the app gave (its title made from its start) leaves it empty, the title its placeholder. */
const ownName = (s: SessionSummary, title: string): string => (s.name === title ? s.name : '');

type Editing = { id: string; field: 'name' | 'notes' } | null;

/** Said beside a session that is not simply a finished recording. */
const statusTags: Partial<Record<SessionSummary['status'], string>> = { recording: 'unfinished', recovered: 'recovered' };

/** The column headers of the amounts, which also label them in a card. */
const amountLabels = (unit: DistanceUnit) => ({
  duration: 'Time',
  distance: `Distance (${unit})`,
  pace: `Pace (${paceUnitLabel[unit]})`,
  cadence: 'Cadence (steps/min)',
  target: 'In target, running',
});

const sessionCount = (n: number): string => `${n} session${n === 1 ? '' : 's'}`;

/**
 * Every recorded session from the one summary read of the history service (no samples are
 * loaded): sortable columns, rename and notes in place, delete with undo, pick two to compare.
 * The run this tab records is shown as it stands, and cannot be changed until it is saved.
 */
export class StrideHistoryPage extends LitElement {
  static override properties = {
    services: { attribute: false },
    sort: { state: true },
    selected: { state: true },
    editing: { state: true },
    choosing: { state: true },
    chosen: { state: true },
  };
  declare services: AppServices | null;
  declare sort: HistorySort;
  /** Ids picked for comparison, oldest pick first; at most two. */
  declare selected: readonly string[];
  declare editing: Editing;
  /** Runs are being picked for a zip: the tick boxes pick for it, not for comparing. */
  declare choosing: boolean;
  /** Ids picked for the zip (some may have been deleted since: `chosenNow` leaves them out). */
  declare chosen: ReadonlySet<string>;

  readonly #history = new EventController(this, ['change']);
  readonly #settings = new EventController(this, ['change']);
  /** The zip of runs: how far, then what it did. */
  readonly #data = new EventController(this, ['change']);
  readonly #recording = new EventController(this, ['change']);
  /** A program test ending shows its cadence again. */
  readonly #program = new EventController(this, ['change']);
  /** This tab's run while it records: its row shows its time and distance as they grow. */
  readonly #liveRun = new EventController(this, ['sample', 'state']);
  #sorted: { from: readonly SessionSummary[]; sort: HistorySort; rows: SessionSummary[] } | null = null;
  #focusAfterEdit: string | null = null;
  #trend: { from: readonly SessionSummary[]; hidden: string | null; points: TrendPoint[] } | null = null;

  constructor() {
    super();
    this.services = null;
    this.sort = { key: 'date', descending: true };
    this.selected = [];
    this.editing = null;
    this.choosing = false;
    this.chosen = new Set();
    this.addEventListener('keydown', (e) => {
      // Esc in a rename or notes box ends that edit only.
      const from = e.composedPath()[0];
      if (from instanceof HTMLTextAreaElement || (from instanceof HTMLInputElement && from.type === 'text')) return;
      if (e.key === 'Escape' && this.choosing) this.#stopChoosing();
    });
  }

  static override styles = historyStyles;

  /** The last export's message belongs to this visit of the page. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services?.data.forgetRunsExport();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services')) {
      this.#history.target = this.services?.history ?? null;
      this.#settings.target = this.services?.settings ?? null;
      this.#data.target = this.services?.data ?? null;
      // One index read each time the page opens: sessions recorded since then show up.
      void this.services?.history.load();
      this.#recording.target = this.services?.recording ?? null;
      this.#program.target = this.services?.program ?? null;
    }
    const recording = this.services?.recording;
    this.#liveRun.target = recording?.recordingId ? recording.recorder : null;
  }

  protected override render() {
    if (!this.services) return nothing;
    const { history } = this.services;
    const unit = this.services.settings.settings.distanceUnit;
    const removed = history.removed;
    return html`
      <h1>History</h1>
      ${history.problem
        ? html`<p class="problem" role="alert">${history.problem}
            <button @click=${() => void history.load()}>Try again</button></p>`
        : nothing}
      ${!history.loaded
        ? html`<p class="hint" role="status">Loading sessions…</p>`
        : history.sessions.length === 0
          ? this.#renderEmpty()
          : html`${this.#renderTrend()}${this.choosing ? this.#renderExportBar() : this.#renderCompareBar()}`}
      <!-- Under the bar that started it, not below a long list: on a phone the runner sees how it went. -->
      <stride-runs-export-status .state=${this.services.data.runsExport}></stride-runs-export-status>
      ${history.loaded && history.sessions.length > 0 ? this.#renderTable(unit) : nothing}
      ${removed
        ? html`<stride-undo-toast .message=${`Deleted “${sessionTitle(removed)}”.`}
            @undo=${() => void history.undoRemove()} @dismiss=${() => history.dismissRemoved()}></stride-undo-toast>`
        : nothing}
    `;
  }

  protected override updated(): void {
    const focus = this.#focusAfterEdit;
    if (focus === null) return;
    this.#focusAfterEdit = null;
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  /**
   * Rows in the current order; sorted again only when the list or the order changed. The run this
   * tab records shows its numbers as they stand (first, if it began after the list was read).
   */
  get rows(): readonly SessionSummary[] {
    const sessions = this.services?.history.sessions ?? [];
    if (this.#sorted?.from !== sessions || this.#sorted.sort !== this.sort) {
      this.#sorted = { from: sessions, sort: this.sort, rows: sortSessions(sessions, this.sort) };
    }
    const rows = this.#sorted.rows;
    const live = this.#liveSummary();
    const withLive = !live ? rows : rows.some((s) => s.id === live.id) ? rows.map((s) => (s.id === live.id ? live : s)) : [live, ...rows];
    // Sorted by cadence or time in target, the test's place would tell its cadence: it goes first.
    const hidden = withLive.find((s) => this.#cadenceHidden(s));
    return hidden && (this.sort.key === 'cadence' || this.sort.key === 'target') ? [hidden, ...withLive.filter((s) => s !== hidden)] : withLive;
  }

  /**
   * The run being recorded is a program test: its cadence (and time in target, which follows from
   * it) stays hidden until the test ends, as on the live and treadmill screens.
   */
  #cadenceHidden(s: SessionSummary): boolean {
    const services = this.services;
    if (!services?.history.isRecordingNow(s.id)) return false;
    const active = services.program.active;
    return s.program?.kind === 'test' || (services.recording.recordingId === s.id && active?.kind === 'test');
  }

  #liveSummary(): SessionSummary | null {
    const recording = this.services?.recording;
    const id = recording?.recordingId ?? null;
    const meta = id === null ? null : (recording!.current()?.meta ?? null);
    return meta !== null && meta.id === id ? meta : null;
  }

  /** Average cadence of the last runs, worked out again only when the list changed. */
  get trend(): readonly TrendPoint[] {
    const sessions = this.services?.history.sessions ?? [];
    const hidden = sessions.find((s) => this.#cadenceHidden(s))?.id ?? null;
    if (this.#trend?.from !== sessions || this.#trend.hidden !== hidden) {
      this.#trend = { from: sessions, hidden, points: cadenceTrend(sessions.filter((s) => s.id !== hidden)) };
    }
    return this.#trend.points;
  }

  #renderTrend() {
    return html`<stride-trend-strip id="trend" .points=${this.trend} .zones=${this.services!.settings.settings.zones}></stride-trend-strip>`;
  }

  #renderEmpty() {
    return html`<div class="empty">
      <p>No sessions yet. Every run you record on the live page is kept here, so you can look back and compare weeks.</p>
      <p><a class="button" href="/">Go to the live page</a></p>
    </div>`;
  }

  #renderCompareBar() {
    const [a, b] = this.selected;
    return html`<div class="bar">
      ${a && b
        ? html`<a class="button" id="compare" href=${`/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}`}>Compare the two selected</a>
            <button id="clear-selection" @click=${() => (this.selected = [])}>Clear selection</button>`
        : html`<p class="hint" id="compare-hint">Tick two sessions to compare them${a ? ': one more' : ''}.</p>`}
      <button id="select-runs" @click=${() => void this.#startChoosing()}>Select runs to export</button>
    </div>`;
  }

  /** Runs that can go in a zip: all but one being recorded (its file would end where the recording stands). */
  #exportable(): SessionSummary[] {
    const history = this.services!.history;
    return history.sessions.filter((s) => !history.isRecordingNow(s.id));
  }

  /** The picked runs still stored, and not being recorded. */
  get chosenNow(): string[] {
    return this.#exportable().filter((s) => this.chosen.has(s.id)).map((s) => s.id);
  }

  #renderExportBar() {
    const exporting = this.services!.data.runsExport?.writing === true;
    return html`<div class="bar" role="group" aria-label="Export runs">
      <stride-runs-export-bar id="export-bar" .chosen=${this.chosenNow.length} .total=${this.#exportable().length} .busy=${exporting}
        @select-all=${(e: CustomEvent<boolean>) => (this.chosen = new Set(e.detail ? this.#exportable().map((s) => s.id) : []))}
        @export-runs=${(e: CustomEvent<ZipFormat>) => void this.#exportChosen(e.detail)}
        @cancel=${() => this.#stopChoosing()}></stride-runs-export-bar>
    </div>`;
  }

  /** Focus goes to the bar's first button once the bar has drawn (it draws after this page). */
  async #startChoosing(): Promise<void> {
    this.choosing = true;
    await this.updateComplete;
    const bar = this.renderRoot.querySelector('stride-runs-export-bar');
    await bar?.updateComplete;
    bar?.focus();
  }

  #stopChoosing(): void {
    this.choosing = false;
    this.chosen = new Set();
    this.#focusAfterEdit = '#select-runs';
  }

  async #exportChosen(format: ZipFormat): Promise<void> {
    const file = await this.services?.data.exportRuns(this.chosenNow, format);
    if (file) downloadFile(file.blob, file.fileName);
  }

  #choose(id: string, checked: boolean): void {
    const chosen = new Set(this.chosen);
    if (checked) chosen.add(id);
    else chosen.delete(id);
    this.chosen = chosen;
  }

  #renderTable(unit: DistanceUnit) {
    const labels = amountLabels(unit);
    const header = (key: HistorySortKey, label: string, numeric = false) => {
      const sorted = this.sort.key === key;
      // "Distance (km)": the unit is left out of the sort button a card view shows, not out of what is heard.
      const [name, unitPart] = label.split(/(?= \()/);
      return html`<th role="columnheader" scope="col" class=${numeric ? 'num' : ''} aria-sort=${sorted ? (this.sort.descending ? 'descending' : 'ascending') : nothing}>
        <button data-sort=${key} @click=${() => this.#sortBy(key)}>${name}${unitPart ? html`<span class="unit">${unitPart}</span>` : nothing}<span class="arrow" aria-hidden="true">${sorted ? (this.sort.descending ? '↓' : '↑') : ''}</span></button>
      </th>`;
    };
    return html`<div class="table-wrap">
      <table role="table">
        <caption class="hint">${sessionCount(this.services!.history.sessions.length)}. Sort by any column; ${this.choosing ? 'tick the runs to export' : 'tick two to compare'}.</caption>
        <thead role="rowgroup"><tr role="row">
          <th role="columnheader" scope="col" class="unsortable">${this.choosing ? 'Select' : 'Compare'}</th>
          ${header('name', 'Session')}
          ${header('date', 'Date')}
          ${header('duration', labels.duration, true)}
          ${header('distance', labels.distance, true)}
          ${header('pace', labels.pace, true)}
          ${header('cadence', labels.cadence, true)}
          ${header('target', labels.target, true)}
          <th role="columnheader" scope="col" class="unsortable">Actions</th>
        </tr></thead>
        <tbody role="rowgroup">${repeat(this.rows, (s) => s.id, (s) => this.#renderRow(s, unit))}</tbody>
      </table>
    </div>`;
  }

  #renderRow(s: SessionSummary, unit: DistanceUnit) {
    const title = sessionTitle(s);
    const editing = this.editing?.id === s.id ? this.editing.field : null;
    const labels = amountLabels(unit);
    const recordingNow = this.services!.history.isRecordingNow(s.id);
    const tag = recordingNow
      ? html` <span class="tag now">recording now</span>`
      : statusTags[s.status] || s.origin === 'import' ? html` <span class="tag">${statusTags[s.status] ?? 'imported'}</span>` : nothing;
    return html`<tr role="row" data-id=${s.id}>
      <td role="cell" class="pick">${this.choosing
        ? html`<label class="pick"><input type="checkbox" class="choose" aria-label=${recordingNow ? `${title} is being recorded: it can be exported once saved` : `Select ${title}`}
            .checked=${this.chosen.has(s.id) && !recordingNow} ?disabled=${recordingNow}
            @change=${(e: Event) => this.#choose(s.id, (e.target as HTMLInputElement).checked)} />${cardLabel('Select')}</label>`
        : html`<label class="pick"><input type="checkbox" aria-label=${`Compare ${title}`} .checked=${this.selected.includes(s.id)}
            @change=${(e: Event) => this.#select(s.id, (e.target as HTMLInputElement).checked)} />${cardLabel('Compare')}</label>`}</td>
      <td role="cell" class="session">
        ${editing === 'name'
          ? html`<div class="edit">
              <input type="text" class="name-input" aria-label="Session name" .value=${ownName(s, title)} placeholder=${title}
                @keydown=${(e: KeyboardEvent) => this.#editKey(e, s.id, 'name')} />
              <button class="save" @click=${() => void this.#saveEdit(s.id, 'name')}>Save</button>
              <button class="cancel" @click=${() => this.#stopEditing(s.id, 'name')}>Cancel</button>
            </div>`
          : html`<a class="title" href=${`/history/${encodeURIComponent(s.id)}`}>${title}</a>${tag}${programMarkFrom(s.program) ? html` <span class="tag program">${programMarkLabel(s.program!)}</span>` : nothing}${s.damage ? html` <span class="tag damaged">damaged</span>` : nothing}`}
        ${s.damage ? html`<p class="damage">Damaged: ${s.damage}. The rest of its samples are kept.</p>` : nothing}
        ${editing === 'notes'
          ? html`<div class="edit">
              <textarea class="notes-input" aria-label=${`Notes for ${title}`} .value=${s.notes}
                @keydown=${(e: KeyboardEvent) => this.#editKey(e, s.id, 'notes')}></textarea>
              <button class="save" @click=${() => void this.#saveEdit(s.id, 'notes')}>Save notes</button>
              <button class="cancel" @click=${() => this.#stopEditing(s.id, 'notes')}>Cancel</button>
            </div>`
          : s.notes ? html`<p class="notes">${s.notes}</p>` : nothing}
      </td>
      <td role="cell" class="date">${cardLabel('Date')}<time datetime=${new Date(s.startedAt).toISOString()}>${formatSessionDate(s.startedAt)}</time></td>
      <td role="cell" class="num">${cardLabel(labels.duration)}${formatDuration(s.movingS)}</td>
      <td role="cell" class="num">${cardLabel(labels.distance)}${formatDistance(s.distanceM, unit)}</td>
      <td role="cell" class="num">${cardLabel(labels.pace)}${formatAveragePace(s.avgSpeedMps, unit)}</td>
      ${this.#cadenceHidden(s)
        ? html`<td role="cell" class="num hidden-test">${cardLabel(labels.cadence)}hidden during the test</td>
            <td role="cell" class="num hidden-test">${cardLabel(labels.target)}hidden during the test</td>`
        : html`<td role="cell" class="num">${cardLabel(labels.cadence)}${formatCadence(s.avgCadence)}</td>
            <td role="cell" class="num">${cardLabel(labels.target)}${((t) => `${t.time} (${t.share})`)(formatRunningInTarget(s))}</td>`}
      <td role="cell" class="actions">${recordingNow ? this.#renderRecordingNow(s.id) : html`<div class="actions">
        <button class="rename" aria-label=${`Rename ${title}`} @click=${() => this.#startEditing(s.id, 'name')}>Rename</button>
        <button class="edit-notes" aria-label=${`Notes for ${title}`} @click=${() => this.#startEditing(s.id, 'notes')}>Notes</button>
        <button class="delete" aria-label=${`Delete ${title}`} @click=${() => void this.#delete(s.id)}>Delete</button>
      </div>`}</td>
    </tr>`;
  }

  /** In place of the actions of a run being recorded: it is changed or deleted once saved. */
  #renderRecordingNow(id: string) {
    return this.services!.recording.recordingId === id
      ? html`<a class="live" href="/">On the live page</a>`
      : html`<span class="hint live">In another tab</span>`;
  }

  #sortBy(key: HistorySortKey): void {
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: firstDescending[key] };
  }

  #select(id: string, checked: boolean): void {
    const others = this.selected.filter((s) => s !== id);
    // A third tick replaces the older of the two: comparing is always between two.
    this.selected = checked ? [...others.slice(-1), id] : others;
  }

  #startEditing(id: string, field: 'name' | 'notes'): void {
    this.editing = { id, field };
    this.#focusAfterEdit = `tr[data-id="${CSS.escape(id)}"] .${field}-input`;
  }

  #stopEditing(id: string, field: 'name' | 'notes'): void {
    this.editing = null;
    this.#focusAfterEdit = `tr[data-id="${CSS.escape(id)}"] .${field === 'name' ? 'rename' : 'edit-notes'}`;
  }

  #editKey(event: KeyboardEvent, id: string, field: 'name' | 'notes'): void {
    if (event.key === 'Escape') this.#stopEditing(id, field);
    // Enter saves a name; in notes it starts a new line unless Ctrl or Cmd is held.
    else if (event.key === 'Enter' && (field === 'name' || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.#saveEdit(id, field);
    }
  }

  async #saveEdit(id: string, field: 'name' | 'notes'): Promise<void> {
    const history = this.services?.history;
    const input = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      `tr[data-id="${CSS.escape(id)}"] .${field}-input`,
    );
    if (!history || !input) return;
    const saved = field === 'name' ? await history.rename(id, input.value) : await history.setNotes(id, input.value);
    // On failure the editor stays open with the text, and the problem shows above the table.
    if (saved) this.#stopEditing(id, field);
  }

  async #delete(id: string): Promise<void> {
    this.selected = this.selected.filter((s) => s !== id);
    if (this.editing?.id === id) this.editing = null;
    await this.services?.history.remove(id);
  }
}
customElements.define('stride-history-page', StrideHistoryPage);

declare global {
  interface HTMLElementTagNameMap {
    'stride-history-page': StrideHistoryPage;
  }
}
