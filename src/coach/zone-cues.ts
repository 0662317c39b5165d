// When to tell the runner their cadence is out of the target zone. A cue only after the cadence
// has stayed out on one side for a while (smoothing wobbles and a single slow step say nothing),
// then no more than one per `everyS` so the runner is reminded, not nagged.

import type { CueSettings } from '../session/coach-settings.js';
import { wholeSteps } from '../session/shown-cadence.js';
import type { CadenceZones } from '../session/zones.js';
import { ActiveClock } from './active-time.js';
import type { CoachEvent, CoachInput } from './coach-events.js';

export type CueDirection = 'low' | 'high';

/** Times here are sums of fractions of seconds; this keeps 9.9999999 s from missing a 10 s mark. */
const epsilonS = 1e-6;

/** 'low' below the target zone, 'high' above it, null inside it (both ends included). */
export function cueDirectionFor(cadence: number, zones: CadenceZones): CueDirection | null {
  if (cadence < zones.targetFrom) return 'low';
  if (cadence > zones.targetTo) return 'high';
  return null;
}

/** The spoken sentence: the number, then one short piece of advice for that direction. */
export function cueWords(direction: CueDirection, cadence: number): string {
  const number = `Cadence ${wholeSteps(cadence)}.`;
  return direction === 'low'
    ? `${number} Quicker, shorter steps, landing under your hips.`
    : `${number} Relax and lengthen a touch; stay light.`;
}

/** One stretch of running on one side of the target zone. */
interface OutOfZoneSpell {
  direction: CueDirection;
  sinceS: number;
  cued: boolean;
}

export class ZoneCues {
  #settings: CueSettings;
  #zones: CadenceZones;
  readonly #clock = new ActiveClock();
  #spell: OutOfZoneSpell | null = null;
  #lastCueS: number | null = null;

  constructor(settings: CueSettings, zones: CadenceZones) {
    this.#settings = settings;
    this.#zones = zones;
  }

  /** Takes effect from the next input; the running time and the spell so far are kept. */
  setSettings(settings: CueSettings): void {
    this.#settings = settings;
    // Cues turned off: a "back in zone" later would answer a cue the runner chose to stop.
    if (!settings.enabled && this.#spell) this.#spell.cued = false;
  }

  /** Takes effect from the next input: a spell on the other side of the new zone starts afresh. */
  setZones(zones: CadenceZones): void {
    this.#zones = zones;
  }

  /** A new session: warm-up, spell and the last cue are forgotten. */
  reset(): void {
    this.#clock.reset();
    this.#spell = null;
    this.#lastCueS = null;
  }

  update(input: CoachInput): CoachEvent[] {
    // The clock and spell are kept up to date while cues are off, so turning them on mid-run
    // knows the warm-up is over and how long the cadence has been out.
    const events = this.#follow(input);
    return this.#settings.enabled ? events : [];
  }

  #follow(input: CoachInput): CoachEvent[] {
    const { active, gap } = this.#clock.advance(input);
    // Paused, walking or unseen for a while: whatever the cadence did, it was not sustained running.
    if (!active || gap) this.#spell = null;
    if (!active) return [];

    // Judged on the number the cue speaks (the cadence over the cue's own 10 s, whatever the screens'
    // smoothing shows, in whole steps), so "Cadence 170" is never low in 170-180.
    const direction = cueDirectionFor(wholeSteps(input.cadence), this.#zones);
    if (direction === null) {
      const wasCued = this.#spell?.cued === true;
      this.#spell = null;
      return wasCued ? [{ kind: 'back-in-zone', atS: input.timeS, cadence: input.cadence }] : [];
    }

    if (this.#spell?.direction !== direction) this.#spell = { direction, sinceS: input.timeS, cued: false };
    if (!this.#cueDue(this.#spell, input.timeS)) return [];
    this.#spell.cued = true;
    this.#lastCueS = input.timeS;
    return [{ kind: 'cue', direction, atS: input.timeS, cadence: input.cadence, spoken: cueWords(direction, input.cadence) }];
  }

  #cueDue(spell: OutOfZoneSpell, nowS: number): boolean {
    const { enabled, afterS, everyS, warmUpS } = this.#settings;
    if (!enabled) return false;
    if (this.#clock.activeS < warmUpS - epsilonS) return false;
    if (nowS - spell.sinceS < afterS - epsilonS) return false;
    // Across spells too: a cadence hovering at a boundary would otherwise cue every afterS seconds.
    // A clock that went back (a new session fed without reset) leaves no last cue to wait for.
    const last = this.#lastCueS;
    const sinceCueS = last === null || nowS < last ? Number.POSITIVE_INFINITY : nowS - last;
    return sinceCueS >= everyS - epsilonS;
  }
}
