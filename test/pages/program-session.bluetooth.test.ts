// A faded session of the retraining program (session 5: 22 minutes at the target, metronome for
// 75 % of them) as a runner runs it, through Chromium's own Web Bluetooth stack, with the real
// look-ahead metronome on an audio clock that moves with the pod's (a second a notification). The
// clicks it plays cover the planned share of the main part's running minutes, only inside its ON
// blocks; bandwidth cues sound only while it is off, never while the runner keeps within ±2 % of
// the target, and do once the half-minute's cadence is 5 % low.
import { expect, waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { AppAudio } from '../../src/outputs/app-audio.js';
import { WebAudioMetronome } from '../../src/outputs/web-audio-metronome.js';
import { feedbackBlocks } from '../../src/program/feedback-fading.js';
import { WARM_UP_S } from '../../src/program/session-plan.js';
import type { AppServices } from '../../src/services/services.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { saveProgram } from '../../src/store/program-store.js';
import { FakeTimeContext, ManualTimer } from '../outputs/audio-test-support.js';
import { clickAsRunner, sendMeasurements } from '../support/emulated-footpod.js';
import { LIVE_STOP, coachedServices, endProgramOnPod, pairOnLivePage, startOnLivePage } from '../support/paired-live-page.js';
import { programInBlock } from '../support/program-states.js';

useSeparateDatabase('stride-test-program-session-bluetooth');

const TARGET = 172;
const MAIN_S = 22 * 60;
const SHARE = 0.75;

describe('a faded program session with a footpod on the emulated Web Bluetooth stack', () => {
  let services: AppServices;
  afterEach(() => endProgramOnPod(services));

  it('clicks for 75 % of the main part’s running minutes, in its ON blocks only, and cues only while off and more than 3 % off', async function () {
    this.timeout(40_000);
    const clock = { ms: 0 };
    const context = new FakeTimeContext(new OfflineAudioContext(1, 4410, 44100));
    const timer = new ManualTimer();
    const metronome = new WebAudioMetronome({ audio: new AppAudio(() => context), timer, pageHidden: () => false });
    const coached = await coachedServices(clock, metronome);
    services = coached.services;
    await pairOnLivePage(services);
    // A baseline of 164 at 2.8 m/s gives a +5 % target of 172; sessions 1-4 are done.
    // Session 4 two days ago: session 5 is due today (Start arms nothing on a rest day).
    const twoDaysAgo = new Date();
    twoDaysAgo.setDate(twoDaysAgo.getDate() - 2);
    await saveProgram(programInBlock(twoDaysAgo.getTime(), { cadenceSpm: 164, speedMps: 2.8, done: 4 }));
    await services.program.load();
    expect(services.program.next).to.include({ kind: 'session', n: 5, targetSpm: TARGET, metronomeShare: SHARE });
    await services.program.startNext();
    await startOnLivePage(services);

    // Sample i is running second i. Within ±2 % of the target (a slow wave from 169 to 175) except
    // for 70 s at 163 (5.2 % low) twice: in the first ON block, with the metronome playing (no cue
    // then), and at the start of the last OFF block.
    const plan = feedbackBlocks(MAIN_S, SHARE);
    const lastOff = plan.filter((b) => !b.metronome).at(-1)!;
    const slowWhileOn = (i: number) => i >= WARM_UP_S + 60 && i < WARM_UP_S + 130;
    const slow = (i: number) => i >= WARM_UP_S + lastOff.fromS && i < WARM_UP_S + lastOff.fromS + 70;
    const cadenceAt = (i: number) => (slow(i) || slowWhileOn(i) ? 163 : Math.round(TARGET + 3 * Math.sin(i / 20)));
    const count = WARM_UP_S + MAIN_S + 20;
    let distance = 0;
    const packets = Array.from({ length: count }, (_, i) => {
      distance += 2.8;
      return encodeRscMeasurement({ speedMps: 2.8, cadence: cadenceAt(i), strideLengthM: 0.98, totalDistanceM: distance, isRunning: true });
    });

    /** Clicks that played (their time came on the audio clock), and the second each cue came in. */
    const played = new Set<number>();
    const cueSeconds: { i: number; metronomeOn: boolean; cadence: number }[] = [];
    let cuesSeen = 0;
    await sendMeasurements(packets, (i) => {
      // What packet i - 1 brought: a cue, with the metronome as it was then.
      const cues = coached.output.played.filter((e) => e.kind === 'cue');
      for (const cue of cues.slice(cuesSeen)) cueSeconds.push({ i: i - 1, metronomeOn: metronome.running, cadence: cue.kind === 'cue' ? cue.cadence : 0 });
      cuesSeen = cues.length;
      clock.ms += 1000;
      for (let tick = 0; tick < 40; tick++) {
        context.currentTime += 0.025;
        timer.fire();
        for (const beat of metronome.scheduledBeats) if (beat <= context.currentTime) played.add(beat);
      }
    });
    await clickAsRunner(LIVE_STOP);

    // The audio clock started with sample 0: a click at audio time c fell in running second ⌊c⌋.
    const clickedS = [...played].map((c) => Math.floor(c) - WARM_UP_S);
    const inOn = (s: number) => plan.some((b) => b.metronome && s >= b.fromS - 1 && s < b.toS + 1);
    expect(clickedS.filter((s) => !inOn(s)), 'clicks outside the ON blocks (warm-up, OFF, cool-down)').to.deep.equal([]);
    const clickedMinutes = played.size / TARGET;
    expect(clickedMinutes / ((SHARE * MAIN_S) / 60)).to.be.within(0.95, 1.05);

    expect(cueSeconds.map((c) => c.i - WARM_UP_S - lastOff.fromS), 'two cues in the slow 70 s while off, half a minute apart').to.satisfy(
      (at: number[]) => at.length === 2 && at[0] === 30 && at[1] === 60,
    );
    expect(cueSeconds.filter((c) => c.metronomeOn), 'no cue while the metronome plays').to.deep.equal([]);
    expect(cueSeconds.filter((c) => !slow(c.i) && !slow(c.i - 29)), 'no cue within ±2 %').to.deep.equal([]);
    expect(cueSeconds.every((c) => c.cadence < TARGET * 0.97)).to.equal(true);

    await waitUntil(() => services.program.justFinished !== null, 'the session measured', { timeout: 10_000 });
    const done = services.program.program!.blocks[0]!.sessions[4]!;
    expect(done).to.include({ n: 5, mainRunningS: MAIN_S, metronomeShare: SHARE });
    expect(metronome.running, 'Stop ends the guided metronome').to.equal(false);
  });
});
