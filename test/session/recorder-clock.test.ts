// Durations come from the monotonic clock that stamps each notification (performance.now or the
// event's timestamp), never from differences of Date.now: the wall clock can jump (NTP, a runner
// changing the time zone or the clock by hand, daylight saving on a badly set machine) and only
// dates come from it. These tests move Date.now itself, so any code on the path from bytes to
// recorded samples that measured time with it would show here.
import { expect } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { LiveSession } from '../../src/session/live-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const HOUR_MS = 3_600_000;
const WALL_START = new Date(2026, 10, 25, 7, 54, 12).getTime();

describe('recording while the wall clock jumps', () => {
  const realNow = Date.now;
  let wallMs = WALL_START;
  beforeEach(() => {
    wallMs = WALL_START;
    Date.now = () => wallMs;
  });
  afterEach(() => {
    Date.now = realNow;
  });

  /** A session and a recorder as the app wires them; the recorder keeps its default clock, Date.now. */
  function recordingRun() {
    const live = new LiveSession(defaultCadenceZones);
    const recorder = new Recorder({ zones: defaultCadenceZones, autoPauseAfterS: 10 });
    live.addEventListener('sample', () => recorder.addReading(live.latest!));
    recorder.start();
    let distanceM = 0;
    /** One notification stamped `monotonicMs`; the wall clock moves a second with each, unless it jumps. */
    const notify = (monotonicMs: number, podRanM = 3) => {
      distanceM += podRanM;
      const bytes = encodeRscMeasurement({ speedMps: 3, cadence: 172, strideLengthM: 1.05, totalDistanceM: distanceM, isRunning: true });
      live.ingest(new DataView(bytes.buffer), monotonicMs);
      wallMs += 1000;
    };
    return { recorder, notify };
  }

  it('keeps durations on the monotonic clock when the wall clock jumps an hour forward and back', () => {
    const { recorder, notify } = recordingRun();
    const monotonicStart = 52_345.6;
    for (let s = 0; s < 600; s++) {
      if (s === 200) wallMs += HOUR_MS;
      if (s === 400) wallMs -= 2 * HOUR_MS;
      notify(monotonicStart + s * 1000);
    }
    const t = Array.from(recorder.samples.t);
    expect(t.length).to.equal(600);
    expect(t.slice(1).filter((x, i) => Math.abs(x - t[i]! - 1) > 1e-9), 'a second between samples').to.deep.equal([]);
    expect(recorder.elapsedS).to.be.closeTo(599, 1e-9);
    expect(recorder.movingS).to.be.closeTo(599, 1e-9);
    expect(recorder.gaps).to.deep.equal([]);
    expect(recorder.state, 'no auto-pause from a clock set back').to.equal('recording');
    // The date is the wall clock's, read once when the run started.
    expect(recorder.startedAt).to.equal(WALL_START);
    expect(recorder.meta().startedAt).to.equal(WALL_START);
  });

  it('gives a device asleep for minutes one gap as long as the sleep, whatever the wall clock did meanwhile', () => {
    const { recorder, notify } = recordingRun();
    for (let s = 0; s < 60; s++) notify(s * 1000);
    // Four minutes without a notification; the wall clock is set back an hour meanwhile.
    wallMs -= HOUR_MS;
    for (let s = 300; s < 360; s++) notify(s * 1000);
    expect(recorder.sampleCount).to.equal(120);
    expect(recorder.gaps.map((g) => [g.fromT, g.toT, g.reason])).to.deep.equal([[59, 300, 'link-lost']]);
    expect(recorder.elapsedS).to.equal(359);
    expect(recorder.state).to.equal('recording');
  });

  it('gives a computer that slept mid-run (live clock stopped, link lost) a gap as long as the wall clock says', () => {
    const { recorder, notify } = recordingRun();
    for (let s = 0; s < 60; s++) notify(s * 1000);
    // The laptop sleeps ten minutes: Bluetooth goes, performance.now stands still, the wall clock
    // does not; the runner runs on and the pod counts 1,800 m meanwhile.
    recorder.linkLost();
    wallMs += 600_000;
    recorder.linkRestored();
    notify(60_000, 3 + 1800);
    for (let s = 61; s < 120; s++) notify(s * 1000);
    expect(recorder.sampleCount).to.equal(120);
    const [gap] = recorder.gaps;
    expect(recorder.gaps).to.have.length(1);
    expect([gap!.fromT, gap!.reason]).to.deep.equal([59, 'link-lost']);
    expect(gap!.toT).to.be.closeTo(59 + 601, 1e-6);
    // What the pod counted meanwhile reached the live view as 1,800 m in one second of its stopped
    // clock, which no runner does: it is left out, not spread over the sleep by a guess.
    expect(gap!.coveredM).to.equal(undefined);
    expect(recorder.distanceM, "3 m a second, before the sleep and after it").to.equal(3 * 59 + 3 * 59);
    const t = Array.from(recorder.samples.t);
    expect(t.slice(61).map((x, i) => x - t[60 + i]!), 'a second between samples after it').to.deep.equal(new Array(59).fill(1));
    expect(recorder.elapsedS).to.be.closeTo(719, 1e-6);
    expect(recorder.state).to.equal('recording');
  });

  it('moves nothing when the wall clock jumps forward during a lost link that the live clock saw through', () => {
    const { recorder, notify } = recordingRun();
    for (let s = 0; s < 60; s++) notify(s * 1000);
    recorder.linkLost();
    // 30 s without the pod on the live clock, and the wall clock set forward only 1.5 s beyond that.
    wallMs += 30_000 + 1500;
    recorder.linkRestored();
    for (let s = 90; s < 100; s++) notify(s * 1000);
    expect(recorder.gaps.map((g) => [g.fromT, g.toT, g.reason])).to.deep.equal([[59, 90, 'link-lost']]);
  });
});
