// The runner's settings, loaded once and saved on every change. Pages read `settings` and
// listen for 'change'; a storage problem is kept in `problem` for the UI to say.

import { type AppSettings, defaultSettings, settingsFrom } from '../session/settings.js';
import { loadSettings, saveSettings } from '../store/settings-store.js';

export class SettingsService extends EventTarget {
  #settings: AppSettings = settingsFrom(defaultSettings);
  #problem: string | null = null;
  #loaded = false;

  get settings(): Readonly<AppSettings> {
    return this.#settings;
  }
  get problem(): string | null {
    return this.#problem;
  }
  /** True once the stored settings were read (or found unreadable); a save before then would overwrite them. */
  get loaded(): boolean {
    return this.#loaded;
  }

  async load(): Promise<void> {
    const { settings, problem } = await loadSettings();
    this.#settings = settings;
    this.#problem = problem;
    this.#loaded = true;
    this.dispatchEvent(new Event('change'));
  }

  /** Applies at once; saving happens in the background and reports failure through `problem`. */
  async update(change: Partial<AppSettings>): Promise<void> {
    this.#settings = settingsFrom({ ...this.#settings, ...change });
    this.dispatchEvent(new Event('change'));
    const problem = await saveSettings(this.#settings);
    if (problem !== this.#problem) {
      this.#problem = problem;
      this.dispatchEvent(new Event('change'));
    }
  }
}
