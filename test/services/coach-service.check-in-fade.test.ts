// A check-in goes by itself, so a runner mid-stride never has to tap it away: after 12 s by
// default, or the time the runner chose (6-30 s), or never ("until I dismiss it"). Timed on the
// session's clock, which a scripted pod drives here a reading at a time (the fake clock).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { clear } from 'idb-keyval';
import type { CoachEngine, WallTimer } from '../../src/services/coach-service.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import { checkInFadeChoices, defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine, quickStepsPrompt } from '../support/fake-coach-engine.js';
import { finishRun } from '../support/finish-run.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { RecordingMetronome, RecordingOutput, RecordingWakeLock } from '../support/recording-outputs.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-coach-check-in-fade');

let services: AppServices;

async function coached(engine: CoachEngine, pod: ScriptedFootpod): Promise<void> {
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
  await services.settings.load();
  await services.footpod.simulate();
  await services.coach.engine();
}

/** A wall clock moved by hand: `advance` runs the timers falling due. */
function fakeWallClock() {
  let nowMs = 0;
  const timers = new Set<{ atMs: number; run: () => void }>();
  const wallTimer: WallTimer = (run, ms) => {
    const timer = { atMs: nowMs + ms, run };
    timers.add(timer);
    return () => timers.delete(timer);
  };
  const advance = (ms: number) => {
    nowMs += ms;
    for (const timer of [...timers].filter((t) => t.atMs <= nowMs)) {
      timers.delete(timer);
      timer.run();
    }
  };
  return { wallTimer, advance, get pending() { return timers.size; } };
}

const fadeAfter = (fadeAfterS: number) =>
  services.settings.update({ coach: { ...services.settings.settings.coach, checkIns: { ...services.settings.settings.coach.checkIns, fadeAfterS } } });

describe('CoachService: a check-in goes by itself', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('after 12 s by default, after the chosen 6 s, and never with "until I dismiss it"; logged and played either way', async () => {
    const pod = new ScriptedFootpod('Pod');
    const output = new RecordingOutput();
    await coached(
      {
        rules: new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0.5),
        output,
        metronome: new RecordingMetronome(),
        wakeLock: new RecordingWakeLock(),
        metronomeRate,
      },
      pod,
    );
    expect(services.settings.settings.coach.checkIns.fadeAfterS).to.equal(12);
    await services.recording.start();
    const shownAt = (from: number, to: number) => {
      const shown: number[] = [];
      for (let t = from; t <= to; t++) {
        pod.send(t, { cadence: 172 });
        if (services.coach.checkIn) shown.push(t);
      }
      return shown;
    };
    const span = (shown: number[]) => [shown[0], shown.at(-1)];
    expect(span(shownAt(0, 400)), 'every 5 min: on at 300, gone at 312').to.deep.equal([300, 311]);
    await fadeAfter(6);
    expect(span(shownAt(401, 700)), 'gone at 606').to.deep.equal([600, 605]);
    await fadeAfter(0);
    expect(span(shownAt(701, 1150)), 'still up a whole interval later').to.deep.equal([900, 1150]);
    services.coach.dismissCheckIn();
    expect(services.coach.checkIn).to.equal(null);
    expect(output.played.filter((e) => e.kind === 'check-in').map((e) => e.atS)).to.deep.equal([300, 600, 900]);
    expect(services.recording.recorder!.meta().checkIns!.map((c) => c.t)).to.deep.equal([300, 600, 900]);
  });

  it('goes after the chosen 6 s of the wall clock while the pod sends nothing (paused at a crossing), and not before', async () => {
    const pod = new ScriptedFootpod('Pod');
    const clock = fakeWallClock();
    const engine = { ...fakeCoachEngine(), wallTimer: clock.wallTimer };
    await coached(engine, pod);
    await fadeAfter(6);
    await services.recording.start();
    for (let t = 0; t < 300; t++) pod.send(t, { cadence: 172 });
    engine.raiseCheckIn(quickStepsPrompt);
    pod.send(300, { cadence: 172 });
    expect(services.coach.checkIn, 'the check-in at 5:00').to.not.equal(null);
    services.recording.pause();
    clock.advance(5999);
    expect(services.coach.checkIn, 'up at 5.999 s').to.not.equal(null);
    clock.advance(1);
    expect(services.coach.checkIn, 'gone at 6 s with no reading').to.equal(null);
  });

  it('cancels the wall-clock fade when the check-in goes sooner, and sets none with "until I dismiss it"', async () => {
    const pod = new ScriptedFootpod('Pod');
    const clock = fakeWallClock();
    const engine = { ...fakeCoachEngine(), wallTimer: clock.wallTimer };
    await coached(engine, pod);
    await fadeAfter(6);
    await services.recording.start();
    engine.raiseCheckIn(quickStepsPrompt);
    pod.send(1, { cadence: 172 });
    expect(clock.pending, 'a fade on its way').to.equal(1);
    services.coach.dismissCheckIn();
    expect(clock.pending, 'dismissed: no fade left').to.equal(0);
    engine.raiseCheckIn(quickStepsPrompt);
    pod.send(2, { cadence: 172 });
    services.recording.stop();
    expect(services.coach.checkIn, 'gone with Stop').to.equal(null);
    expect(clock.pending, 'stopped: no fade left').to.equal(0);
    await fadeAfter(0);
    await services.recording.start();
    engine.raiseCheckIn(quickStepsPrompt);
    pod.send(3, { cadence: 172 });
    expect(services.coach.checkIn).to.not.equal(null);
    expect(clock.pending, 'never fades').to.equal(0);
  });

  it('is on screen for exactly the readings less than the chosen time after it came, however the readings are spaced', async () => {
    const gapsS = fc.array(fc.constantFrom(0.25, 0.5, 1, 1, 1, 1.5, 2, 3, 5), { minLength: 5, maxLength: 60 });
    const fades = fc.constantFrom(...checkInFadeChoices.filter((s) => s > 0));
    await fc.assert(
      fc.asyncProperty(fades, gapsS, fc.nat(4), async (fadeAfterS, gaps, raisedAt) => {
        const pod = new ScriptedFootpod('Pod');
        const engine = fakeCoachEngine();
        await coached(engine, pod);
        await fadeAfter(fadeAfterS);
        let t = 10;
        let atS: number | null = null;
        for (const [i, gap] of gaps.entries()) {
          t += gap;
          if (i === raisedAt) engine.raiseCheckIn(quickStepsPrompt);
          pod.send(t, { cadence: 172 });
          if (i === raisedAt) atS = t;
          const due = atS !== null && t - atS < fadeAfterS;
          expect(services.coach.checkIn !== null, `${t} s, check-in at ${atS}, fades after ${fadeAfterS}`).to.equal(due);
        }
        services.footpod.disconnect();
      }),
      { numRuns: invariantRuns(40) },
    );
  });
});
