// Runs for the charts' axis limits: 10 to 60 minutes at 1 Hz of running in steady stretches
// (easy, tempo, fast minutes, each at its own cadence and speed with noise), after a warm-up
// walk the pod does not call running, and the outliers a watch file holds (0 and 250 steps/min,
// 12 m strides, the pace of a standing second and of a speed spike) put in a few of the rows.
import fc from 'fast-check';
import { type RecordedColumns, type RecordedSample, SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { mulberry32 } from '../../src/sources/run-profile.js';

export interface ChartRunPlan {
  stretches: Array<{ seconds: number; cadence: number; speedMps: number; noise: number }>;
  walkS: number;
  seed: number;
}

const stretch = fc.record({
  seconds: fc.integer({ min: 60, max: 900 }),
  cadence: fc.double({ min: 145, max: 195, noNaN: true }),
  speedMps: fc.double({ min: 2.2, max: 5.5, noNaN: true }),
  /** Standard deviation of the cadence, steps/min; speed varies in proportion. */
  noise: fc.double({ min: 0, max: 4, noNaN: true }),
});

export const chartRunPlans: fc.Arbitrary<ChartRunPlan> = fc.record({
  stretches: fc.array(stretch, { minLength: 1, maxLength: 6 }),
  walkS: fc.integer({ min: 0, max: 300 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

const MIN_RUNNING_S = 600;
const MAX_RUNNING_S = 3600;

/** The run a plan describes: its stretches repeated until 10 minutes, cut at 60. */
export function chartRun(plan: ChartRunPlan): RecordedSample[] {
  const rng = mulberry32(plan.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const samples: RecordedSample[] = [];
  let distanceM = 0;
  const push = (cadence: number, speedMps: number, running: boolean) => {
    distanceM += speedMps;
    samples.push({ t: samples.length, cadence, speedMps, strideLengthM: (speedMps * 60) / cadence, distanceM, flags: running ? SAMPLE_RUNNING : 0 });
  };
  for (let i = 0; i < plan.walkS; i++) push(110 + 3 * normal(), 1.4 + 0.1 * normal(), false);
  let running = 0;
  for (let k = 0; running < MIN_RUNNING_S; k++) {
    const s = plan.stretches[k % plan.stretches.length]!;
    for (let i = 0; i < s.seconds && running < MAX_RUNNING_S; i++, running++) {
      const wobble = normal();
      push(s.cadence + s.noise * wobble, s.speedMps * (1 + (0.01 * s.noise * normal())), true);
    }
  }
  return samples;
}

export type OutlierKind = 'cadence-zero' | 'cadence-250' | 'stride-12m' | 'standing-pace' | 'speed-spike';

/** What a watch file's bad record says, written over a running row (still flagged running). */
const outliers: Record<OutlierKind, (s: RecordedSample) => RecordedSample> = {
  'cadence-zero': (s) => ({ ...s, cadence: 0 }),
  'cadence-250': (s) => ({ ...s, cadence: 250 }),
  'stride-12m': (s) => ({ ...s, strideLengthM: 12 }),
  // Just fast enough to have a pace: 32:40 /km.
  'standing-pace': (s) => ({ ...s, speedMps: 0.51 }),
  // A GPS jump: 60 m/s, a pace of 0:17 /km.
  'speed-spike': (s) => ({ ...s, speedMps: 60 }),
};

export const outlierPlans = fc.array(
  fc.record({
    kind: fc.constantFrom<OutlierKind>('cadence-zero', 'cadence-250', 'stride-12m', 'standing-pace', 'speed-spike'),
    /** Where in the running rows, as a share of them. */
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  }),
  { minLength: 1, maxLength: 5 },
);

/** The run with its outliers written over running rows. */
export function withOutliers(samples: readonly RecordedSample[], plans: ReadonlyArray<{ kind: OutlierKind; at: number }>): RecordedSample[] {
  const copy = [...samples];
  const runningRows = copy.flatMap((s, i) => ((s.flags & SAMPLE_RUNNING) !== 0 ? [i] : []));
  for (const { kind, at } of plans) {
    const row = runningRows[Math.floor(at * runningRows.length)]!;
    copy[row] = outliers[kind](copy[row]!);
  }
  return copy;
}

export const columnsOf = (samples: readonly RecordedSample[]): RecordedColumns => columnsFrom(samples);

export interface WalkRunPlan {
  walkS: number;
  walkCadence: number;
  walkSpeedMps: number;
  /** The share of the rows the pod calls running, below the 20 % that makes a session a run. */
  runningShare: number;
  /** Where each jog starts, as a share of the walk; the running rows are split among them. */
  jogsAt: number[];
  jogCadence: number;
  jogSpeedMps: number;
  seed: number;
}

/** Walks of 10 to 60 minutes in which the pod called a few seconds running (a kerb, a jog across a road). */
export const walkRunPlans: fc.Arbitrary<WalkRunPlan> = fc.record({
  walkS: fc.integer({ min: 600, max: 3600 }),
  walkCadence: fc.double({ min: 95, max: 130, noNaN: true }),
  walkSpeedMps: fc.double({ min: 1, max: 1.9, noNaN: true }),
  runningShare: fc.double({ min: 0, max: 0.19, noNaN: true }),
  jogsAt: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 4 }),
  jogCadence: fc.double({ min: 145, max: 190, noNaN: true }),
  jogSpeedMps: fc.double({ min: 2.2, max: 4.5, noNaN: true }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

/** The walk a plan describes, at 1 Hz, with at least one row flagged running. */
export function walkRun(plan: WalkRunPlan): RecordedSample[] {
  const rng = mulberry32(plan.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const jogS = Math.max(1, Math.floor((plan.runningShare * plan.walkS) / plan.jogsAt.length));
  const running = new Array<boolean>(plan.walkS).fill(false);
  for (const at of plan.jogsAt) {
    const from = Math.floor(at * plan.walkS);
    for (let t = from; t < Math.min(plan.walkS, from + jogS); t++) running[t] = true;
  }
  const samples: RecordedSample[] = [];
  let distanceM = 0;
  running.forEach((jogging, t) => {
    const cadence = (jogging ? plan.jogCadence : plan.walkCadence) + 2 * normal();
    const speedMps = (jogging ? plan.jogSpeedMps : plan.walkSpeedMps) * (1 + 0.03 * normal());
    distanceM += speedMps;
    samples.push({ t, cadence, speedMps, strideLengthM: (speedMps * 60) / cadence, distanceM, flags: jogging ? SAMPLE_RUNNING : 0 });
  });
  return samples;
}
