// Settings live under one key. Reads never fail the app: a missing, damaged or blocked store
// gives the defaults, and the caller hears why through the returned problem.

import { get, setMany } from 'idb-keyval';
import { type AppSettings, defaultSettings, settingsFrom, zonesMoved } from '../session/settings.js';
import { SCHEMA_KEY, SCHEMA_VERSION, kvStore } from './kv.js';

const SETTINGS_KEY = 'settings';

export interface LoadedSettings {
  settings: AppSettings;
  problem: string | null;
}

export async function loadSettings(): Promise<LoadedSettings> {
  try {
    const stored: unknown = await get(SETTINGS_KEY, kvStore());
    const settings = settingsFrom(stored);
    // Zone edges between whole steps, stored by an older version, are moved once and said once.
    const moved = zonesMoved(stored);
    if (moved !== null) return { settings, problem: (await saveSettings(settings)) ?? moved };
    return { settings, problem: null };
  } catch (error) {
    return {
      settings: settingsFrom(defaultSettings),
      problem: `Saved settings could not be read, so the defaults are in use (${describe(error)}).`,
    };
  }
}

/** Resolves to a problem sentence when the settings could not be saved, else null. */
export async function saveSettings(settings: AppSettings): Promise<string | null> {
  try {
    await setMany([[SCHEMA_KEY, SCHEMA_VERSION], [SETTINGS_KEY, settings]], kvStore());
    return null;
  } catch (error) {
    return `Settings could not be saved (${describe(error)}). They apply until you close this tab.`;
  }
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}
