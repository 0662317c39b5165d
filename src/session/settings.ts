// What the runner can change in settings. Stored values pass through `settingsFrom`, so a value
// written by an older version, or damaged, falls back field by field instead of breaking the app.

import { type CoachSettings, coachSettingsFrom, defaultCoachSettings } from './coach-settings.js';
import { type KnownFootpod, knownFootpodsFrom } from './known-footpods.js';
import { type PlanSettings, defaultPlanSettings, planSettingsFrom } from './plan-settings.js';
import { type SmoothingSeconds, smoothingChoices } from './smoothing.js';
import { type SpeedSource, isSpeedSource } from './speed-source.js';
import type { DistanceUnit } from './units.js';
import { type CadenceZones, checkCadenceZones, defaultCadenceZones, wholeStepZones } from './zones.js';

export interface AppSettings {
  zones: CadenceZones;
  distanceUnit: DistanceUnit;
  smoothingS: SmoothingSeconds;
  /** Start recording on the first running sample after connecting. */
  autoStart: boolean;
  /** Pause when the pod reports walking or standing for this many seconds; 0 turns it off. */
  autoPauseAfterS: number;
  /** Pods seen before, most recent first: whether each counts steps or strides. */
  footpods: KnownFootpod[];
  /** Metronome, zone cues, check-ins and mute. */
  coach: CoachSettings;
  /** Cadence plan: the target zones accepted step by step, the proposal declined, a tapped cadence. */
  plan: PlanSettings;
  /** Which sensor gives speed and distance; cadence and stride always come from the pod. */
  speedFrom: SpeedSource;
  /** The Bluetooth device of each kind used last, to reconnect without the chooser. */
  sensors: SensorIds;
  /** Whether the live page's Sensors section (treadmill, strap, calibration) is open: as the runner left it. */
  liveSensorsOpen: boolean;
  /** Light for a bright gym, dark for a dim room, or whatever the system says. */
  theme: ThemeChoice;
}

export type ThemeChoice = 'system' | 'light' | 'dark';
export const themeChoices: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** BluetoothDevice ids remembered per kind of sensor; null: none yet. */
export interface SensorIds {
  treadmillId: string | null;
  heartRateId: string | null;
  footpodId: string | null;
}

export const autoPauseChoices: readonly number[] = [0, 5, 10, 30];

export const defaultSettings: Readonly<AppSettings> = Object.freeze({
  zones: defaultCadenceZones,
  distanceUnit: 'km',
  smoothingS: 5,
  autoStart: false,
  autoPauseAfterS: 0,
  footpods: [],
  coach: defaultCoachSettings,
  plan: defaultPlanSettings,
  speedFrom: 'footpod',
  sensors: Object.freeze({ treadmillId: null, heartRateId: null, footpodId: null }),
  liveSensorsOpen: false,
  theme: 'system',
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function settingsFrom(value: unknown): AppSettings {
  const stored = isRecord(value) ? value : {};
  // Edges stored before they had to be whole steps move to the nearest one (zonesMoved says so).
  const candidate: CadenceZones = wholeStepZones(storedZones(stored)).zones;
  const unit = stored['distanceUnit'];
  const smoothing = stored['smoothingS'];
  const autoPause = stored['autoPauseAfterS'];
  return {
    zones: checkCadenceZones(candidate) === null ? candidate : { ...defaultSettings.zones },
    distanceUnit: unit === 'km' || unit === 'mi' ? unit : defaultSettings.distanceUnit,
    smoothingS: smoothingChoices.includes(smoothing as SmoothingSeconds)
      ? (smoothing as SmoothingSeconds)
      : defaultSettings.smoothingS,
    autoStart: typeof stored['autoStart'] === 'boolean' ? stored['autoStart'] : defaultSettings.autoStart,
    autoPauseAfterS: autoPauseChoices.includes(autoPause as number) ? (autoPause as number) : defaultSettings.autoPauseAfterS,
    footpods: knownFootpodsFrom(stored['footpods']),
    coach: coachSettingsFrom(stored['coach']),
    plan: planSettingsFrom(stored['plan']),
    speedFrom: isSpeedSource(stored['speedFrom']) ? stored['speedFrom'] : defaultSettings.speedFrom,
    sensors: sensorIdsFrom(stored['sensors']),
    liveSensorsOpen: stored['liveSensorsOpen'] === true,
    theme: themeChoices.includes(stored['theme'] as ThemeChoice) ? (stored['theme'] as ThemeChoice) : defaultSettings.theme,
  };
}

function storedZones(stored: Record<string, unknown>): CadenceZones {
  const zones = isRecord(stored['zones']) ? stored['zones'] : {};
  return { buildingFrom: Number(zones['buildingFrom']), targetFrom: Number(zones['targetFrom']), targetTo: Number(zones['targetTo']) };
}

/**
 * In words, what settingsFrom did to stored zones whose edges were not whole steps (moved to the
 * nearest, or the defaults where the moved ones no longer make a valid set); null when nothing.
 */
export function zonesMoved(value: unknown): string | null {
  const stored = storedZones(isRecord(value) ? value : {});
  const { zones, moved } = wholeStepZones(stored);
  if (moved === null) return null;
  return checkCadenceZones(zones) === null ? moved : `${moved} Those are not a valid set, so the zones are back to 160 / 170 / 180.`;
}

/** Device ids are opaque text from the browser; anything else (or very long) is forgotten. */
const deviceIdOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' && value.length <= 200 ? value : null;

function sensorIdsFrom(value: unknown): SensorIds {
  const stored = isRecord(value) ? value : {};
  return {
    treadmillId: deviceIdOrNull(stored['treadmillId']),
    heartRateId: deviceIdOrNull(stored['heartRateId']),
    footpodId: deviceIdOrNull(stored['footpodId']),
  };
}
