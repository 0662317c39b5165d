import { expect } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { parseRscMeasurement } from '../../src/ble/rsc.js';
import {
  type CadenceVerdict,
  type SentReading,
  classifyReading,
  inSteps,
  lengthScaleOf,
} from '../../src/session/cadence-unit.js';
import { CadenceUnitDecision } from '../../src/session/cadence-unit-decision.js';

/** A reading as it reaches the session: through the RSC bytes, at their resolution. */
function sent(speedMps: number, cadence: number, strideLengthM: number | null, isRunning = true): SentReading {
  const m = parseRscMeasurement(new DataView(encodeRscMeasurement({ speedMps, cadence, strideLengthM, totalDistanceM: null, isRunning }).buffer));
  return { speedMps: m.speedMps, cadence: m.cadence, strideLengthM: m.strideLengthM, running: m.isRunning };
}

interface PodRow {
  pod: string;
  reading: SentReading;
  verdict: CadenceVerdict;
  /** Steps/min and metres per step once the pod's unit is known. */
  steps: { cadence: number; strideLengthM: number | null };
}

// A runner at 3 m/s takes 170 steps/min of 1.06 m (85 strides of 2.12 m); walking at 1.3 m/s,
// 110 steps of 0.71 m (55 strides of 1.42 m).
const pods: PodRow[] = [
  { pod: 'steps pod with step length, running', reading: sent(3, 170, 1.06), verdict: 'steps', steps: { cadence: 170, strideLengthM: 1.06 } },
  { pod: 'steps pod without length, running', reading: sent(3, 170, null), verdict: 'steps', steps: { cadence: 170, strideLengthM: null } },
  { pod: 'steps pod with two-step stride length, running', reading: sent(3, 170, 2.12), verdict: 'steps', steps: { cadence: 170, strideLengthM: 1.06 } },
  { pod: 'strides pod with two-step stride length, running', reading: sent(3, 85, 2.12), verdict: 'strides', steps: { cadence: 170, strideLengthM: 1.06 } },
  { pod: 'strides pod with step length, running', reading: sent(3, 85, 1.06), verdict: 'strides', steps: { cadence: 170, strideLengthM: 1.06 } },
  { pod: 'strides pod without length, running', reading: sent(3, 85, null), verdict: 'strides', steps: { cadence: 170, strideLengthM: null } },
  { pod: 'strides pod without length, slow jog without the running bit', reading: sent(2.6, 78, null, false), verdict: 'strides', steps: { cadence: 156, strideLengthM: null } },
  // From 2.2 m/s (the gait rule's line) a walk takes 120 steps/min or more: 80 is a jog in strides.
  { pod: 'strides pod without length, slow jog at 2.25 m/s with the walking bit', reading: sent(2.25, 80, null, false), verdict: 'strides', steps: { cadence: 160, strideLengthM: null } },
  // The outside reviewer's pod: it always sends "walking", jogging at 7:15/km at 82 strides/min.
  { pod: 'strides pod without length, jogging at 2.3 m/s with a walking bit it never changes', reading: sent(2.3, 82, null, false), verdict: 'strides', steps: { cadence: 164, strideLengthM: null } },
  // Below 2.2 m/s, 80/min at 1.9 m/s would be walking steps of 1.43 m: no walker's step, so strides.
  { pod: 'strides pod without length, slow jog at 1.9 m/s with a walking bit not believed', reading: sent(1.9, 80, null, false), verdict: 'strides', steps: { cadence: 160, strideLengthM: null } },
  // No speed (0), a believed running bit: nobody runs at 85 steps/min.
  { pod: 'strides pod sending no speed, running bit believed', reading: sent(0, 85, null, true), verdict: 'strides', steps: { cadence: 170, strideLengthM: null } },
  { pod: 'steps pod sending no speed, running bit believed', reading: sent(0, 165, null, true), verdict: 'steps', steps: { cadence: 165, strideLengthM: null } },
  // The longest walks: a fast walker (2.0 m/s at 125, 0.96 m) and a race walker (2.2 m/s at 150, 0.88 m).
  { pod: 'steps pod without length, a fast walker at 2.0 m/s', reading: sent(2.0, 125, null, false), verdict: 'steps', steps: { cadence: 125, strideLengthM: null } },
  { pod: 'steps pod without length, a race walker at 2.15 m/s', reading: sent(2.15, 150, null, false), verdict: 'steps', steps: { cadence: 150, strideLengthM: null } },
  { pod: 'steps pod with step length, walking', reading: sent(1.3, 110, 0.71, false), verdict: 'steps', steps: { cadence: 110, strideLengthM: 0.71 } },
  { pod: 'steps pod without length, walking', reading: sent(1.3, 110, null, false), verdict: 'steps', steps: { cadence: 110, strideLengthM: null } },
  { pod: 'strides pod with two-step stride length, walking', reading: sent(1.3, 55, 1.42, false), verdict: 'strides', steps: { cadence: 110, strideLengthM: 0.71 } },
  { pod: 'strides pod with step length, walking', reading: sent(1.3, 55, 0.71, false), verdict: 'strides', steps: { cadence: 110, strideLengthM: 0.71 } },
  { pod: 'strides pod without length, walking', reading: sent(1.3, 55, null, false), verdict: 'strides', steps: { cadence: 110, strideLengthM: null } },
];

