// A baseline test of the retraining program as a runner takes it, through Chromium's own Web
// Bluetooth stack: the program armed, the pod paired on the live page, Start, five minutes of
// warm-up and the five-minute test, Stop and save. For one minute of the test the pod says the
// speed was 5 % off the test speed: that minute is left out, the result says so, and the cadence
// and stride length are the pod's. Nothing sounds during a test.
import { expect, waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import type { AppServices } from '../../src/services/services.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { clickAsRunner, sendMeasurements } from '../support/emulated-footpod.js';
import { LIVE_STOP, coachedServices, endProgramOnPod, pairOnLivePage, startOnLivePage } from '../support/paired-live-page.js';
import type { RecordingMetronome } from '../support/recording-outputs.js';

useSeparateDatabase('stride-test-program-test-bluetooth');

const TEST_SPEED = 2.8;
const CADENCE = 160;
const STRIDE = 1.05;

describe('a program baseline test with a footpod on the emulated Web Bluetooth stack', () => {
  let services: AppServices;
  afterEach(() => endProgramOnPod(services));

  it('leaves out the minute the speed was 5 % off, says so, and measures the pod’s cadence and stride in the others', async function () {
    this.timeout(40_000);
    const clock = { ms: 0 };
    const coached = await coachedServices(clock);
    services = coached.services;
    await pairOnLivePage(services);
    await services.program.reset();
    await services.program.begin();
    await services.program.setTestSpeed(TEST_SPEED);
    await services.program.startNext();
    expect(services.program.active).to.include({ kind: 'test', test: 'baseline' });

    await startOnLivePage(services);
    // Sample i is running second i: the test's five minutes are samples 300-600, its third minute 420-480.
    const speedOff = (i: number) => i >= 422 && i <= 478;
    let distance = 0;
    const packets = Array.from({ length: 606 }, (_, i) => {
      const speedMps = speedOff(i) ? TEST_SPEED * 1.05 : TEST_SPEED;
      distance += speedMps;
      return encodeRscMeasurement({ speedMps, cadence: CADENCE, strideLengthM: STRIDE, totalDistanceM: distance, isRunning: true });
    });
    const phases = new Set<string>();
    await sendMeasurements(packets, () => {
      clock.ms += 1000;
      phases.add(services.program.moment?.phase ?? 'none');
    });
    expect([...phases]).to.include.members(['warm-up', 'main', 'cool-down']);
    expect(services.program.moment?.cueFree).to.equal(true);
    const id = services.recording.recorder!.id;
    await clickAsRunner(LIVE_STOP);
    await waitUntil(() => services.program.justFinished !== null, 'the test measured', { timeout: 10_000 });

    const finished = services.program.justFinished!;
    if (finished.kind !== 'test' || !finished.outcome.ok) throw new Error(`expected a valid test, got ${JSON.stringify(finished)}`);
    expect(finished.test).to.equal('baseline');
    expect(finished.outcome.note).to.equal('1 of 5 minutes was left out: the speed was off by more than 3 %.');
    const result = finished.outcome.result;
    expect(result).to.include({ sessionId: id, keptMinutes: 4, discardedMinutes: 1, speedMps: TEST_SPEED });
    expect(result.cadenceSpm).to.be.closeTo(CADENCE, 0.01);
    expect(result.strideLengthM).to.be.closeTo(STRIDE, 0.005);
    expect(services.program.program!.baseline).to.deep.equal(result);
    expect(services.program.active).to.equal(null);
    expect(coached.output.played, 'no cue and no check-in in a test').to.deep.equal([]);
    const metronome = (await services.coach.engine())!.metronome as RecordingMetronome;
    expect(metronome.calls.filter((call) => call[0] !== 'stop'), 'no metronome in a test').to.deep.equal([]);
    await services.history.load();
    expect(services.history.summary(id)?.program).to.include({ kind: 'test', test: 'baseline', block: 0 });
  });
});
