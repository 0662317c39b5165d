/// <reference types="mocha" />
// The simulated footpod's runner doing a program run, read as the app reads it: the pod's RSC bytes
// through the real parser, one a second.
import { expect } from '@open-wc/testing';
import { parseRscMeasurement, type RscMeasurement } from '../../src/ble/rsc.js';
import { retentionVerdict } from '../../src/program/targets.js';
import { MeasurementEvent } from '../../src/sources/footpod-source.js';
import { cadenceForSpeed, mulberry32 } from '../../src/sources/run-profile.js';
import { type LearnerSecond, SimulatedLearner } from '../../src/sources/simulated-learner.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';

const WARM_UP_S = 300;
const TEST_S = 300;

/** `seconds` of the pod with a fresh learner told `second(s)` each second; what the parser reads. */
function onThePod(seconds: number, second: (s: number) => LearnerSecond, seed = 1): RscMeasurement[] {
  const learner = new SimulatedLearner();
  const pod = new SimulatedFootpod({ seed, pace: (s) => learner.aim(second(s)) });
  const read: RscMeasurement[] = [];
  pod.addEventListener(MeasurementEvent.type, (event) => read.push(parseRscMeasurement((event as MeasurementEvent).view)));
  pod.emitSeconds(seconds);
  return read;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const cadences = (read: RscMeasurement[], from: number, to: number): number[] => read.slice(from, to).map((m) => m.cadence);

/** A test of the program: warm-up, the five minutes, a cool-down. */
const aTest = (beltMps: number, more: Partial<LearnerSecond> = {}) => (s: number): LearnerSecond => ({
  kind: 'test',
  phase: s < WARM_UP_S ? 'warm-up' : s < WARM_UP_S + TEST_S ? 'main' : 'cool-down',
  beltMps,
  fromSpm: null,
  targetSpm: null,
  sessionsDone: 0,
  metronomeSpm: null,
  ...more,
});

/** Generated belts: speeds a runner may choose (5.4 to 19.8 km/h) with seeds for the pod's noise. */
const belts = (count: number): { beltMps: number; seed: number }[] => {
  const rng = mulberry32(18);
  return Array.from({ length: count }, (_, i) => ({ beltMps: 1.5 + rng() * 4, seed: i + 1 }));
};

describe('SimulatedLearner: the simulated footpod doing a program run', () => {
  it('in a test, holds the belt speed: every 5-second mean of the five minutes within ±3 %, every second within ±1 % once settled, the warm-up a little slower', () => {
    for (const { beltMps, seed } of belts(25)) {
      const read = onThePod(WARM_UP_S + TEST_S + 60, aTest(beltMps), seed);
      const where = `belt ${beltMps.toFixed(2)} m/s, seed ${seed}`;
      for (let s = WARM_UP_S; s < WARM_UP_S + TEST_S; s += 5) {
        const speed = mean(read.slice(s, s + 5).map((m) => m.speedMps));
        expect(Math.abs(speed / beltMps - 1), `${where}, 5 s from ${s}`).to.be.below(0.03);
      }
      read.slice(WARM_UP_S + 15, WARM_UP_S + TEST_S).forEach((m, i) => expect(Math.abs(m.speedMps / beltMps - 1), `${where}, second ${i}`).to.be.below(0.01));
      read.slice(0, WARM_UP_S).forEach((m, s) => expect(m.speedMps / beltMps, `${where}, warm-up second ${s}`).to.be.within(0.95, 1.005));
      expect(read.every((m) => m.isRunning), `${where}: running throughout`).to.equal(true);
    }
  });

  it('in a baseline, runs at its own cadence for the belt speed, as the 60-minute run has it', () => {
    for (const { beltMps, seed } of belts(10)) {
      const read = onThePod(WARM_UP_S + TEST_S, aTest(beltMps), seed);
      expect(mean(cadences(read, WARM_UP_S, WARM_UP_S + TEST_S)), `belt ${beltMps.toFixed(2)}`).to.be.closeTo(cadenceForSpeed(beltMps), 0.5);
    }
  });

  it('goes to the metronome within half a minute while it plays, and drifts back part-way when it stops', () => {
    const beltMps = 2.8;
    const own = cadenceForSpeed(beltMps);
    const targetSpm = Math.round(own * 1.075);
    // A first session: warm-up, 5 minutes with the metronome, 5 without.
    const read = onThePod(WARM_UP_S + 600, (s) => ({
      kind: 'session',
      phase: s < WARM_UP_S ? 'warm-up' : 'main',
      beltMps,
      fromSpm: own,
      targetSpm,
      sessionsDone: 0,
      metronomeSpm: s >= WARM_UP_S && s < WARM_UP_S + 300 ? targetSpm : null,
    }));
    // The warm-up's belt is a little slower: the own cadence at it, a little under the test speed's.
    expect(mean(cadences(read, 200, WARM_UP_S)), 'warm-up: own cadence').to.be.within(own - 2, own + 0.5);
    expect(mean(cadences(read, WARM_UP_S + 30, WARM_UP_S + 300)), 'with the metronome').to.be.closeTo(targetSpm, 0.5);
    cadences(read, WARM_UP_S + 30, WARM_UP_S + 300).forEach((c) => expect(Math.abs(c - targetSpm)).to.be.at.most(1));
    const without = mean(cadences(read, WARM_UP_S + 480, WARM_UP_S + 600));
    expect(without, 'without it: below the target').to.be.below(targetSpm - 1.5);
    expect(without, 'without it: above the own cadence').to.be.above(own + 1.5);
  });

  it('keeps more of the change with each session of the block: the end-of-block test holds, one before any session fades', () => {
    const beltMps = 2.8;
    const fromSpm = 161.3;
    const targetSpm = Math.round(fromSpm * 1.05);
    const tested = Array.from({ length: 9 }, (_, sessionsDone) => {
      const read = onThePod(WARM_UP_S + TEST_S, aTest(beltMps, { fromSpm, targetSpm, sessionsDone }), 7);
      return mean(cadences(read, WARM_UP_S, WARM_UP_S + TEST_S));
    });
    tested.slice(1).forEach((c, i) => expect(c, `after ${i + 1} sessions`).to.be.above(tested[i]!));
    expect(tested[0]).to.be.closeTo(fromSpm, 0.3);
    expect(retentionVerdict(tested[0]!, targetSpm), 'before any session').to.equal('faded');
    expect(retentionVerdict(tested[8]!, targetSpm), `after eight: ${tested[8]!.toFixed(1)} against ${targetSpm}`).to.equal('held');
    expect(tested[8]!, 'not all of it: a learner, not a copy of the target').to.be.below(targetSpm);
  });

  it('gives the same bytes for the same seed and the same program seconds, other noise for another seed', () => {
    const second = aTest(3.1, { kind: 'session', fromSpm: 165, targetSpm: 173, sessionsDone: 3, metronomeSpm: 173 });
    expect(onThePod(700, second, 4)).to.deep.equal(onThePod(700, second, 4));
    expect(onThePod(700, second, 5)).to.not.deep.equal(onThePod(700, second, 4));
  });
});
