// Live sessions made up for property tests: what a runner does in one open page (connect, run,
// walk, start, pause, resume, lap, stop, start a new run, lose the pod and pair it again, edit the
// zones), with random timings, and a model of what the run's figures must then be, counted from
// the script alone: the code under test is not asked.

import fc from 'fast-check';
import type { CadenceZones } from '../../src/session/zones.js';
import { defaultCadenceZones, zoneFor } from '../../src/session/zones.js';
import type { ZoneTimes } from '../../src/session/time-in-zone.js';

/** Seconds of readings at one cadence and speed; `skipEvery` drops every n-th reading (a 2 s step, no gap). */
export interface Spell {
  kind: 'spell';
  seconds: number;
  cadence: number;
  /** In 1/256 m/s, the resolution of the RSC speed field, so the model's metres are the pod's. */
  speed256: number;
  running: boolean;
  skipEvery: number | null;
}

export type LiveStep =
  | Spell
  | { kind: 'start' | 'pause' | 'resume' | 'lap' | 'stop' }
  /** The pod drops and is paired again after `silentS` seconds without a reading. */
  | { kind: 'relink'; silentS: number }
  | { kind: 'zones'; zones: CadenceZones };

/** A cadence and a speed that go together: steps of a length a runner (or walker) takes. */
const spell = (cadence: fc.Arbitrary<number>, strideCm: fc.Arbitrary<number>, running: boolean, maxSeconds: number) =>
  fc
    .record({
      seconds: fc.integer({ min: 1, max: maxSeconds }),
      cadence,
      strideCm,
      skipEvery: running ? fc.option(fc.integer({ min: 2, max: 6 }), { nil: null }) : fc.constant(null),
    })
    .map(({ seconds, cadence, strideCm, skipEvery }): Spell => ({
      kind: 'spell',
      seconds,
      cadence,
      speed256: Math.round((((cadence * strideCm) / 100 / 60) * 256)),
      running,
      skipEvery,
    }));

const runningSpell = spell(fc.integer({ min: 150, max: 195 }), fc.integer({ min: 85, max: 150 }), true, 25);
const walkingSpell = spell(fc.integer({ min: 105, max: 130 }), fc.integer({ min: 60, max: 80 }), false, 15);

const zonesEdit = fc
  .record({ targetFrom: fc.integer({ min: 160, max: 180 }), width: fc.integer({ min: 4, max: 12 }), below: fc.integer({ min: 5, max: 15 }) })
  .map(({ targetFrom, width, below }) => ({
    kind: 'zones' as const,
    zones: { buildingFrom: targetFrom - below, targetFrom, targetTo: targetFrom + width },
  }));

const press = (kind: 'start' | 'pause' | 'resume' | 'lap' | 'stop') => fc.constant({ kind });

/** A page's life: spells of running and walking between the runner's presses, most of them in a sensible order, some not. */
export const liveSteps: fc.Arbitrary<LiveStep[]> = fc.array(
  fc.oneof(
    { arbitrary: runningSpell, weight: 8 },
    { arbitrary: walkingSpell, weight: 2 },
    { arbitrary: press('start'), weight: 3 },
    { arbitrary: press('pause'), weight: 2 },
    { arbitrary: press('resume'), weight: 2 },
    { arbitrary: press('lap'), weight: 2 },
    { arbitrary: press('stop'), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('relink' as const), silentS: fc.integer({ min: 3, max: 12 }) }), weight: 1 },
    { arbitrary: zonesEdit, weight: 1 },
  ),
  { minLength: 4, maxLength: 24 },
);

/** One step between two recorded readings, as the model counts it. */
interface ModelStep {
  /** Pod time of the later reading. */
  t: number;
  movingS: number;
  distanceM: number;
  cadence: number;
  /** The earlier reading's cadence, and the seconds of the step it holds (README, "Averages over time"). */
  heldCadence: number;
  heldS: number;
}