const undecided: { what: string; reading: SentReading }[] = [
  { what: 'standing, nothing sent', reading: sent(0, 0, 0, false) },
  { what: 'standing with a last stride length', reading: sent(0, 0, 2.1, false) },
  { what: 'cadence 0 on a moving belt', reading: sent(3, 0, null) },
  { what: 'barely moving', reading: sent(0.3, 40, null, false) },
  { what: 'a shuffle at a cadence a strides pod could send', reading: sent(0.6, 50, null, false) },
  { what: 'running at a cadence between the bounds', reading: sent(2.8, 120, null) },
  { what: 'a slow walk at a cadence between the bounds', reading: sent(0.8, 75, null, false) },
  { what: 'a jog at a cadence between the running bounds, walking bit', reading: sent(2.3, 120, null, false) },
  { what: 'no speed and the walking bit', reading: sent(0, 55, null, false) },
  { what: 'no speed, running bit, a cadence between the running bounds', reading: sent(0, 120, null, true) },
  // 1.6 m/s at 85 strides/min would be walking steps of 1.13 m: long, but not beyond a tall walker's.
  { what: 'a strides pod on a slow jog whose implied step a walker could just take', reading: sent(1.6, 85, null, false) },
  { what: 'a length saying strides against a running step rate', reading: sent(3, 170, 0.53) },
  { what: 'a length fitting no unit and a cadence between the bounds', reading: sent(2.8, 120, 1.7) },
];

describe('classifyReading', () => {
  for (const row of pods) {
    it(`${row.pod}: ${row.verdict}`, () => {
      expect(classifyReading(row.reading)).to.equal(row.verdict);
    });
  }
  for (const row of undecided) {
    it(`${row.what}: unknown`, () => {
      expect(classifyReading(row.reading)).to.equal('unknown');
    });
  }

  it('reads the bytes of a strides pod sending a two-step stride (3 m/s, 85/min, 2.12 m)', () => {
    const bytes = Uint8Array.of(0x05, 0x00, 0x03, 0x55, 0xd4, 0x00);
    const m = parseRscMeasurement(new DataView(bytes.buffer));
    const reading = { speedMps: m.speedMps, cadence: m.cadence, strideLengthM: m.strideLengthM, running: m.isRunning };
    expect(reading).to.deep.equal({ speedMps: 3, cadence: 85, strideLengthM: 2.12, running: true });
    expect(classifyReading(reading)).to.equal('strides');
    const steps = inSteps(reading, 'strides', lengthScaleOf(reading)!);
    expect(steps.cadence).to.equal(170);
    expect(steps.strideLengthM).to.be.closeTo(1.06, 1e-9);
  });
});

