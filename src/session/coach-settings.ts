// The runner's coaching choices. Stored inside the app settings; values written by an older
// version, or damaged, fall back field by field (see coachSettingsFrom), like every other setting.

export interface MetronomeSettings {
  /** Steps per minute (140-220); null follows the middle of the target zone (175 by default). */
  rateSpm: number | null;
  /** Click on every step (true) or on every second step, one foot (false). */
  everyStep: boolean;
  /** 0 to 1. */
  volume: number;
  /** Take the rate from the accepted cadence plan's target, when there is one. */
  followPlan: boolean;
}

export interface CueSettings {
  enabled: boolean;
  /** A short sound: one for too low, another for too high. */
  sound: boolean;
  /** Spoken words: the number and one short piece of advice. */
  speech: boolean;
  /** A buzz on phones that can. */
  vibration: boolean;
  /** Seconds the smoothed cadence must stay out of zone before the first cue. */
  afterS: number;
  /** At most one cue per this many seconds. */
  everyS: number;
  /** No cues in this many seconds of running at the start (warm-up). */
  warmUpS: number;
  /** One short "good" sound when the cadence comes back into the zone after a cue. */
  backInZoneSound: boolean;
}

export interface CheckInSettings {
  /** Minutes between technique check-ins; 0 turns them off. */
  everyMin: number;
  speak: boolean;
  /**
   * Seconds a check-in stays on screen before it goes by itself (a runner mid-stride should not
   * have to tap it away); 0 keeps it until dismissed.
   */
  fadeAfterS: number;
}

export interface CoachSettings {
  metronome: MetronomeSettings;
  cues: CueSettings;
  checkIns: CheckInSettings;
  /** One switch for every sound, word and buzz, on the live and treadmill screens. */
  muted: boolean;
}

export const METRONOME_MIN_SPM = 140;
export const METRONOME_MAX_SPM = 220;
export const cueAfterChoices: readonly number[] = [5, 10, 20, 30];
export const cueEveryChoices: readonly number[] = [30, 60, 120, 300];
export const warmUpChoices: readonly number[] = [0, 60, 300, 600];
export const checkInChoices: readonly number[] = [0, 3, 5, 10, 15];
export const checkInFadeChoices: readonly number[] = [6, 12, 20, 30, 0];

export const defaultCoachSettings: Readonly<CoachSettings> = Object.freeze({
  metronome: Object.freeze({ rateSpm: null, everyStep: true, volume: 0.6, followPlan: false }),
  cues: Object.freeze({
    enabled: true,
    sound: true,
    speech: false,
    vibration: false,
    afterS: 10,
    everyS: 60,
    warmUpS: 60,
    backInZoneSound: true,
  }),
  checkIns: Object.freeze({ everyMin: 5, speak: false, fadeAfterS: 12 }),
  muted: false,
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const bool = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);
const choice = (value: unknown, choices: readonly number[], fallback: number): number =>
  choices.includes(value as number) ? (value as number) : fallback;

export function coachSettingsFrom(value: unknown): CoachSettings {
  const stored = isRecord(value) ? value : {};
  const m = isRecord(stored['metronome']) ? stored['metronome'] : {};
  const c = isRecord(stored['cues']) ? stored['cues'] : {};
  const k = isRecord(stored['checkIns']) ? stored['checkIns'] : {};
  const d = defaultCoachSettings;
  const rate = m['rateSpm'];
  const volume = m['volume'];
  return {
    metronome: {
      rateSpm:
        typeof rate === 'number' && Number.isInteger(rate) && rate >= METRONOME_MIN_SPM && rate <= METRONOME_MAX_SPM ? rate : null,
      everyStep: bool(m['everyStep'], d.metronome.everyStep),
      volume: typeof volume === 'number' && volume >= 0 && volume <= 1 ? volume : d.metronome.volume,
      followPlan: bool(m['followPlan'], d.metronome.followPlan),
    },
    cues: {
      enabled: bool(c['enabled'], d.cues.enabled),
      sound: bool(c['sound'], d.cues.sound),
      speech: bool(c['speech'], d.cues.speech),
      vibration: bool(c['vibration'], d.cues.vibration),
      afterS: choice(c['afterS'], cueAfterChoices, d.cues.afterS),
      everyS: choice(c['everyS'], cueEveryChoices, d.cues.everyS),
      warmUpS: choice(c['warmUpS'], warmUpChoices, d.cues.warmUpS),
      backInZoneSound: bool(c['backInZoneSound'], d.cues.backInZoneSound),
    },
    checkIns: {
      everyMin: choice(k['everyMin'], checkInChoices, d.checkIns.everyMin),
      speak: bool(k['speak'], d.checkIns.speak),
      fadeAfterS: choice(k['fadeAfterS'], checkInFadeChoices, d.checkIns.fadeAfterS),
    },
    muted: bool(stored['muted'], d.muted),
  };
}
