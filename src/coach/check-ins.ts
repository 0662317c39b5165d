// Every few minutes of running, one technique prompt to check in with. Prompts come in shuffled
// rounds: each is used once before any repeats, and a new round never opens with the prompt that
// closed the last one, so the runner never sees the same one twice in a row.

import { ActiveClock } from './active-time.js';
import type { CoachEvent, CoachInput, TechniquePrompt } from './coach-events.js';
import { techniquePrompts } from './technique-prompts.js';

/** Sums of fractions of seconds may land a hair short of the minute mark. */
const epsilonS = 1e-6;

/** A random index in 0..below-1, safe against a `random` that returns 1, a negative or NaN. */
function randomIndex(random: () => number, below: number): number {
  const index = Math.floor(random() * below);
  return Number.isFinite(index) ? Math.min(Math.max(index, 0), below - 1) : 0;
}

/** All prompts in a random order (Fisher-Yates), not starting with the one shown last. */
export function shuffledRound(
  prompts: readonly TechniquePrompt[],
  random: () => number,
  lastId: string | null,
): TechniquePrompt[] {
  const round = [...prompts];
  for (let i = round.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    [round[i], round[j]] = [round[j]!, round[i]!];
  }
  if (round.length > 1 && round[0]!.id === lastId) {
    const j = 1 + randomIndex(random, round.length - 1);
    [round[0], round[j]] = [round[j]!, round[0]!];
  }
  return round;
}

export class CheckIns {
  readonly #prompts: readonly TechniquePrompt[];
  readonly #random: () => number;
  readonly #clock = new ActiveClock();
  #intervalS = 0;
  /** Running seconds at the last check-in (0 at the start: the first comes after one interval). */
  #lastAtS = 0;
  #round: TechniquePrompt[] = [];
  #lastId: string | null = null;

  constructor(everyMin: number, prompts: readonly TechniquePrompt[] = techniquePrompts, random: () => number = Math.random) {
    this.#prompts = prompts;
    this.#random = random;
    this.setEveryMin(everyMin);
  }

  /**
   * 0 (or anything not a positive number) turns check-ins off. Counted from the last check-in,
   * so a shorter interval that has already passed brings one at the next running second.
   */
  setEveryMin(everyMin: number): void {
    this.#intervalS = Number.isFinite(everyMin) && everyMin > 0 ? everyMin * 60 : 0;
  }

  /** A new session: running time and the schedule start again; the prompt rotation carries on. */
  reset(): void {
    this.#clock.reset();
    this.#lastAtS = 0;
  }

  update(input: CoachInput): CoachEvent[] {
    const { active } = this.#clock.advance(input);
    if (!active || this.#intervalS === 0 || this.#prompts.length === 0) return [];
    const runningS = this.#clock.activeS;
    if (runningS - this.#lastAtS < this.#intervalS - epsilonS) return [];
    // From this check-in, not from its mark: one that came late (a shorter interval chosen mid-run)
    // is followed a full interval later, never by a second one moments after.
    this.#lastAtS = runningS;
    return [{ kind: 'check-in', atS: input.timeS, prompt: this.#nextPrompt() }];
  }

  #nextPrompt(): TechniquePrompt {
    if (this.#round.length === 0) this.#round = shuffledRound(this.#prompts, this.#random, this.#lastId);
    const prompt = this.#round.shift()!;
    this.#lastId = prompt.id;
    return prompt;
  }
}
