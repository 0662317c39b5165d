// Steps or strides, over generated runs through the live session: a steps pod's cadence is never
// doubled (shown as if it had been halved), and a strides pod's is doubled from the time it has sent
// 20 s at running speed (2.2 m/s, the gait rule's line), whatever it does with the walking/running
// bit and whatever its RSC Feature promises. Runs mix walks (up to 2.15 m/s), jogs (2.2-2.6 m/s,
// where the outside reviewer's pod, always sending "walking", was never doubled), runs and standing.
// Slow jogs (1.6-2.2 m/s) count too wherever the sent cadence, taken as steps, would make a walking
// step no walker takes (over 1.3 m: the longest is about 1.0 m): a strides pod jogging at 1.9 m/s at
// 80/min was shown 80 steps/min for the whole run.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { WALKING_FASTEST_MPS } from '../../src/session/calibration.js';
import type { RunningStatus } from '../../src/session/gait.js';
import { LiveSession } from '../../src/session/live-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** Longer than any walking step (about 1.0 m at most), with room for the cadence noise. */
const NO_WALKING_STEP_M = 1.3;

type Gait = 'walk' | 'jog' | 'run' | 'stand';
interface Spell {
  gait: Gait;
  seconds: number;
  /** Steps a minute, both feet. */
  cadence: number;
  speedMps: number;
  junkBit: boolean;
}
/** What the pod does with the bit: fills it, always sends "walking", or sends anything. */
type BitHabit = 'fills' | 'always-walking' | 'junk';
interface Pod {
  unit: 'steps' | 'strides';
  length: 'none' | 'step' | 'two-step';
  habit: BitHabit;
  status: RunningStatus;
}

const spell = (gait: Exclude<Gait, 'stand'>, speed: [number, number], cadence: (speedMps: number) => fc.Arbitrary<number>) =>
  fc.double({ min: speed[0], max: speed[1], noNaN: true }).chain((speedMps) =>
    fc.record({ gait: fc.constant(gait), seconds: fc.integer({ min: 5, max: 90 }), cadence: cadence(speedMps), speedMps: fc.constant(speedMps), junkBit: fc.boolean() }),
  );

const spells: fc.Arbitrary<Spell[]> = fc.array(
  fc.oneof(
    // A walk takes steps of at most about 1.1 m (a tall brisk walker), and 95-135 of them a minute.
    { weight: 1, arbitrary: spell('walk', [0.9, 2.15], (v) => fc.integer({ min: Math.max(95, Math.ceil((v * 60) / 1.1)), max: 135 })) },
    // A brisk walk at the fewest steps it can take: where a "running" bit taken at its word would make
    // a steps pod's 110-114/min look like a jogger's stride rate.
    {
      weight: 2,
      arbitrary: spell('walk', [2.0, 2.1], (v) => fc.integer({ min: Math.ceil((v * 60) / 1.1), max: Math.ceil((v * 60) / 1.1) + 4 })),
    },
    { weight: 1, arbitrary: spell('jog', [2.2, 2.6], () => fc.integer({ min: 150, max: 178 })) },
    // A slow jog, below the gait rule's line: a beginner's 6-8 km/h at 150-170 steps/min.
    { weight: 2, arbitrary: spell('jog', [1.6, 2.19], () => fc.integer({ min: 150, max: 170 })) },
    { weight: 1, arbitrary: spell('run', [2.7, 5], () => fc.integer({ min: 160, max: 200 })) },
    { weight: 1, arbitrary: fc.record({ gait: fc.constant('stand' as const), seconds: fc.integer({ min: 2, max: 20 }), cadence: fc.constant(0), speedMps: fc.constant(0), junkBit: fc.boolean() }) },
  ),
  { minLength: 1, maxLength: 6 },
);

// A pod that fills the bit may promise it or not (or its Feature went unread); one that always
// sends "walking" does not promise it; one sending junk says in its Feature that it leaves it empty.
const pods: fc.Arbitrary<Pod> = fc
  .record({ unit: fc.constantFrom('steps' as const, 'strides' as const), length: fc.constantFrom('none' as const, 'step' as const, 'two-step' as const) })
  .chain((pod) =>
    fc.oneof(
      fc.record({ habit: fc.constant<BitHabit>('fills'), status: fc.constantFrom<RunningStatus>('reported', 'not-reported', null) }),
      fc.record({ habit: fc.constant<BitHabit>('always-walking'), status: fc.constantFrom<RunningStatus>('not-reported', null) }),
      fc.record({ habit: fc.constant<BitHabit>('junk'), status: fc.constant<RunningStatus>('not-reported') }),
    ).map((bit) => ({ ...pod, ...bit })),
  );

const bitOf = (pod: Pod, s: Spell): boolean => (pod.habit === 'fills' ? s.gait === 'jog' || s.gait === 'run' : pod.habit === 'junk' && s.junkBit);

interface Row {
  sentCadence: number;
  sentSpeedMps: number;
  shownCadence: number;
}

function play(pod: Pod, run: readonly Spell[]): Row[] {
  const session = new LiveSession(defaultCadenceZones);
  session.useRunningStatus(pod.status);
  const rows: Row[] = [];
  let t = 0;
  for (const s of run) {
    for (let i = 0; i < s.seconds; i++, t++) {
      // A little cadence noise, second by second.
      const steps = s.cadence === 0 ? 0 : s.cadence + ((t * 7) % 5) - 2;
      const cadence = pod.unit === 'strides' ? Math.round(steps / 2) : steps;
      const stepM = steps > 0 ? (s.speedMps * 60) / steps : 0;
      const strideLengthM = pod.length === 'none' ? null : pod.length === 'step' ? stepM : 2 * stepM;
      const bytes = encodeRscMeasurement({ speedMps: s.speedMps, cadence, strideLengthM, totalDistanceM: null, isRunning: bitOf(pod, s) });
      session.ingest(new DataView(bytes.buffer), t * 1000);
      const latest = session.latest!;
      rows.push({ sentCadence: cadence, sentSpeedMps: latest.rawSpeedMps, shownCadence: latest.cadence });
    }
  }
  return rows;
}

describe('steps or strides over generated runs (invariants)', () => {
  it('never doubles a steps pod, and doubles a strides pod once it has sent 20 s at running speed or at no walking step', () => {
    fc.assert(
      fc.property(pods, spells, (pod, run) => {
        let runningSeconds = 0;
        for (const [i, row] of play(pod, run).entries()) {
          const where = `row ${i} (${row.sentSpeedMps.toFixed(2)} m/s, sent ${row.sentCadence})`;
          if (pod.unit === 'steps') expect(row.shownCadence, where).to.equal(row.sentCadence);
          else if (runningSeconds >= 20) expect(row.shownCadence, where).to.equal(2 * row.sentCadence);
          const impliedStepM = row.sentCadence > 0 ? (row.sentSpeedMps * 60) / row.sentCadence : 0;
          if (row.sentSpeedMps >= WALKING_FASTEST_MPS || impliedStepM > NO_WALKING_STEP_M) runningSeconds++;
        }
      }),
      { numRuns: invariantRuns(200) },
    );
  });
});