describe('inSteps', () => {
  for (const row of pods) {
    it(`${row.pod}: ${row.steps.cadence} steps/min of ${row.steps.strideLengthM ?? 'no'} m`, () => {
      const unit = row.verdict === 'strides' ? 'strides' : 'steps';
      const out = inSteps(row.reading, unit, lengthScaleOf(row.reading) ?? 0);
      expect(out.cadence).to.equal(row.steps.cadence);
      if (row.steps.strideLengthM === null) expect(out.strideLengthM).to.equal(null);
      else expect(out.strideLengthM).to.be.closeTo(row.steps.strideLengthM, 0.006);
      // The app's meaning holds: speed = steps/min ÷ 60 × metres per step.
      if (out.strideLengthM !== null) expect((out.cadence / 60) * out.strideLengthM).to.be.closeTo(row.reading.speedMps, 0.02);
    });
  }
});

/** Feeds readings to a decision and gives back each reading's steps/min. */
const feed = (decision: CadenceUnitDecision, readings: SentReading[]): number[] => readings.map((r) => decision.toSteps(r).cadence);
const times = (n: number, reading: SentReading): SentReading[] => new Array<SentReading>(n).fill(reading);

describe('CadenceUnitDecision', () => {
  for (const row of pods) {
    it(`decides "${row.verdict}" for a ${row.pod} after five readings, showing steps/min throughout`, () => {
      const decision = new CadenceUnitDecision();
      const cadences = [];
      for (let i = 0; i < 5; i++) {
        expect(decision.detected, `undecided before reading ${i + 1}`).to.equal(null);
        cadences.push(decision.toSteps(row.reading).cadence);
      }
      expect(decision.detected).to.equal(row.verdict);
      expect(decision.applied).to.equal(row.verdict);
      // A reading that is clearly strides on its own is doubled before the decision too.
      expect(cadences).to.deep.equal(new Array(5).fill(row.steps.cadence));
    });
  }

  it('doubles a strides pod on a slow jog at 1.9 m/s at 80 strides/min (a 1.43 m walking step is none)', () => {
    const d = new CadenceUnitDecision();
    let shown = 0;
    for (let i = 0; i < 600; i++) shown = d.toSteps(sent(1.9, 80, null, false)).cadence;
    expect({ detected: d.detected, shown }).to.deep.equal({ detected: 'strides', shown: 160 });
  });

  it('doubles a strides pod that sends no speed but a believed running bit at 85 strides/min', () => {
    const d = new CadenceUnitDecision();
    let shown = 0;
    for (let i = 0; i < 600; i++) shown = d.toSteps(sent(0, 85, null, true)).cadence;
    expect({ detected: d.detected, shown }).to.deep.equal({ detected: 'strides', shown: 170 });
  });

  it('passes unclear readings as sent until it has decided, then doubles them too', () => {
    const decision = new CadenceUnitDecision();
    // 120/min at 2.8 m/s: too fast a stride rate, too slow a running step rate; either pod could send it.
    const between = sent(2.8, 120, null, false);
    const clear = sent(2.8, 60, null, false);
    expect(classifyReading(between)).to.equal('unknown');
    expect(feed(decision, [between, between])).to.deep.equal([120, 120]);
    expect(feed(decision, times(5, clear))).to.deep.equal([120, 120, 120, 120, 120]);
    expect(decision.detected).to.equal('strides');
    expect(feed(decision, [between])).to.deep.equal([240]);
  });

  it('decides nothing from standing still, and keeps zero as zero', () => {
    const decision = new CadenceUnitDecision();
    expect(feed(decision, times(30, sent(0, 0, 0, false)))).to.deep.equal(new Array(30).fill(0));
    expect(decision.detected).to.equal(null);
  });

  it('shrugs off a noisy start: a glitch or two delays the decision, never turns it', () => {
    const decision = new CadenceUnitDecision();
    const stride = sent(3.1, 88, 2.11);
    const glitch = sent(3.1, 176, null); // a pod's first value after waking, counted twice
    const out = feed(decision, [sent(0, 0, 0, false), sent(0.2, 30, null, false), glitch, glitch, ...times(7, stride)]);
    expect(out).to.deep.equal([0, 30, 176, 176, 176, 176, 176, 176, 176, 176, 176]);
    // Two disagreeing readings need eight agreeing ones.
    expect(decision.detected).to.equal(null);
    decision.toSteps(stride);
    expect(decision.detected).to.equal('strides');
  });

  it('never flip-flops: alternating evidence decides nothing, and a decision outlives a few contrary readings', () => {
    const alternating = new CadenceUnitDecision();
    for (let i = 0; i < 40; i++) alternating.toSteps(i % 2 ? sent(3, 170, null) : sent(3, 85, null));
    expect(alternating.detected).to.equal(null);

    const decided = new CadenceUnitDecision();
    feed(decided, times(10, sent(3, 85, null)));
    expect(decided.detected).to.equal('strides');
    // Contrary readings pass doubled: the pod's unit, not each reading's, applies once decided.
    expect(feed(decided, times(10, sent(3, 170, null)))).to.deep.equal(new Array(10).fill(340));
    expect(decided.detected).to.equal('strides');
  });

  it('overturns a decision only after a long run of contrary readings', () => {
    const decision = new CadenceUnitDecision({ remembered: 'strides' });
    feed(decision, times(19, sent(3, 170, 1.06)));
    expect(decision.detected).to.equal('strides');
    feed(decision, [sent(3, 170, 1.06)]);
    expect(decision.detected).to.equal('steps');
    expect(feed(decision, [sent(3, 171, 1.06)])).to.deep.equal([171]);
  });

  it('applies a remembered detection from the first reading, even an unclear one', () => {
    const decision = new CadenceUnitDecision({ remembered: 'strides' });
    expect(decision.applied).to.equal('strides');
    const unclear = sent(2.8, 120, null, false);
    expect(classifyReading(unclear)).to.equal('unknown');
    expect(feed(decision, [unclear, unclear])).to.deep.equal([240, 240]);
    const fresh = new CadenceUnitDecision();
    expect(feed(fresh, [unclear])).to.deep.equal([120]);
  });

  it('lets the override win over detection and memory, and keeps detecting underneath', () => {
    const forcedSteps = new CadenceUnitDecision({ remembered: 'strides', override: 'steps' });
    expect(feed(forcedSteps, times(6, sent(3, 85, null)))).to.deep.equal(new Array(6).fill(85));
    expect(forcedSteps.detected).to.equal('strides');
    expect(forcedSteps.applied).to.equal('steps');

    const forcedStrides = new CadenceUnitDecision({ override: 'strides' });
    const out = forcedStrides.toSteps(sent(2.2, 70, 2.0, false));
    expect(out).to.deep.include({ cadence: 140, unit: 'strides' });
    expect(out.strideLengthM).to.be.closeTo(1.0, 1e-9);

    forcedStrides.override = 'auto';
    expect(feed(forcedStrides, [sent(2.8, 120, null, false)])).to.deep.equal([120]);
  });

  it('keeps what the length means while standing, when a reading cannot show it', () => {
    const twoStep = new CadenceUnitDecision();
    feed(twoStep, times(5, sent(3, 85, 2.12)));
    const standing = twoStep.toSteps(sent(0, 0, 2.12, false));
    expect(standing.strideLengthM).to.be.closeTo(1.06, 1e-9);

    const stepLength = new CadenceUnitDecision();
    feed(stepLength, times(5, sent(3, 85, 1.06)));
    expect(stepLength.toSteps(sent(0, 0, 1.06, false)).strideLengthM).to.be.closeTo(1.06, 1e-9);
  });
});