export interface ModelFigures {
  movingS: number;
  distanceM: number;
  zoneTimes: ZoneTimes;
}

/**
 * What the run's figures are, from the script: a reading recorded right after another recorded
 * one (no pause, no re-pairing between) adds the time between them, the distance at its own
 * speed over that time, and that time to its cadence's zone; any other recorded reading adds nothing.
 */
export class RunModel {
  state: 'idle' | 'recording' | 'paused' | 'stopped' = 'idle';
  zones: CadenceZones = { ...defaultCadenceZones };
  /** The zones the run counts with: the settings' while it is recorded or paused; a stopped run keeps its own. */
  #runZones: CadenceZones = this.zones;
  /** Runs started in this page; the figures are the last one's. */
  runs = 0;
  #steps: ModelStep[] = [];
  #lastRecordedT: number | null = null;
  #lastCadence = 0;
  /** The previous reading was recorded in this spell of recording, so the next one adds its step. */
  #chained = false;
  /** Where each lap after the first began. */
  #lapStarts: number[] = [];
  #firstT: number | null = null;

  setZones(zones: CadenceZones): void {
    this.zones = { ...zones };
    if (this.state !== 'stopped') this.#runZones = this.zones;
  }
  start(): void {
    this.state = 'recording';
    this.#runZones = this.zones;
    this.runs++;
    this.#steps = [];
    this.#lastRecordedT = null;
    this.#chained = false;
    this.#lapStarts = [];
    this.#firstT = null;
  }
  pause(): void {
    this.state = 'paused';
    this.#chained = false;
  }
  resume(): void {
    this.state = 'recording';
  }
  /** A lap begun at the last recorded reading has nothing in it: the saved run has no such lap. */
  stop(): void {
    this.state = 'stopped';
    if (this.#lapStarts.at(-1) === this.#lastRecordedT) this.#lapStarts.pop();
  }
  /** A lap starts at the last recorded reading, while recording, after the run's first reading and the last lap's. */
  lap(): void {
    const t = this.#lastRecordedT;
    const after = this.#lapStarts.at(-1) ?? this.#firstT;
    if (this.state !== 'recording' || t === null || after === null || !(t > after)) return;
    this.#lapStarts.push(t);
  }
  relinked(): void {
    this.#chained = false;
  }
  reading(t: number, cadence: number, speedMps: number): void {
    if (this.state !== 'recording') return;
    if (this.#chained && this.#lastRecordedT !== null) {
      const dt = t - this.#lastRecordedT;
      // A step of more than 1.5 s (a reading the pod skipped) is the earlier reading's but for its
      // last second, which is the later reading's.
      const heldS = dt > 1.5 ? dt - 1 : 0;
      this.#steps.push({ t, movingS: dt, distanceM: speedMps * dt, cadence, heldCadence: this.#lastCadence, heldS });
    }
    this.#firstT ??= t;
    this.#lastRecordedT = t;
    this.#lastCadence = cadence;
    this.#chained = true;
  }

  get lapNumber(): number {
    return this.#lapStarts.length + 1;
  }
  run(): ModelFigures {
    return this.#sum(this.#steps);
  }
  lapFigures(): ModelFigures {
    const from = this.#lapStarts.at(-1);
    return this.#sum(from === undefined ? this.#steps : this.#steps.filter((step) => step.t > from));
  }

  #sum(steps: readonly ModelStep[]): ModelFigures {
    const zoneTimes: ZoneTimes = { low: 0, building: 0, target: 0, high: 0 };
    let movingS = 0;
    let distanceM = 0;
    for (const step of steps) {
      movingS += step.movingS;
      distanceM += step.distanceM;
      if (step.cadence > 0) zoneTimes[zoneFor(step.cadence, this.#runZones)] += step.movingS - step.heldS;
      if (step.heldCadence > 0) zoneTimes[zoneFor(step.heldCadence, this.#runZones)] += step.heldS;
    }
    return { movingS, distanceM, zoneTimes };
  }
}
