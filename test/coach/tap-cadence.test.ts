import { expect } from '@open-wc/testing';
import { MIN_TAP_INTERVALS, TAP_WINDOW_MS, type TapCadence, tapCadence } from '../../src/coach/tap-cadence.js';

/** Taps every `intervalMs` from `startMs`, with a small wobble a person's taps have. */
const steadyTaps = (count: number, intervalMs: number, startMs = 1000): number[] =>
  Array.from({ length: count }, (_, i) => startMs + i * intervalMs + (i % 3 === 0 ? 12 : i % 3 === 1 ? -9 : 0));

function spmOf(result: TapCadence): number {
  expect(result.kind, JSON.stringify(result)).to.equal('cadence');
  return (result as Extract<TapCadence, { kind: 'cadence' }>).spm;
}

describe('tapCadence', () => {
  it('reads steps/min from a tap on every step', () => {
    // 60 000 / 350 ms = 171.4 steps/min.
    expect(spmOf(tapCadence(steadyTaps(40, 350), 'every-step'))).to.be.closeTo(171.4, 0.5);
  });

  it('doubles taps on the right foot only', () => {
    // One tap each 700 ms is 85.7 right-foot steps a minute: 171.4 steps.
    expect(spmOf(tapCadence(steadyTaps(30, 700), 'right-foot'))).to.be.closeTo(171.4, 0.5);
  });

  it('ignores the lead-in before the second tap and taps after the 30 s window', () => {
    const taps = [0, ...steadyTaps(60, 350, 2500)];
    expect(spmOf(tapCadence(taps, 'every-step'))).to.be.closeTo(171.4, 0.5);
    const late = [...steadyTaps(20, 350), ...steadyTaps(30, 200, 1000 + TAP_WINDOW_MS + 1)];
    expect(spmOf(tapCadence(late, 'every-step')), 'fast taps after the window are left out').to.be.closeTo(171.4, 0.5);
  });

  it('is not moved by a missed tap', () => {
    const taps = steadyTaps(40, 350);
    taps.splice(20, 1);
    expect(spmOf(tapCadence(taps, 'every-step'))).to.be.closeTo(171.4, 0.5);
  });

  it('is not moved by a doubled tap', () => {
    const taps = steadyTaps(40, 350);
    taps.splice(21, 0, taps[20]! + 80);
    taps.splice(11, 0, taps[10]! + 60);
    expect(spmOf(tapCadence(taps, 'every-step'))).to.be.closeTo(171.4, 0.5);
  });

  it('drops a double tap on the lead-in before the lead-in itself, so its short interval is not counted', () => {
    // 12 taps 350 ms apart, the first tapped twice 80 ms apart: read as 175.1 while the lead-in
    // was dropped first, as the double tap's second half then opened the count.
    const taps = Array.from({ length: 12 }, (_, i) => 1000 + i * 350);
    taps.splice(1, 0, 1080);
    expect(spmOf(tapCadence(taps, 'every-step'))).to.be.closeTo(171.4, 0.1);
  });

  it('is not moved by a finger that bounces on every third step (150 ms after it): 171, not 343', () => {
    const taps: number[] = [];
    for (let i = 0; i < 40; i++) {
      taps.push(i * 350);
      if (i % 3 === 1) taps.push(i * 350 + 150);
    }
    expect(spmOf(tapCadence(taps, 'every-step'))).to.be.closeTo(171.4, 0.5);
    // Every step bounced, 120 to 190 ms after it: still one step each.
    const everyStep = steadyTaps(40, 350).flatMap((t, i) => [t, t + 120 + (i % 8) * 10]);
    expect(spmOf(tapCadence(everyStep, 'every-step'))).to.be.closeTo(171.4, 0.5);
  });

  it('refuses in words, without a number, a rate no runner steps at', () => {
    const cases: [number[], 'every-step' | 'right-foot', RegExp][] = [
      // 210 ms apart: 286 steps/min.
      [steadyTaps(40, 210), 'every-step', /faster than any running rhythm \(over 260 steps\/min\)/],
      // One tap in 400 ms on the right foot is 300 steps/min.
      [steadyTaps(40, 400), 'right-foot', /faster than any running rhythm.*right foot alone/],
      // 1100 ms apart: 55 steps/min.
      [steadyTaps(20, 1100), 'every-step', /slower than any running or walking rhythm \(under 60 steps\/min\).*both feet/],
    ];
    for (const [taps, mode, reason] of cases) {
      const result = tapCadence(taps, mode);
      expect(result.kind, JSON.stringify(result)).to.equal('implausible');
      const text = (result as Extract<TapCadence, { kind: 'implausible' }>).reason;
      expect(text).to.match(reason);
      expect(text, 'the rate itself is not shown').not.to.match(/28\d|30\d|5\d steps/);
    }
    // The edges of the range are shown.
    expect(spmOf(tapCadence(steadyTaps(40, 240), 'every-step'))).to.be.closeTo(250, 1.5);
  });

  it('says when there are too few taps', () => {
    for (const taps of [[], [1000], steadyTaps(MIN_TAP_INTERVALS + 1, 350)]) {
      const result = tapCadence(taps, 'every-step');
      expect(result.kind).to.equal('too-few');
      expect((result as Extract<TapCadence, { kind: 'too-few' }>).reason).to.match(/Too few taps/);
    }
    expect(tapCadence(steadyTaps(MIN_TAP_INTERVALS + 2, 350), 'every-step').kind).to.equal('cadence');
  });

  it('says when the taps are too uneven to read', () => {
    const taps = [0];
    for (let i = 0; i < 30; i++) taps.push(taps[taps.length - 1]! + [280, 900, 420, 1000, 300, 650, 540, 380][i % 8]!);
    expect(tapCadence(taps, 'every-step').kind).to.equal('unsteady');
  });
});
