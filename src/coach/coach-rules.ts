// The coach's decisions for one session in one place: zone cues and technique check-ins from the
// runner's coach settings and zones. Mute is the outputs' business: events still come while muted,
// so the screen can show a check-in the runner asked not to hear.

import type { CoachSettings } from '../session/coach-settings.js';
import type { CadenceZones } from '../session/zones.js';
import { CheckIns } from './check-ins.js';
import type { CoachEvent, CoachInput, TechniquePrompt } from './coach-events.js';
import { techniquePrompts } from './technique-prompts.js';
import { ZoneCues } from './zone-cues.js';

export class CoachRules {
  readonly #cues: ZoneCues;
  readonly #checkIns: CheckIns;

  constructor(
    settings: CoachSettings,
    zones: CadenceZones,
    prompts: readonly TechniquePrompt[] = techniquePrompts,
    random: () => number = Math.random,
  ) {
    this.#cues = new ZoneCues(settings.cues, zones);
    this.#checkIns = new CheckIns(settings.checkIns.everyMin, prompts, random);
  }

  /** Cues first, then a check-in, when both fall on the same second. */
  update(input: CoachInput): CoachEvent[] {
    return [...this.#cues.update(input), ...this.#checkIns.update(input)];
  }

  /** New settings or zones mid-run: the running time, spell and schedule so far are kept. */
  configure(settings: CoachSettings, zones: CadenceZones): void {
    this.#cues.setSettings(settings.cues);
    this.#cues.setZones(zones);
    this.#checkIns.setEveryMin(settings.checkIns.everyMin);
  }

  /** A new session. */
  reset(): void {
    this.#cues.reset();
    this.#checkIns.reset();
  }
}
